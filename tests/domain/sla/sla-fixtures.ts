import type { BusinessCalendar } from '../../../src/domain/calendar';
import type { IssueHistory, IssueHistoryInput, PriorityLevelRef, SlaContext, SlaEvaluation, SlaPolicy, SlaPolicyInput } from '../../../src/domain/sla';
import { IssueHistorySchema, SlaPolicySchema, computeSla } from '../../../src/domain/sla';
import { WITH_LUNCH, calendar, tokyo, weekdays } from '../calendar/calendar-fixtures';

export { H, M, at, iso } from '../calendar/calendar-fixtures';

export const STATUSES = {
  open: { id: '1', name: 'Open', category: 'new' },
  progress: { id: '3', name: 'In Progress', category: 'indeterminate' },
  waiting: { id: '10001', name: 'Waiting for customer', category: 'indeterminate' },
  resolved: { id: '5', name: 'Resolved', category: 'done' },
  reopened: { id: '4', name: 'Reopened', category: 'new' },
} as const;
export type StatusKey = keyof typeof STATUSES;

export const PRIORITIES = { Highest: '1', High: '2', Medium: '3', Low: '4', Lowest: '5' } as const;
export type PriorityName = keyof typeof PRIORITIES;

export const PRIORITY_LEVELS: PriorityLevelRef[] = [
  { id: 'P1', jiraPriorityName: 'Highest' },
  { id: 'P2', jiraPriorityName: 'High' },
  { id: 'P3', jiraPriorityName: 'Medium' },
  { id: 'P4', jiraPriorityName: 'Low' },
  { id: 'P5', jiraPriorityName: 'Lowest' },
];

export function calendars(): Map<string, BusinessCalendar> {
  return new Map([
    ['tokyo', tokyo()],
    ['tokyo-lunch', calendar({ id: 'tokyo-lunch', timeZone: 'Asia/Tokyo', hours: { kind: 'weekly', week: weekdays(WITH_LUNCH) } })],
    ['new-york', calendar({ id: 'new-york', timeZone: 'America/New_York', hours: { kind: 'weekly', week: weekdays([{ start: '09:00', end: '17:00' }]) } })],
  ]);
}

let shared: SlaContext | null = null;
/** One context for all tests: compiled calendars are deterministic caches, safe to share. */
export const context = (): SlaContext => (shared ??= { calendars: calendars(), priorityLevels: PRIORITY_LEVELS });

const goals = (minutes: readonly [number, number, number, number, number]) => minutes.map((targetMinutes, i) => ({ id: `P${String(i + 1)}`, when: { priorities: [`P${String(i + 1)}`] }, targetMinutes }));
const paused = { pause: [{ on: 'status-entered' as const, statuses: ['Waiting for customer'] }], resume: [{ on: 'status-left' as const, statuses: ['Waiting for customer'] }] };

/** The seed policy: first response 15m/30m/2h/4h/8h, resolution 4h/8h/27h/45h/90h business time. */
export function standardPolicy(overrides: Partial<SlaPolicyInput> = {}): SlaPolicy {
  return SlaPolicySchema.parse({
    id: 'standard',
    version: 1,
    labels: { ja: '標準', en: 'Standard' },
    calendar: { kind: 'fixed', calendarId: 'tokyo' },
    metrics: [
      {
        id: 'first-response',
        kind: 'time-to-first-response',
        labels: { ja: '初回応答', en: 'First response' },
        start: [{ on: 'issue-created' }],
        stop: [{ on: 'comment-by-agent' }, { on: 'resolution-set' }],
        ...paused,
        goals: goals([15, 30, 120, 240, 480]),
      },
      {
        id: 'resolution',
        kind: 'time-to-resolution',
        labels: { ja: '解決', en: 'Resolution' },
        start: [{ on: 'issue-created' }, { on: 'resolution-cleared' }],
        stop: [{ on: 'resolution-set' }],
        ...paused,
        goals: goals([240, 480, 1620, 2700, 5400]),
      },
    ],
    ...overrides,
  });
}

/** Builds a history the way Jira's changelog would record it, keeping from/to values consistent. */
export class HistoryBuilder {
  private nextId = 9_990; // crosses 9999 -> 10000 so string order differs from numeric order
  private status: StatusKey;
  private priority: PriorityName;
  private assignee: string | null;
  private resolution: string | null = null;
  private readonly changelog: NonNullable<IssueHistoryInput['changelog']> = [];
  private readonly comments: NonNullable<IssueHistoryInput['comments']> = [];
  private kind: string | null;

  constructor(
    private readonly key: string,
    private readonly created: string,
    private readonly initial: { status?: StatusKey; priority?: PriorityName; assignee?: string | null; kind?: string | null } = {},
  ) {
    this.status = initial.status ?? 'open';
    this.priority = initial.priority ?? 'Medium';
    this.assignee = initial.assignee ?? null;
    this.kind = initial.kind ?? 'failure';
  }

  private entry(when: string, items: NonNullable<IssueHistoryInput['changelog']>[number]['items']): this {
    this.changelog.push({ id: String(this.nextId++), created: when, author: { accountId: 'agent-1', displayName: 'Agent' }, items });
    return this;
  }

  private statusItem(to: StatusKey) {
    const from = STATUSES[this.status];
    this.status = to;
    return { field: 'status', fieldtype: 'jira', fieldId: 'status', from: from.id, fromString: from.name, to: STATUSES[to].id, toString: STATUSES[to].name };
  }

  transition(when: string, to: StatusKey): this {
    return this.entry(when, [this.statusItem(to)]);
  }

  resolve(when: string, resolution = 'Fixed'): this {
    const items = [this.statusItem('resolved'), { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: resolution }];
    this.resolution = resolution;
    return this.entry(when, items);
  }

  reopen(when: string): this {
    const items = [this.statusItem('reopened'), { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: '10000', fromString: this.resolution, to: null, toString: null }];
    this.resolution = null;
    return this.entry(when, items);
  }

  setPriority(when: string, to: PriorityName): this {
    const from = this.priority;
    this.priority = to;
    return this.entry(when, [{ field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: PRIORITIES[from], fromString: from, to: PRIORITIES[to], toString: to }]);
  }

  assign(when: string, to: string | null): this {
    const from = this.assignee;
    this.assignee = to;
    return this.entry(when, [{ field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from, fromString: from, to, toString: to }]);
  }

  setKind(when: string, to: string): this {
    const from = this.kind;
    this.kind = to;
    return this.entry(when, [{ field: 'Incident kind', fieldtype: 'custom', fieldId: 'customfield_10050', from: null, fromString: from, to: null, toString: to }]);
  }

  comment(when: string, opts: { agent?: boolean; isPublic?: boolean } = {}): this {
    this.comments.push({ id: String(this.nextId++), created: when, author: 'agent-1', isAgent: opts.agent ?? true, isPublic: opts.isPublic ?? true });
    return this;
  }

  input(): IssueHistoryInput {
    const status = STATUSES[this.initial.status ?? 'open'];
    const priority = this.initial.priority ?? 'Medium';
    return {
      issueKey: this.key,
      created: this.created,
      initial: { status, priority: { id: PRIORITIES[priority], name: priority }, kind: this.initial.kind ?? 'failure', assignee: this.initial.assignee ?? null, reporter: 'customer-1', resolution: null },
      statuses: Object.values(STATUSES),
      kindField: 'customfield_10050',
      changelog: [...this.changelog],
      comments: [...this.comments],
    };
  }

  build(): IssueHistory {
    return IssueHistorySchema.parse(this.input());
  }
}

export function evaluate(history: IssueHistory, now: number, policy: SlaPolicy = standardPolicy()): SlaEvaluation {
  const r = computeSla(policy, history, context(), now);
  if (!r.ok) throw new Error(`unexpected SLA error ${r.error.code}`);
  return r.value;
}

export function metric(evaluation: SlaEvaluation, id: string) {
  const m = evaluation.metrics.find((x) => x.metricId === id);
  if (m === undefined) throw new Error(`no metric ${id}`);
  return m;
}

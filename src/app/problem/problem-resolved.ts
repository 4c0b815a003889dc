import type { Config } from '../../config';
import { planProblemResolution, type ProblemIncident, type ProblemResolutionAction } from '../../domain/problem';
import type { ChangelogEntry } from '../../domain/sla';
import type { IssueEvent } from '../issue-events/issue-event';
import type { ProblemEventHook } from '../issue-events/handle-issue-event';
import type { Clock } from '../ports/clock';
import type { IssueGateway, IssueSnapshot } from '../ports/issue-gateway';
import { isJiraApiError } from '../ports/jira-error';
import type { SiteCatalog } from '../ports/setup-store';
import { ISSUE_LINKS_FIELD, problemLinksOf } from './issue-links';
import type { ProblemResolutionLedger, ProblemResolutionRecord, ResolutionActionRecord } from './resolution-ledger';

/**
 * A problem resolved (resolution set, or status category done): carry out `problemManagement.
 * onProblemResolved` on its linked incidents that are still open — notify, transition, comment — once
 * per (problem, resolving change), however often and late the event comes. The ledger record is
 * created atomically before the first action and updated after each, so a duplicate finds it and does
 * nothing, and a run that died half-way is resumed (pending actions only) once its lease ran out.
 *
 * REST calls: 0 for problem updates that touch neither resolution nor status; 1 GET otherwise; then per
 * incident action 1 call (a transition 2, + 1 for its comment).
 */

export interface ProblemResolvedDeps {
  readonly gateway: IssueGateway;
  readonly ledger: ProblemResolutionLedger;
  readonly clock: Clock;
}

/** A `running` record older than this belongs to a run that died; the next event takes it over. */
export const RESOLUTION_LEASE_MS = 10 * 60_000;

export type ProblemResolvedOutcome =
  | { readonly kind: 'skipped'; readonly reason: 'no-resolution-change' | 'gone' | 'not-resolved' | 'already-done' | 'in-progress' }
  | { readonly kind: 'acted'; readonly problemKey: string; readonly changeId: string; readonly actions: readonly ResolutionActionRecord[]; readonly skipped: ProblemResolutionRecord['skipped'] };

/** Only these fields can resolve a problem. */
function touchesResolution(event: IssueEvent): boolean {
  if (event.eventType !== 'avi:jira:updated:issue') return false;
  const changelog: unknown = (event as Readonly<Record<string, unknown>>)['changelog'];
  const items: unknown = typeof changelog === 'object' && changelog !== null ? (changelog as { items?: unknown }).items : undefined;
  // An update event without its changelog: look at the issue rather than miss a resolution.
  if (!Array.isArray(items)) return true;
  return items.some((i) => typeof i === 'object' && i !== null && ['resolution', 'status'].includes(String((i as { field?: unknown }).field).toLowerCase()));
}

/**
 * The changelog entry that resolved the problem as it stands: the latest that set a resolution or moved
 * it into a done status; `created` when its history shows neither (created resolved).
 *
 * @example resolvingChangeId(problem, catalog) // '10234'
 */
export function resolvingChangeId(problem: Pick<IssueSnapshot, 'changelog'>, catalog: Pick<SiteCatalog, 'statuses'>): string {
  const done = new Set(catalog.statuses.filter((s) => s.category === 'done').map((s) => s.id));
  const entries: readonly ChangelogEntry[] = problem.changelog ?? [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry === undefined) continue;
    const resolves = entry.items.some((item) => {
      const field = item.field.toLowerCase();
      if (field === 'resolution') return item.to !== null || item.toString !== null;
      return field === 'status' && item.to !== null && done.has(item.to);
    });
    if (resolves) return entry.id;
  }
  return 'created';
}

const actionId = (ruleIndex: number, a: ProblemResolutionAction): string => `${String(ruleIndex)}:${a.type}:${a.incidentKey}`;
const bilingual = (t: { readonly ja: string; readonly en: string }): string => `${t.ja}\n\n${t.en}`;

async function perform(gateway: IssueGateway, problem: IssueSnapshot, action: ProblemResolutionAction): Promise<void> {
  switch (action.type) {
    case 'notify':
      await gateway.notify(action.incidentKey, {
        subject: `[${action.incidentKey}] 問題 ${problem.key} が解決されました / Problem ${problem.key} resolved`,
        textBody: bilingual(action.message),
        to: { assignee: action.recipients.includes('assignee'), reporter: action.recipients.includes('reporter'), watchers: action.recipients.includes('watchers') },
      });
      return;
    case 'transition': {
      const wanted = action.toStatus.toLowerCase();
      const transitions = await gateway.getTransitions(action.incidentKey);
      const t = transitions.find((x) => x.to.name.toLowerCase() === wanted) ?? transitions.find((x) => x.name.toLowerCase() === wanted);
      if (t === undefined) throw new NoTransition(action.toStatus, transitions.map((x) => x.to.name));
      await gateway.transition(action.incidentKey, t.id);
      if (action.comment !== null) await gateway.addComment(action.incidentKey, bilingual(action.comment));
      return;
    }
    case 'comment':
      await gateway.addComment(action.incidentKey, bilingual(action.body));
      return;
  }
}

class NoTransition extends Error {
  constructor(toStatus: string, available: readonly string[]) {
    super(`no transition to "${toStatus}" (available: ${available.join(', ') || 'none'})`);
  }
}

function plan(problem: IssueSnapshot, catalog: SiteCatalog, config: Config): { actions: { id: string; action: ProblemResolutionAction }[]; skipped: ProblemResolutionRecord['skipped'] } {
  const linked: ProblemIncident[] = problemLinksOf(problem.fields, catalog, 'incident').map((l) => ({
    key: l.key,
    createdAt: 0,
    summary: l.summary,
    description: '',
    service: null,
    category: null,
    status: l.status,
    statusCategory: l.statusCategory ?? 'new',
    problemKey: problem.key,
  }));
  const resolved = { key: problem.key, summary: problem.summary, resolution: problem.resolution?.name ?? null };
  const actions: { id: string; action: ProblemResolutionAction }[] = [];
  const skipped = new Map<string, string>();
  config.problemManagement.onProblemResolved.forEach((rule, i) => {
    const p = planProblemResolution(resolved, linked, rule);
    for (const a of p.actions) actions.push({ id: actionId(i, a), action: a });
    for (const s of p.skipped) if (!skipped.has(s.incidentKey)) skipped.set(s.incidentKey, s.reason);
  });
  return { actions, skipped: [...skipped.entries()].map(([incidentKey, reason]) => ({ incidentKey, reason })) };
}

export async function handleProblemResolved(
  deps: ProblemResolvedDeps,
  input: { readonly event: IssueEvent; readonly config: Config; readonly catalog: SiteCatalog },
): Promise<ProblemResolvedOutcome> {
  const { event, config, catalog } = input;
  if (!touchesResolution(event)) return { kind: 'skipped', reason: 'no-resolution-change' };
  const problem = await deps.gateway.getIssue(event.issue.id, { changelog: true, fields: [ISSUE_LINKS_FIELD] });
  if (problem === null) return { kind: 'skipped', reason: 'gone' };
  if (problem.resolution === null && problem.status.category !== 'done') return { kind: 'skipped', reason: 'not-resolved' };
  const changeId = resolvingChangeId(problem, catalog);
  const key = `${problem.id}:${changeId}`;
  const now = deps.clock.now();

  const planned = plan(problem, catalog, config);
  const fresh: ProblemResolutionRecord = {
    schemaVersion: 1,
    key,
    problemKey: problem.key,
    changeId,
    claimedAt: now,
    state: 'running',
    actions: planned.actions.map(({ id, action }) => ({ id, type: action.type, incidentKey: action.incidentKey, state: 'pending', detail: null })),
    skipped: planned.skipped,
  };
  const existing = await deps.ledger.get(key);
  let record: ProblemResolutionRecord;
  if (existing === null) {
    const claimed = await deps.ledger.create(fresh);
    if (!claimed.created) return { kind: 'skipped', reason: claimed.record.state === 'done' ? 'already-done' : 'in-progress' };
    record = claimed.record;
  } else if (existing.state === 'done') {
    return { kind: 'skipped', reason: 'already-done' };
  } else if (now - existing.claimedAt < RESOLUTION_LEASE_MS) {
    return { kind: 'skipped', reason: 'in-progress' };
  } else {
    // Take over a run that died: only what it had not done, as it planned it.
    record = { ...existing, claimedAt: now };
    await deps.ledger.update(record);
  }

  const byId = new Map(planned.actions.map((a) => [a.id, a.action]));
  const actions = [...record.actions];
  for (let i = 0; i < actions.length; i++) {
    const entry = actions[i];
    if (entry === undefined || entry.state !== 'pending') continue;
    const action = byId.get(entry.id);
    let next: ResolutionActionRecord;
    if (action === undefined) {
      next = { ...entry, state: 'failed', detail: 'the incident is no longer linked or open' };
    } else {
      try {
        await perform(deps.gateway, problem, action);
        next = { ...entry, state: 'done' };
      } catch (error) {
        if (!(error instanceof NoTransition) && !isJiraApiError(error)) throw error;
        next = { ...entry, state: 'failed', detail: error.message };
      }
    }
    actions[i] = next;
    record = { ...record, actions: [...actions] };
    await deps.ledger.update(record);
  }
  record = { ...record, state: 'done' };
  await deps.ledger.update(record);
  return { kind: 'acted', problemKey: problem.key, changeId, actions: record.actions, skipped: record.skipped };
}

/** The Problem hook of the issue-event path (register in src/forge/wiring.ts issueEventDeps). */
export function problemResolvedHook(deps: ProblemResolvedDeps): ProblemEventHook {
  return { run: ({ event, config, catalog }) => handleProblemResolved(deps, { event, config, catalog }) };
}

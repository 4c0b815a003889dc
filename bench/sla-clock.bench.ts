/**
 * SLA clock: one incident with 200 changelog entries (and 40 comments) spread over a year, evaluated
 * against the seed policy on the seed calendar (weekdays 09:00-18:00 Asia/Tokyo + Japanese holidays).
 * Prints microseconds per evaluation (goal: < 50 us), with the one-off costs shown separately, for
 * three ways of calling the clock:
 *   - evaluateSla on a policy compiled once (the figure the goal is about);
 *   - computeSla as the app calls it (src/app/sla/evaluate-issue-sla.ts: same config objects each time,
 *     so the compiled policy is reused from computeSla's cache);
 *   - compileSlaPolicy + evaluateSla on every call (a caller that never reuses anything; calendars shared).
 * Each figure is the median (and p95) over batches of 500 evaluations, in process CPU time.
 * Reference, same incident and box: before the replay was reworked (commit 5dd14a5) the first figure
 * was a median of 94-168 us per evaluation over three runs (load average 6-9 on 2 cores).
 * Run: npx tsx bench/sla-clock.bench.ts
 */
import { defaultConfig } from '../src/config';
import { compileCalendar } from '../src/domain/calendar';
import type { IssueHistoryInput } from '../src/domain/sla';
import { IssueHistorySchema, compileSlaPolicy, computeSla, evaluateSla } from '../src/domain/sla';

const config = defaultConfig({ year: 2025 });
const policy = config.slaPolicies[0];
if (policy === undefined) throw new Error('no seed policy');

const STATUSES = {
  open: { id: '1', name: 'Open', category: 'new' },
  progress: { id: '3', name: 'In Progress', category: 'indeterminate' },
  waiting: { id: '10001', name: 'Waiting for customer', category: 'indeterminate' },
  resolved: { id: '5', name: 'Resolved', category: 'done' },
  reopened: { id: '4', name: 'Reopened', category: 'new' },
} as const;
type StatusKey = keyof typeof STATUSES;
const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;

/** A year-long, realistic-looking history: work, waits, priority and assignee changes, resolve/reopen. */
function buildHistory(): IssueHistoryInput {
  const created = Date.parse('2025-01-06T09:30:00+09:00');
  const changelog: NonNullable<IssueHistoryInput['changelog']> = [];
  const comments: NonNullable<IssueHistoryInput['comments']> = [];
  let status: StatusKey = 'open';
  let priority = 2;
  let resolution: string | null = null;
  let t = created;
  const step = Math.floor((360 * 86_400_000) / 200);
  const plan: StatusKey[] = ['progress', 'waiting', 'progress', 'resolved', 'reopened'];
  for (let i = 0; i < 200; i++) {
    t += step - 3_600_000 + ((i * 7919) % 7_200_000);
    const when = new Date(t).toISOString();
    const id = String(100_000 + i);
    if (i % 5 === 4) {
      const next = (priority + (i % 2 === 0 ? 1 : 4)) % 5;
      changelog.push({ id, created: when, items: [{ field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: String(priority + 1), fromString: PRIORITIES[priority] ?? null, to: String(next + 1), toString: PRIORITIES[next] ?? null }] });
      priority = next;
      continue;
    }
    if (i % 7 === 3) {
      changelog.push({ id, created: when, items: [{ field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: null, fromString: null, to: `agent-${String(i % 3)}`, toString: `Agent ${String(i % 3)}` }] });
      continue;
    }
    const to = plan[i % plan.length] ?? 'progress';
    const items: NonNullable<IssueHistoryInput['changelog']>[number]['items'] = [
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: STATUSES[status].id, fromString: STATUSES[status].name, to: STATUSES[to].id, toString: STATUSES[to].name },
    ];
    if (to === 'resolved') {
      items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Fixed' });
      resolution = 'Fixed';
    } else if (to === 'reopened' && resolution !== null) {
      items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: '10000', fromString: resolution, to: null, toString: null });
      resolution = null;
    }
    changelog.push({ id, created: when, items });
    status = to;
    if (i % 5 === 1) comments.push({ id: String(500_000 + i), created: new Date(t + 600_000).toISOString(), author: 'agent-1', isAgent: true, isPublic: i % 10 !== 1 });
  }
  return {
    issueKey: 'INC-200',
    created: new Date(created).toISOString(),
    initial: { status: STATUSES.open, priority: { id: '3', name: 'Medium' }, kind: 'failure', assignee: null, reporter: 'customer-1', resolution: null },
    statuses: Object.values(STATUSES),
    changelog,
    comments,
  };
}

const input = buildHistory();
const now = Date.parse('2026-01-10T12:00:00+09:00');

const t0 = performance.now();
const history = IssueHistorySchema.parse(input);
const parseMs = performance.now() - t0;

const t1 = performance.now();
const calendars = new Map(config.calendars.map((c) => [c.id, compileCalendar(c)]));
const compiled = compileSlaPolicy(policy, { calendars, priorityLevels: config.priorityLevels });
if (!compiled.ok) throw new Error(compiled.error.code);
const first = evaluateSla(compiled.value, history, now);
const coldMs = performance.now() - t1;

const summary = first.metrics.map((m) => {
  const states = m.cycles.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.state]: (acc[c.state] ?? 0) + 1 }), {});
  return `${m.metricId}: ${String(m.cycles.length)} cycles ${JSON.stringify(states)}`;
});
console.log(`incident: ${String(history.changelog.length)} changelog entries + ${String(history.comments.length)} comments over ${((history.changelog.at(-1)?.created ?? 0) - history.created) / 86_400_000 | 0} days`);
console.log(`result: ${summary.join('; ')}`);
console.log(`one-off: zod parse of the history ${parseMs.toFixed(2)} ms; first evaluation incl. compiling policy and two calendar years ${coldMs.toFixed(2)} ms`);

// Warm evaluations, in batches so a percentile over batches is meaningful. Timed in process CPU time
// (user + system), so other processes competing for the cores do not inflate the figure much.
let sink = 0;
const context = { calendars, priorityLevels: config.priorityLevels };
const ways: { readonly label: string; readonly run: () => number }[] = [
  { label: 'evaluateSla, policy compiled once', run: () => evaluateSla(compiled.value, history, now).metrics.length },
  {
    label: 'computeSla as the app calls it',
    run: () => {
      const r = computeSla(policy, history, context, now);
      return r.ok ? r.value.metrics.length : 0;
    },
  },
  {
    label: 'compile + evaluate on every call',
    run: () => {
      const c = compileSlaPolicy(policy, context);
      return c.ok ? evaluateSla(c.value, history, now).metrics.length : 0;
    },
  },
];
const BATCH = 500;
const cpuMicros = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
// One way at a time (interleaving them would bill one way's garbage to another's collections).
const perEval = ways.map((way) => {
  for (let i = 0; i < 2_000; i++) sink += way.run();
  const xs: number[] = [];
  const until = performance.now() + 3_000;
  while (performance.now() < until) {
    const s = cpuMicros();
    for (let i = 0; i < BATCH; i++) sink += way.run();
    xs.push((cpuMicros() - s) / BATCH);
  }
  return xs;
});
const GOAL_US = 50;
const medians = perEval.map((xs) => {
  xs.sort((a, b) => a - b);
  const pct = (p: number): number => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
  return { median: pct(0.5), p95: pct(0.95), n: xs.length * BATCH };
});
ways.forEach((way, w) => {
  const m = medians[w];
  if (m === undefined) return;
  console.log(`${way.label.padEnd(34)} median ${m.median.toFixed(1).padStart(6)} us, p95 ${m.p95.toFixed(1).padStart(6)} us per evaluation (${String(m.n)} evaluations)`);
});
const headline = medians[0]?.median ?? Infinity;
console.log(`goal < ${String(GOAL_US)} us per evaluation: ${headline < GOAL_US ? 'met' : 'NOT met'} (median ${headline.toFixed(1)} us, ${((headline / GOAL_US) * 100).toFixed(0)}% of the budget)`);
// Host speed, so the figure can be scaled: a plain integer loop of 1e8 iterations, in CPU time.
const h0 = cpuMicros();
let acc = 0;
for (let i = 0; i < 100_000_000; i++) acc += i & 7;
console.log(`host calibration: 1e8-iteration integer loop ${((cpuMicros() - h0) / 1000).toFixed(0)} ms CPU (load average is not controlled here)`);
if (sink === 0 || acc === 0) console.log('');

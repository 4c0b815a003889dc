import type { BusinessCalendar } from '../calendar/business-calendar';
import type { IssueFact, IssueState, OrderedEvent, StatusRef } from './issue-facts';
import { FACT_BITS, FactBuffer } from './issue-facts';
import { applyChangelogEntry, initialState, isJiraOrdered, orderEvents, statusLookup, writeCommentFacts, writeCreationFacts } from './issue-facts';
import type { IssueHistory, StatusCategory } from './issue-history';
import type { GoalMatch, SlaCondition, SlaConditionKind, SlaMetric, SlaMetricKind, SlaPolicy } from './sla-policy';
import type { SlaCycle, SlaEvaluation, SlaMetricResult, SlaPause, SlaPauseReason } from './sla-result';

/**
 * The SLA clock: replays an issue's history against a policy and computes, per metric, the cycles with
 * their pauses, elapsed business time, goal, breach instant and remaining time at `now`.
 *
 * Within one event the conditions are applied in a fixed order — reset, stop, start, resume, pause — so
 * "created in a waiting status" starts paused, and "resolved and reopened" closes one cycle and opens
 * the next. Goals are chosen from the issue's facts at the stop (or at `now` for an open cycle), so a
 * priority change re-selects the goal for the whole cycle while the elapsed time is kept.
 */

/** A priority level as config defines it: level id and the Jira priority it maps to. */
export interface PriorityLevelRef {
  readonly id: string;
  readonly jiraPriorityName: string;
}

export interface SlaContext {
  /** Compiled calendars by id. */
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  /** Lets goals name priority levels (P1..) while the changelog carries Jira priority names. */
  readonly priorityLevels?: readonly PriorityLevelRef[];
}

export type SlaError = { readonly code: 'unknown-calendar'; readonly calendarId: string };
export type SlaResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SlaError };

/**
 * A condition ready to match. One object shape for every kind (unused fields empty), like IssueFact, so
 * the matching loop's property reads stay monomorphic; `on` still drives an exhaustive switch.
 */
interface CompiledCondition {
  readonly on: SlaConditionKind;
  /** The one fact type the condition can match (see FACT_BITS). */
  readonly bit: number;
  /** status-entered / status-left: memo slot (-1 otherwise) and the status filter. */
  readonly slot: number;
  readonly names: ReadonlySet<string>;
  readonly categories: ReadonlySet<StatusCategory>;
  /** comment-by-agent */
  readonly publicOnly: boolean;
  /** resolution-set */
  readonly resolutions: ReadonlySet<string>;
}

const NONE: ReadonlySet<never> = new Set<never>();

interface CompiledGoal {
  readonly id: string;
  readonly ms: number;
  readonly priorities: ReadonlySet<string>;
  /** `priorities` plus the Jira priority names of the levels it names, so a match is one lookup per key. */
  readonly priorityKeys: ReadonlySet<string>;
  readonly kinds: ReadonlySet<string>;
  readonly fields: readonly { readonly field: string; readonly values: ReadonlySet<string | null> }[];
}

/** Conditions of one role with the fact types they can match, so most events skip them in one test. */
interface ConditionList {
  readonly conditions: readonly CompiledCondition[];
  readonly mask: number;
}

interface CompiledMetric {
  readonly id: string;
  readonly kind: SlaMetricKind;
  readonly start: ConditionList;
  readonly pause: ConditionList;
  readonly resume: ConditionList;
  readonly stop: ConditionList;
  readonly reset: ConditionList;
  readonly goals: readonly CompiledGoal[];
  /**
   * When no goal looks at kinds or fields: each priority key -> the first goal naming it, so a goal is
   * chosen with one lookup per key. null otherwise (goals are then tried in order).
   */
  readonly goalIndexByPriority: ReadonlyMap<string, number> | null;
  /** Index of the first goal without a priority list (it matches any priority), or goals.length. */
  readonly firstAnyPriorityGoal: number;
  /** Only the creation event can start a cycle (as for first response): once none is open, none will be. */
  readonly startsOnlyAtCreation: boolean;
}

const FACT_BIT = FACT_BITS;

function conditionBit(on: SlaConditionKind): number {
  switch (on) {
    case 'issue-created':
      return FACT_BIT['issue-created'];
    case 'status-entered':
    case 'status-left':
      return FACT_BIT.status;
    case 'assignee-set':
    case 'assignee-changed':
      return FACT_BIT.assignee;
    case 'comment-by-agent':
      return FACT_BIT.comment;
    case 'resolution-set':
    case 'resolution-cleared':
      return FACT_BIT.resolution;
    case 'priority-changed':
      return FACT_BIT.priority;
  }
}

function compileList(conditions: readonly SlaCondition[], slots: Slots): ConditionList {
  const compiled: CompiledCondition[] = [];
  let mask = 0;
  for (const c of conditions) {
    const cc = compileCondition(c, slots);
    compiled.push(cc);
    mask |= cc.bit;
  }
  return { conditions: compiled, mask };
}

export interface CompiledSlaPolicy {
  readonly policy: SlaPolicy;
  readonly metrics: readonly CompiledMetric[];
  readonly appliesTo: CompiledGoal;
  /** Calendar for an assignee (null = unassigned). */
  readonly calendarFor: (assignee: string | null) => { readonly id: string; readonly calendar: BusinessCalendar };
  /** Lower-cased Jira priority name -> lower-cased level id. */
  readonly levelByPriorityName: ReadonlyMap<string, string>;
}

const lowerSet = (values: readonly string[]): ReadonlySet<string> => new Set(values.map((v) => v.toLowerCase()));

/** Numbers the policy's status conditions, so a status can memoise its result per condition. */
interface Slots {
  next: number;
}

function compileCondition(c: SlaCondition, slots: Slots): CompiledCondition {
  const base = { on: c.on, bit: conditionBit(c.on), slot: -1, names: NONE, categories: NONE, publicOnly: false, resolutions: NONE };
  switch (c.on) {
    case 'status-entered':
    case 'status-left':
      return { ...base, slot: slots.next++, names: lowerSet(c.statuses), categories: new Set(c.categories) };
    case 'comment-by-agent':
      return { ...base, publicOnly: c.publicOnly };
    case 'resolution-set':
      return { ...base, resolutions: lowerSet(c.resolutions) };
    case 'issue-created':
    case 'assignee-set':
    case 'assignee-changed':
    case 'resolution-cleared':
    case 'priority-changed':
      return base;
  }
}

function compileMatch(id: string, ms: number, when: GoalMatch, levels: ReadonlyMap<string, string>): CompiledGoal {
  const priorities = lowerSet(when.priorities);
  const priorityKeys = new Set(priorities);
  for (const [name, level] of levels) if (priorities.has(level)) priorityKeys.add(name);
  return {
    id,
    ms,
    priorities,
    priorityKeys,
    kinds: lowerSet(when.kinds),
    fields: when.fields.map((f) => ({ field: f.field, values: new Set(f.values) })),
  };
}

function compileMetric(m: SlaMetric, slots: Slots, levels: ReadonlyMap<string, string>): CompiledMetric {
  const start = compileList(m.start, slots);
  const pause = compileList(m.pause, slots);
  const resume = compileList(m.resume, slots);
  const stop = compileList(m.stop, slots);
  const reset = compileList(m.reset, slots);
  const goals = m.goals.map((g) => compileMatch(g.id, g.targetMinutes * 60_000, g.when, levels));
  const priorityOnly = goals.every((g) => g.kinds.size === 0 && g.fields.length === 0);
  const goalIndexByPriority = priorityOnly ? new Map<string, number>() : null;
  let firstAnyPriorityGoal = goals.length;
  goals.forEach((g, i) => {
    if (g.priorities.size === 0) firstAnyPriorityGoal = Math.min(firstAnyPriorityGoal, i);
    for (const key of g.priorityKeys) if (goalIndexByPriority !== null && !goalIndexByPriority.has(key)) goalIndexByPriority.set(key, i);
  });
  return {
    id: m.id,
    kind: m.kind,
    start,
    pause,
    resume,
    stop,
    reset,
    goals,
    goalIndexByPriority,
    firstAnyPriorityGoal,
    startsOnlyAtCreation: start.mask === FACT_BIT['issue-created'],
  };
}

/**
 * Prepares a validated policy for evaluation (condition sets, goal matchers, calendar lookup).
 *
 * @example
 * const compiled = compileSlaPolicy(policy, { calendars: new Map([['tokyo', tokyo]]) });
 * if (compiled.ok) evaluateSla(compiled.value, history, now);
 */
export function compileSlaPolicy(policy: SlaPolicy, context: SlaContext): SlaResult<CompiledSlaPolicy> {
  const lookup = (calendarId: string): BusinessCalendar | undefined => context.calendars.get(calendarId);
  let calendarFor: CompiledSlaPolicy['calendarFor'];
  const rule = policy.calendar;
  switch (rule.kind) {
    case 'fixed': {
      const calendar = lookup(rule.calendarId);
      if (calendar === undefined) return { ok: false, error: { code: 'unknown-calendar', calendarId: rule.calendarId } };
      const fixed = { id: rule.calendarId, calendar };
      calendarFor = () => fixed;
      break;
    }
    case 'assignee-team': {
      const fallbackCalendar = lookup(rule.fallbackCalendarId);
      if (fallbackCalendar === undefined) return { ok: false, error: { code: 'unknown-calendar', calendarId: rule.fallbackCalendarId } };
      const fallback = { id: rule.fallbackCalendarId, calendar: fallbackCalendar };
      const byMember = new Map<string, { id: string; calendar: BusinessCalendar }>();
      for (const team of rule.teams) {
        const calendar = lookup(team.calendarId);
        if (calendar === undefined) return { ok: false, error: { code: 'unknown-calendar', calendarId: team.calendarId } };
        // A member of several teams gets the first team's calendar (the admin's order decides).
        for (const member of team.members) if (!byMember.has(member)) byMember.set(member, { id: team.calendarId, calendar });
      }
      calendarFor = (assignee) => (assignee === null ? fallback : (byMember.get(assignee) ?? fallback));
      break;
    }
  }
  const slots: Slots = { next: 0 };
  const levelByPriorityName = new Map<string, string>();
  for (const level of context.priorityLevels ?? []) levelByPriorityName.set(level.jiraPriorityName.toLowerCase(), level.id.toLowerCase());
  return {
    ok: true,
    value: {
      policy,
      metrics: policy.metrics.map((m) => compileMetric(m, slots, levelByPriorityName)),
      appliesTo: compileMatch(policy.id, 0, policy.appliesTo, levelByPriorityName),
      calendarFor,
      levelByPriorityName,
    },
  };
}

function statusMatches(c: CompiledCondition, s: StatusRef | null): boolean {
  if (s === null) return false;
  const memo = s.memo[c.slot];
  if (memo !== undefined) return memo === 1;
  const hit =
    (c.names.size === 0 && c.categories.size === 0) ||
    (s.idKey !== null && c.names.has(s.idKey)) ||
    (s.nameKey !== null && c.names.has(s.nameKey)) ||
    (s.category !== null && c.categories.has(s.category));
  s.memo[c.slot] = hit ? 1 : 2;
  return hit;
}

/** undefined when the condition does not match the fact; else the value a pause reason reports. */
function matchFact(c: CompiledCondition, f: IssueFact): string | null | undefined {
  switch (c.on) {
    case 'issue-created':
      return f.type === 'issue-created' ? null : undefined;
    case 'status-entered':
      return f.type === 'status' && statusMatches(c, f.toStatus) ? (f.toStatus?.name ?? f.toStatus?.id ?? null) : undefined;
    case 'status-left':
      return f.type === 'status' && statusMatches(c, f.fromStatus) ? (f.fromStatus?.name ?? f.fromStatus?.id ?? null) : undefined;
    case 'assignee-set':
      return f.type === 'assignee' && f.from === null && f.to !== null ? f.to : undefined;
    case 'assignee-changed':
      return f.type === 'assignee' && f.from !== f.to ? f.to : undefined;
    case 'comment-by-agent':
      return f.type === 'comment' && f.isAgent && (f.isPublic || !c.publicOnly) ? null : undefined;
    case 'resolution-set':
      return f.type === 'resolution' &&
        f.to !== null &&
        (c.resolutions.size === 0 || c.resolutions.has(f.to.toLowerCase()) || (f.toName !== null && c.resolutions.has(f.toName.toLowerCase())))
        ? (f.toName ?? f.to)
        : undefined;
    case 'resolution-cleared':
      return f.type === 'resolution' && f.from !== null && f.to === null ? null : undefined;
    case 'priority-changed':
      return f.type === 'priority' ? f.to : undefined;
  }
}

/**
 * Whether a condition matches a fact of its own type (callers compare the bits first). Status
 * conditions, most of what a replay checks, answer from the status's memo without the full switch.
 */
function factMatches(c: CompiledCondition, f: IssueFact): boolean {
  if (c.slot >= 0) return statusMatches(c, c.on === 'status-entered' ? f.toStatus : f.fromStatus);
  return matchFact(c, f) !== undefined;
}

function matches(list: ConditionList, buf: FactBuffer): boolean {
  if ((list.mask & buf.mask) === 0) return false;
  const facts = buf.facts;
  const n = buf.length;
  for (const c of list.conditions) {
    if ((c.bit & buf.mask) === 0) continue;
    for (let k = 0; k < n; k++) {
      const f = facts[k];
      if (f !== undefined && f.bit === c.bit && factMatches(c, f)) return true;
    }
  }
  return false;
}

/** The first match (conditions in order, then facts in order) as a pause reason. */
function firstMatch(list: ConditionList, buf: FactBuffer, eventId: string): SlaPauseReason | null {
  if ((list.mask & buf.mask) === 0) return null;
  const facts = buf.facts;
  const n = buf.length;
  for (const c of list.conditions) {
    if ((c.bit & buf.mask) === 0) continue;
    for (let k = 0; k < n; k++) {
      const f = facts[k];
      if (f === undefined || f.bit !== c.bit || !factMatches(c, f)) continue;
      const value = matchFact(c, f);
      if (value !== undefined) return { on: c.on, value, eventId };
    }
  }
  return null;
}

function goalMatches(g: CompiledGoal, state: IssueState, kindKey: string | null): boolean {
  if (g.priorities.size > 0) {
    let hit = false;
    for (const key of state.priorityKeys) if (g.priorityKeys.has(key)) hit = true;
    if (!hit) return false;
  }
  if (g.kinds.size > 0 && (kindKey === null || !g.kinds.has(kindKey))) return false;
  for (const f of g.fields) if (!f.values.has(state.fields.get(f.field) ?? null)) return false;
  return true;
}

function selectGoal(metric: CompiledMetric, state: IssueState): CompiledGoal | null {
  const byPriority = metric.goalIndexByPriority;
  if (byPriority !== null) {
    let first = metric.firstAnyPriorityGoal;
    for (const key of state.priorityKeys) first = Math.min(first, byPriority.get(key) ?? first);
    return metric.goals[first] ?? null;
  }
  const kindKey = state.kind === null ? null : state.kind.toLowerCase();
  for (const g of metric.goals) if (goalMatches(g, state, kindKey)) return g;
  return null;
}

/**
 * One cycle being built. Only what the replay decides is recorded (start, pauses, calendar switches);
 * business time is measured once, when the cycle is finished, because it is additive over the running
 * pieces: replaying an event costs no calendar arithmetic, whichever goal turns out to apply.
 */
interface CycleBuilder {
  readonly startedAt: number;
  stoppedAt: number | null;
  endedBy: 'stop' | 'reset' | null;
  running: boolean;
  /** The calendar the cycle started on. */
  readonly firstCalendar: BusinessCalendar;
  /** The calendar in force now (at the stop, or at `now`). */
  calendar: BusinessCalendar;
  calendarId: string;
  /** Calendar switches while open (instant, new calendar), in time order; null while there are none. */
  switchAt: number[] | null;
  switchTo: BusinessCalendar[] | null;
  readonly pauses: { from: number; to: number | null; reason: SlaPauseReason }[];
  goal: CompiledGoal | null;
  /** Set by measure(): business and wall-clock running time, and when business time first reached the goal. */
  elapsed: number;
  wall: number;
  reachedGoalAt: number | null;
}

function newCycle(at: number, cal: { id: string; calendar: BusinessCalendar }): CycleBuilder {
  return {
    startedAt: at,
    stoppedAt: null,
    endedBy: null,
    running: true,
    firstCalendar: cal.calendar,
    calendar: cal.calendar,
    calendarId: cal.id,
    switchAt: null,
    switchTo: null,
    pauses: [],
    goal: null,
    elapsed: 0,
    wall: 0,
    reachedGoalAt: null,
  };
}

/**
 * Measures a cycle over its running pieces: [start, end) minus the pauses, each piece on the calendar in
 * force (split where the calendar switched).
 */
function measure(c: CycleBuilder, end: number, goalMs: number | null): void {
  let elapsed = 0;
  let wall = 0;
  let reachedGoalAt: number | null = null;
  const pauses = c.pauses;
  const switchAt = c.switchAt ?? [];
  const switchTo = c.switchTo ?? [];
  let cal = c.firstCalendar;
  let sw = 0;
  let from: number | null = c.startedAt;
  for (let k = 0; from !== null && k <= pauses.length; k++) {
    const pause = pauses[k];
    const to = pause === undefined ? end : pause.from;
    let a = from;
    while (to > a) {
      for (let at = switchAt[sw]; at !== undefined && at <= a; at = switchAt[++sw]) cal = switchTo[sw] ?? cal;
      const nextSwitch = switchAt[sw];
      const b = nextSwitch !== undefined && nextSwitch < to ? nextSwitch : to;
      const ms = cal.between(a, b);
      if (reachedGoalAt === null && goalMs !== null && elapsed + ms >= goalMs) {
        const r = cal.add(a, goalMs - elapsed);
        reachedGoalAt = r.ok ? r.value : null;
      }
      elapsed += ms;
      wall += b - a;
      a = b;
    }
    from = pause === undefined ? null : pause.to;
  }
  c.elapsed = elapsed;
  c.wall = wall;
  c.reachedGoalAt = reachedGoalAt;
}

function finish(c: CycleBuilder, index: number, policy: SlaPolicy, goal: CompiledGoal | null, now: number): SlaCycle {
  const end = c.stoppedAt ?? now;
  const goalMs = goal?.ms ?? null;
  measure(c, end, goalMs);
  const elapsed = c.elapsed;
  const breached = goalMs !== null && elapsed > goalMs;
  let breachAt: number | null = null;
  if (goalMs !== null) {
    if (breached) breachAt = c.reachedGoalAt;
    else if (c.stoppedAt === null && c.running) {
      const r = c.calendar.add(now, goalMs - elapsed);
      breachAt = r.ok ? r.value : null;
    }
  }
  let pausedMs = 0;
  // The builder's pause records become the result's: the builder is dropped once the evaluation ends.
  const pauses: SlaPause[] = c.pauses;
  for (const p of pauses) pausedMs += (p.to ?? end) - p.from;
  return {
    index,
    policyId: policy.id,
    policyVersion: policy.version,
    startedAt: c.startedAt,
    stoppedAt: c.stoppedAt,
    endedBy: c.endedBy,
    state: c.stoppedAt === null ? (c.running ? 'running' : 'paused') : c.endedBy === 'reset' ? 'cancelled' : breached ? 'breached' : 'met',
    breached,
    pauses,
    pausedMs,
    offCalendarMs: c.wall - elapsed,
    elapsedMs: elapsed,
    goalId: goal?.id ?? null,
    goalMs,
    breachAt,
    remainingMs: goalMs === null ? null : goalMs - elapsed,
    calendarId: c.calendarId,
  };
}

interface MetricRun {
  readonly metric: CompiledMetric;
  readonly done: CycleBuilder[];
  open: CycleBuilder | null;
  /** No cycle is open and none can start any more: later events are skipped. */
  idle: boolean;
  /** The goal for the state at `goalVersion` (goals depend only on fields that bump it). */
  goalVersion: number;
  goal: CompiledGoal | null;
}

function goalFor(run: MetricRun, state: IssueState): CompiledGoal | null {
  if (run.goalVersion !== state.goalVersion) {
    run.goal = selectGoal(run.metric, state);
    run.goalVersion = state.goalVersion;
  }
  return run.goal;
}

function close(run: MetricRun, c: CycleBuilder, at: number, endedBy: 'stop' | 'reset', state: IssueState): void {
  c.stoppedAt = at;
  c.endedBy = endedBy;
  const last = c.pauses[c.pauses.length - 1];
  if (last !== undefined && last.to === null) last.to = at;
  c.goal = goalFor(run, state);
  run.done.push(c);
  run.open = null;
}

function step(run: MetricRun, at: number, eventId: string, facts: FactBuffer, state: IssueState, cal: { id: string; calendar: BusinessCalendar }): void {
  const m = run.metric;
  let c = run.open;
  if (c !== null && matches(m.reset, facts)) {
    close(run, c, at, 'reset', state);
    c = newCycle(at, cal);
    run.open = c;
  }
  if (c !== null && matches(m.stop, facts)) {
    close(run, c, at, 'stop', state);
    c = null;
  }
  if (c === null && matches(m.start, facts)) {
    c = newCycle(at, cal);
    run.open = c;
  }
  if (c === null) {
    run.idle = m.startsOnlyAtCreation;
    return;
  }
  if (!c.running && matches(m.resume, facts)) {
    c.running = true;
    const last = c.pauses[c.pauses.length - 1];
    if (last !== undefined) last.to = at;
  }
  if (c.running) {
    const reason = firstMatch(m.pause, facts, eventId);
    if (reason !== null) {
      c.running = false;
      c.pauses.push({ from: at, to: null, reason });
    }
  }
  if (c.calendar !== cal.calendar) {
    (c.switchAt ??= []).push(at);
    (c.switchTo ??= []).push(cal.calendar);
    c.calendar = cal.calendar;
  }
  c.calendarId = cal.id;
}

function stepAll(runs: readonly MetricRun[], at: number, eventId: string, facts: FactBuffer, state: IssueState, cal: { id: string; calendar: BusinessCalendar }): void {
  for (const run of runs) if (!run.idle) step(run, at, eventId, facts, state, cal);
}

/**
 * Replays a history against a compiled policy as of `now` (events after `now` are ignored).
 *
 * @example
 * // Created Mon 10:00 Tokyo, agent comment Mon 10:20: first response met after 20 business minutes
 * evaluateSla(compiled, history, Date.parse('2025-01-06T12:00:00+09:00')).metrics[0]?.cycles[0]
 * // { state: 'met', elapsedMs: 1_200_000, goalMs: 1_800_000, remainingMs: 600_000, breachAt: null, ... }
 */
export function evaluateSla(compiled: CompiledSlaPolicy, history: IssueHistory, now: number): SlaEvaluation {
  const policy = compiled.policy;
  const runs: MetricRun[] = [];
  for (const metric of compiled.metrics) runs.push({ metric, done: [], open: null, idle: false, goalVersion: -1, goal: null });
  const metrics: SlaMetricResult[] = [];
  if (history.created > now) {
    for (const run of runs) metrics.push({ metricId: run.metric.id, kind: run.metric.kind, cycles: [] });
    return { issueKey: history.issueKey, policyId: policy.id, policyVersion: policy.version, evaluatedAt: now, metrics };
  }
  const state = initialState(history);
  const lookup = statusLookup(history);
  const kindField = history.kindField;
  const facts = new FactBuffer();
  let cal = compiled.calendarFor(state.assignee);
  writeCreationFacts(state, facts);
  stepAll(runs, history.created, 'created', facts, state, cal);
  const log = history.changelog;
  const comments = history.comments;
  // Jira's own order (the common case) is merged in place; anything else is sorted and deduplicated.
  const ordered: OrderedEvent[] | null = isJiraOrdered(history) ? null : orderEvents(history);
  const total = ordered === null ? log.length + comments.length : ordered.length;
  let i = 0;
  let j = 0;
  for (let k = 0; k < total; k++) {
    let entry: (typeof log)[number] | undefined;
    let comment: (typeof comments)[number] | undefined;
    if (ordered === null) {
      const e = log[i];
      const c = comments[j];
      if (e !== undefined && (c === undefined || e.created <= c.created)) {
        entry = e;
        i++;
      } else {
        comment = c;
        j++;
      }
    } else {
      const o = ordered[k];
      if (o?.source === 'changelog') entry = o.entry;
      else comment = o?.comment;
    }
    const event = entry ?? comment;
    if (event === undefined || event.created > now) break;
    if (entry !== undefined) {
      const assignee = state.assignee;
      applyChangelogEntry(state, entry, lookup, kindField, facts);
      // The calendar depends on the assignee only.
      if (state.assignee !== assignee) cal = compiled.calendarFor(state.assignee);
    } else if (comment !== undefined) writeCommentFacts(comment, facts);
    stepAll(runs, Math.max(event.created, history.created), event.id, facts, state, cal);
  }
  for (const run of runs) {
    const open = run.open;
    const cycles: SlaCycle[] = [];
    for (const c of run.done) cycles.push(finish(c, cycles.length, policy, c.goal, now));
    if (open !== null) cycles.push(finish(open, cycles.length, policy, goalFor(run, state), now));
    metrics.push({ metricId: run.metric.id, kind: run.metric.kind, cycles });
  }
  return { issueKey: history.issueKey, policyId: policy.id, policyVersion: policy.version, evaluatedAt: now, metrics };
}

/**
 * Compiled policies by policy object, for the calendars and priority levels they were compiled with.
 * Policies and contexts are immutable parsed values, so a compile is reused only while the caller passes
 * the very same objects (the app keeps one per config object); a new config compiles afresh.
 */
const compiledPolicies = new WeakMap<SlaPolicy, { readonly context: SlaContext; readonly compiled: SlaResult<CompiledSlaPolicy> }>();

function compiledFor(policy: SlaPolicy, context: SlaContext): SlaResult<CompiledSlaPolicy> {
  const cached = compiledPolicies.get(policy);
  if (cached !== undefined && cached.context.calendars === context.calendars && cached.context.priorityLevels === context.priorityLevels) return cached.compiled;
  const compiled = compileSlaPolicy(policy, context);
  compiledPolicies.set(policy, { context: { calendars: context.calendars, ...(context.priorityLevels === undefined ? {} : { priorityLevels: context.priorityLevels }) }, compiled });
  return compiled;
}

/**
 * Compiles and evaluates in one call. The compile is reused while the same policy, calendars and
 * priority levels objects are passed again (see compiledFor), so callers need not keep it themselves.
 *
 * @example
 * const r = computeSla(policy, history, { calendars, priorityLevels: config.priorityLevels }, now);
 * if (r.ok) r.value.metrics.map((m) => m.cycles.at(-1)?.state);
 */
export function computeSla(policy: SlaPolicy, history: IssueHistory, context: SlaContext, now: number): SlaResult<SlaEvaluation> {
  const compiled = compiledFor(policy, context);
  return compiled.ok ? { ok: true, value: evaluateSla(compiled.value, history, now) } : compiled;
}

/**
 * The first policy whose `appliesTo` matches the issue's creation facts.
 *
 * @example selectSlaPolicy([securityOnly, general], history) === general // for an inquiry
 */
export function selectSlaPolicy(policies: readonly SlaPolicy[], history: IssueHistory, priorityLevels: readonly PriorityLevelRef[] = []): SlaPolicy | null {
  const state = initialState(history);
  const levels = new Map(priorityLevels.map((l) => [l.jiraPriorityName.toLowerCase(), l.id.toLowerCase()] as const));
  const kindKey = state.kind === null ? null : state.kind.toLowerCase();
  return policies.find((p) => goalMatches(compileMatch(p.id, 0, p.appliesTo, levels), state, kindKey)) ?? null;
}

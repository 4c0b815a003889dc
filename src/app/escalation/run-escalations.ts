import { PRIORITY_PROPERTY_KEY } from '../priority/priority-override';
import type { Config } from '../../config';
import { defaultConfig } from '../../config';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar';
import { planEscalations, type IssuePriorityRef } from '../../domain/escalation';
import type { SlaEvaluation } from '../../domain/sla';
import type { ConfigStore } from '../ports/config-store';
import type { IssueSnapshot } from '../ports/issue-gateway';
import { isJiraApiError } from '../ports/jira-error';
import type { SlaTimer, SlaTimerStore } from '../ports/sla-timer-store';
import { laddersOf, openCycle, timerRecord } from '../sla/plan-timers';
import { ESCALATION_PROPERTY_KEY } from './escalation-history';
import type { FiringRecord, SweepCursorStore } from './escalation-ports';
import { DeferredFiringError, openFiring, recordFirings, runFiring, type FiringContext, type FiringDeps } from './execute-firing';

/**
 * The five-minute escalation sweep. It reads only due work: the SLA timer records with `dueAt <= now`
 * (one indexed query per page), never the list of open incidents. Per due issue it fetches the issue
 * once (changelog, comments, the fired-list property), recomputes the SLA from the changelog (the
 * timer is only a wake-up call), fires what is due through the ledger (see execute-firing.ts), finishes
 * firings an earlier run left pending, and moves the issue's timers to their next due instant.
 *
 * Time budget: before each issue it asks `outOfTime()`; when the answer is yes it stores a cursor and
 * returns. The next run first finishes the interrupted query from that cursor, then starts a fresh one.
 */

/** What the SLA engine says about one issue now, as the sweep needs it. */
export interface IssueSlaView {
  readonly evaluation: SlaEvaluation;
  readonly priority: IssuePriorityRef;
  /** Calendars by id, compiled from the config (to project running cycles). */
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
}

/**
 * Work on the issue the sweep fetched, after its SLA is evaluated and its firings are recorded (e.g. the
 * report rollups, so a breach caused by the clock alone is counted). Its fields and properties come with
 * the sweep's one GET. When it throws, the issue's timers stay due and the next sweep runs it again.
 */
export interface SweepIssueHook {
  readonly name: string;
  readonly fields?: readonly string[];
  readonly properties?: readonly string[];
  readonly run: (input: { readonly issue: IssueSnapshot; readonly config: Config; readonly view: IssueSlaView | null; readonly now: number }) => Promise<unknown>;
}

/** Recomputes an issue's SLA from its snapshot (changelog and comments included); null when no policy applies. */
export type IssueSlaEvaluator = (input: { readonly issue: IssueSnapshot; readonly config: Config; readonly now: number }) => IssueSlaView | null;

export interface RunEscalationsDeps extends FiringDeps {
  readonly configs: ConfigStore;
  readonly timers: SlaTimerStore;
  readonly cursors: SweepCursorStore;
  readonly evaluate: IssueSlaEvaluator;
  /** Extra fields the evaluator needs on the snapshot (e.g. the incident kind custom field). */
  readonly issueFields?: readonly string[];
  /** True once the run should stop and leave a cursor (checked before each issue and page). */
  readonly outOfTime: () => boolean;
  /** Timer records per query page (1..100, default 50). */
  readonly pageSize?: number;
  readonly issueHooks?: readonly SweepIssueHook[];
}

export interface SweepResult {
  readonly now: number;
  /** Issues looked at. */
  readonly issues: number;
  /** Firings created and completed in this run. */
  readonly fired: number;
  /** Firings an earlier run left pending, completed in this run. */
  readonly resumed: number;
  readonly actions: { readonly done: number; readonly skipped: number; readonly failed: number };
  /** Issues left for the next run because Jira was rate limiting or failing. */
  readonly deferred: number;
  /** Issues whose project config is invalid (nothing fired; an admin must fix the config). */
  readonly invalidConfig: number;
  readonly resumedFromCursor: boolean;
  /** The run stopped early and stored a cursor. */
  readonly cursorLeft: boolean;
}

/** After this many deferred issues in one run, Jira is struggling: stop and let the next run go on. */
const MAX_DEFERRED_PER_RUN = 3;

interface Counters {
  issues: number;
  fired: number;
  resumed: number;
  done: number;
  skipped: number;
  failed: number;
  deferred: number;
  invalidConfig: number;
}

type ConfigLookup = (projectKey: string) => Promise<Config | null>;

/** Moves the issue's timers to their next due instant, or drops those with nothing left to wait for. */
async function rescheduleTimers(
  deps: RunEscalationsDeps,
  issue: IssueSnapshot,
  view: IssueSlaView | null,
  nextDueByMetric: ReadonlyMap<string, number>,
  dueTimers: readonly SlaTimer[],
  now: number,
): Promise<void> {
  const kept = new Set<string>();
  for (const metric of view?.evaluation.metrics ?? []) {
    const cycle = openCycle(metric.cycles);
    if (cycle === null || view === null) continue;
    const candidates = [nextDueByMetric.get(metric.metricId), cycle.breachAt !== null && cycle.breachAt > now ? cycle.breachAt : undefined].filter(
      (x): x is number => x !== undefined,
    );
    if (candidates.length === 0) continue;
    kept.add(metric.metricId);
    await deps.timers.put(timerRecord(issue, view, metric, cycle, Math.min(...candidates)));
  }
  for (const t of dueTimers) if (!kept.has(t.metricId)) await deps.timers.delete(t.issueId, t.metricId);
}

async function sweepIssue(deps: RunEscalationsDeps, issueId: string, dueTimers: readonly SlaTimer[], now: number, configFor: ConfigLookup, c: Counters): Promise<void> {
  const projectKey = dueTimers[0]?.projectKey ?? '';
  const config = await configFor(projectKey);
  if (config === null) {
    c.invalidConfig += 1;
    return;
  }
  const hooks = deps.issueHooks ?? [];
  const fields = [...new Set([...(deps.issueFields ?? []), ...hooks.flatMap((h) => h.fields ?? [])])];
  const issue = await deps.gateway.getIssue(issueId, {
    changelog: true,
    comments: true,
    // The priority property too: a raise-priority action records itself there, merged with what is there.
    properties: [...new Set([ESCALATION_PROPERTY_KEY, PRIORITY_PROPERTY_KEY, ...hooks.flatMap((h) => h.properties ?? [])])],
    ...(fields.length > 0 ? { fields } : {}),
  });
  if (issue === null) {
    // Deleted (or no longer visible to the app): nothing will ever be due again.
    for (const t of dueTimers) await deps.timers.delete(t.issueId, t.metricId);
    return;
  }
  const view = deps.evaluate({ issue, config, now });
  const ledger = await deps.ledger.listForIssue(issue.id);
  const plan =
    view === null
      ? { due: [], nextDueByMetric: new Map<string, number>() }
      : planEscalations({
          issueId: issue.id,
          priority: view.priority,
          evaluation: view.evaluation,
          ladders: laddersOf(config),
          fired: new Set(ledger.map((r) => r.key)),
          calendars: view.calendars,
          now,
        });
  const ctx: FiringContext = { issue, priorityLevels: config.priorityLevels };
  const finished: FiringRecord[] = [];
  const count = (r: FiringRecord): void => {
    for (const a of r.actions) {
      if (a.state === 'done') c.done += 1;
      else if (a.state === 'skipped') c.skipped += 1;
      else if (a.state === 'failed') c.failed += 1;
    }
  };
  // Earlier runs' unfinished firings first: they were due before anything new.
  for (const pending of ledger.filter((r) => r.state === 'pending')) {
    const r = await runFiring(deps, { ...pending, attempts: pending.attempts + 1 }, ctx);
    finished.push(r);
    c.resumed += 1;
    count(r);
  }
  for (const d of plan.due) {
    const spec = {
      key: d.key,
      issueId: issue.id,
      issueKey: issue.key,
      projectKey: issue.projectKey,
      metricId: d.metricId,
      cycle: d.cycle,
      ladderId: d.ladderId,
      levelId: d.levelId,
      levelLabels: d.level.labels,
      actions: d.actions,
    };
    const record = await openFiring(deps, spec, ctx);
    const r = await runFiring(deps, record, ctx);
    finished.push(r);
    c.fired += 1;
    count(r);
  }
  await recordFirings(deps, issue, finished);
  for (const hook of hooks) await hook.run({ issue, config, view, now });
  await rescheduleTimers(deps, issue, view, plan.nextDueByMetric, dueTimers, now);
}

/**
 * Runs one sweep. Safe to run again at any time, concurrently with issue events, after a crash at any
 * point: the ledger decides what has fired.
 *
 * @example
 * const result = await runEscalations(deps);
 * // { now, issues: 25, fired: 31, resumed: 0, actions: { done: 40, skipped: 2, failed: 0 }, deferred: 0, ... }
 */
export async function runEscalations(deps: RunEscalationsDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const limit = deps.pageSize ?? 50;
  const c: Counters = { issues: 0, fired: 0, resumed: 0, done: 0, skipped: 0, failed: 0, deferred: 0, invalidConfig: 0 };
  const configs = new Map<string, Promise<Config | null>>();
  const configFor: ConfigLookup = (projectKey) => {
    let p = configs.get(projectKey);
    if (p === undefined) {
      p = deps.configs.load(projectKey).then((loaded) => {
        switch (loaded.kind) {
          case 'ok':
            return loaded.config;
          case 'missing':
            return defaultConfig();
          case 'invalid':
            return null;
        }
      });
      configs.set(projectKey, p);
    }
    return p;
  };
  const stored = await deps.cursors.load();
  const passes: { before: number; cursor: string | null }[] = [];
  if (stored !== null) passes.push({ before: stored.before, cursor: stored.cursor });
  passes.push({ before: now, cursor: null });
  const seen = new Set<string>();
  const result = (cursorLeft: boolean): SweepResult => ({
    now,
    issues: c.issues,
    fired: c.fired,
    resumed: c.resumed,
    actions: { done: c.done, skipped: c.skipped, failed: c.failed },
    deferred: c.deferred,
    invalidConfig: c.invalidConfig,
    resumedFromCursor: stored !== null,
    cursorLeft,
  });
  const stop = async (before: number, cursor: string | null): Promise<SweepResult> => {
    await deps.cursors.save({ schemaVersion: 1, before, cursor, savedAt: now });
    return result(true);
  };

  for (const pass of passes) {
    let cursor = pass.cursor;
    for (;;) {
      if (deps.outOfTime()) return stop(pass.before, cursor);
      const page = await deps.timers.queryDue({ before: pass.before, limit, ...(cursor !== null ? { cursor } : {}) });
      const byIssue = new Map<string, SlaTimer[]>();
      for (const t of page.timers) {
        const list = byIssue.get(t.issueId) ?? [];
        list.push(t);
        byIssue.set(t.issueId, list);
      }
      for (const [issueId, timers] of byIssue) {
        if (seen.has(issueId)) continue;
        // Restart this page next time: issues already handled on it have moved on and will not show.
        if (deps.outOfTime()) return stop(pass.before, cursor);
        seen.add(issueId);
        c.issues += 1;
        try {
          await sweepIssue(deps, issueId, timers, now, configFor, c);
        } catch (error) {
          if (!(error instanceof DeferredFiringError) && !(isJiraApiError(error) && error.transient)) throw error;
          c.deferred += 1;
          if (c.deferred >= MAX_DEFERRED_PER_RUN) return stop(pass.before, cursor);
        }
      }
      if (page.cursor === null) break;
      cursor = page.cursor;
    }
  }
  if (stored !== null) await deps.cursors.clear();
  return result(false);
}

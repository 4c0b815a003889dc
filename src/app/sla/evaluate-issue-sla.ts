import type { Config } from '../../config';
import { compileCalendar, type BusinessCalendar } from '../../domain/calendar';
import type { IssuePriorityRef } from '../../domain/escalation';
import { computeSla, selectSlaPolicy } from '../../domain/sla';
import type { IssueSlaEvaluator, IssueSlaView } from '../escalation/run-escalations';
import type { IssueSnapshot } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { historyFromSnapshot } from './snapshot-history';

/**
 * The SLA state of one issue now, from its snapshot (changelog and comments included): the policy that
 * applies, every metric's cycles, the issue's priority as ladders name it, and the compiled calendars.
 * Null when no policy applies (or the config names a calendar it does not define).
 */

const compiledCalendars = new WeakMap<Config, ReadonlyMap<string, BusinessCalendar>>();

/** Calendars of a config, compiled once per config object. */
export function calendarsOf(config: Config): ReadonlyMap<string, BusinessCalendar> {
  let map = compiledCalendars.get(config);
  if (map === undefined) {
    map = new Map(config.calendars.map((c) => [c.id, compileCalendar(c)] as const));
    compiledCalendars.set(config, map);
  }
  return map;
}

/**
 * The issue's priority as config levels and Jira name.
 *
 * @example priorityRefOf(issueWithHigh, defaultConfig()) // { levelId: 'P2', jiraName: 'High' }
 */
export function priorityRefOf(issue: IssueSnapshot, config: Config): IssuePriorityRef {
  const name = issue.priority?.name ?? null;
  const level = name === null ? undefined : config.priorityLevels.find((l) => l.jiraPriorityName.toLowerCase() === name.toLowerCase());
  return { levelId: level?.id ?? null, jiraName: name };
}

export function evaluateIssueSla(issue: IssueSnapshot, config: Config, catalog: SiteCatalog | null, now: number): IssueSlaView | null {
  const history = historyFromSnapshot(issue, { config, catalog });
  const policy = selectSlaPolicy(config.slaPolicies, history, config.priorityLevels);
  if (policy === null) return null;
  const calendars = calendarsOf(config);
  const result = computeSla(policy, history, { calendars, priorityLevels: config.priorityLevels }, now);
  if (!result.ok) return null;
  return { evaluation: result.value, priority: priorityRefOf(issue, config), calendars };
}

/**
 * The evaluator the escalation sweep takes, with each project's catalog (from setup) looked up by key.
 *
 * @example
 * const evaluate = makeIssueSlaEvaluator((key) => catalogs.get(key) ?? null);
 * evaluate({ issue, config, now })?.evaluation.metrics.length // 2
 */
export function makeIssueSlaEvaluator(catalogOf: (projectKey: string) => SiteCatalog | null): IssueSlaEvaluator {
  return ({ issue, config, now }) => evaluateIssueSla(issue, config, catalogOf(issue.projectKey), now);
}

import { formatPath, type ConfigError } from '../errors';
import { messages } from '../messages';
import type { ConfigV2 } from './schema';
import { v2Messages } from './messages-v2';

function duplicateIds(listPath: string, items: readonly { id: string }[]): ConfigError[] {
  const first = new Map<string, number>();
  const errors: ConfigError[] = [];
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else {
      const path = formatPath([listPath, i, 'id']);
      errors.push({ path, code: 'duplicate-id', message: messages.duplicateId(path, item.id, formatPath([listPath, seen, 'id'])) });
    }
  });
  return errors;
}

/**
 * Cross-field rules of the calendars and SLA policies: unique calendar and policy ids, every calendar a
 * policy names exists, and goals and scopes only name configured incident kinds. Goal priorities are not
 * checked: they may be level ids (P1..) or Jira priority names/ids.
 *
 * @example
 * validateSlaConfig({ ...config, slaPolicies: [{ ...policy, calendar: { kind: 'fixed', calendarId: 'nope' } }] });
 * // [{ path: 'slaPolicies[0].calendar.calendarId', code: 'unknown-calendar', message: { ja: '…', en: '…' } }]
 */
export function validateSlaConfig(config: Pick<ConfigV2, 'calendars' | 'slaPolicies' | 'incidentKinds'>): ConfigError[] {
  const calendarIds = config.calendars.map((c) => c.id);
  const known = new Set(calendarIds);
  const kinds = config.incidentKinds.map((k) => k.id);
  const errors: ConfigError[] = [...duplicateIds('calendars', config.calendars), ...duplicateIds('slaPolicies', config.slaPolicies)];
  config.slaPolicies.forEach((policy, p) => {
    const at = (...rest: PropertyKey[]): string => formatPath(['slaPolicies', p, ...rest]);
    const calendarRef = (id: string, ...rest: PropertyKey[]): void => {
      if (!known.has(id)) errors.push({ path: at(...rest), code: 'unknown-calendar', message: v2Messages.unknownCalendar(at(...rest), id, calendarIds) });
    };
    const rule = policy.calendar;
    switch (rule.kind) {
      case 'fixed':
        calendarRef(rule.calendarId, 'calendar', 'calendarId');
        break;
      case 'assignee-team':
        calendarRef(rule.fallbackCalendarId, 'calendar', 'fallbackCalendarId');
        rule.teams.forEach((team, t) => calendarRef(team.calendarId, 'calendar', 'teams', t, 'calendarId'));
        break;
    }
    const kindRefs = (list: readonly string[], ...rest: PropertyKey[]): void => {
      list.forEach((kind, k) => {
        if (!kinds.includes(kind as (typeof kinds)[number])) {
          errors.push({ path: at(...rest, k), code: 'unknown-incident-kind', message: v2Messages.unknownIncidentKind(at(...rest, k), kind, kinds) });
        }
      });
    };
    kindRefs(policy.appliesTo.kinds, 'appliesTo', 'kinds');
    policy.metrics.forEach((metric, m) => metric.goals.forEach((goal, g) => kindRefs(goal.when.kinds, 'metrics', m, 'goals', g, 'when', 'kinds')));
  });
  return errors;
}

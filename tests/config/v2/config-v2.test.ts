import { describe, expect, it } from 'vitest';
import {
  ConfigV2Schema,
  DEFAULT_CALENDAR_ID,
  defaultConfig,
  japaneseHolidays,
  migrate,
  migrateV1ToV2,
  parseConfig,
  seedYear,
  withJapaneseHolidays,
  type Config,
  type ConfigError,
} from '../../../src/config';
import { addBusinessMs, compileCalendar } from '../../../src/domain/calendar';
import { IssueHistorySchema, computeSla } from '../../../src/domain/sla';

const errorsOf = (raw: unknown): readonly ConfigError[] => {
  const r = parseConfig(raw);
  return r.ok ? [] : r.errors;
};
const base = (): Config => defaultConfig({ year: 2025 });
/** The v2 shape of the (now v4) defaults: v3 added the security intake and filled the ladders placeholder; v4 added priority override and problem management. */
const v2Of = (c: Config) => {
  const { securityIncident: _s, priorityOverride: _p, problemManagement: _m, ...rest } = c;
  return { ...rest, schemaVersion: 2, escalationLadders: [] };
};
const v1 = () => ({ ...v2Of(base()), schemaVersion: 1, calendars: [], slaPolicies: [] });

describe('v2 defaults', () => {
  it('parse as the current version and survive JSON', () => {
    expect(parseConfig(JSON.parse(JSON.stringify(base())))).toEqual({ ok: true, config: base() });
  });

  it('seed weekdays 9:00-18:00 Asia/Tokyo without a lunch break, with the Japanese holidays of the year and the next', () => {
    const cal = base().calendars[0];
    expect(cal?.id).toBe(DEFAULT_CALENDAR_ID);
    expect(cal?.timeZone).toBe('Asia/Tokyo');
    expect(cal?.hours).toEqual({ kind: 'weekly', week: { mon: [{ start: '09:00', end: '18:00' }], tue: [{ start: '09:00', end: '18:00' }], wed: [{ start: '09:00', end: '18:00' }], thu: [{ start: '09:00', end: '18:00' }], fri: [{ start: '09:00', end: '18:00' }], sat: [], sun: [] } });
    const dates = cal?.holidays.map((h) => (h.kind === 'date' ? h.date : '')) ?? [];
    expect(dates).toHaveLength(19 + 18);
    expect(dates.slice(0, 3)).toEqual(['2025-01-01', '2025-01-13', '2025-02-11']);
    expect(dates).toContain('2026-09-22'); // citizens' holiday between Respect for the Aged Day and the equinox
  });

  it('seed per-priority goals that the SLA engine applies (P3: first response 2 h, resolution 3 business days)', () => {
    const config = base();
    const calendars = new Map(config.calendars.map((c) => [c.id, compileCalendar(c)]));
    const policy = config.slaPolicies[0];
    if (policy === undefined) throw new Error('no default policy');
    const history = IssueHistorySchema.parse({
      issueKey: 'INC-1',
      created: '2025-01-10T17:00:00.000+0900',
      initial: { status: { id: '1', name: 'Open', category: 'new' }, priority: { id: '3', name: 'Medium' }, kind: 'failure', assignee: null, reporter: 'c', resolution: null },
    });
    const r = computeSla(policy, history, { calendars, priorityLevels: config.priorityLevels }, Date.parse('2025-01-10T17:30:00+09:00'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [firstResponse, resolution] = r.value.metrics.map((m) => m.cycles[0]);
    expect(firstResponse).toMatchObject({ goalId: 'P3', goalMs: 2 * 3_600_000, breachAt: Date.parse('2025-01-14T10:00:00+09:00') }); // 1 h on Friday; Mon 13th is a holiday
    expect(resolution).toMatchObject({ goalId: 'P3', goalMs: 27 * 3_600_000 });
    const tokyo = calendars.get(DEFAULT_CALENDAR_ID);
    if (tokyo === undefined) throw new Error('no calendar');
    expect(addBusinessMs(tokyo, Date.parse('2025-01-14T09:00:00+09:00'), 27 * 3_600_000)).toEqual({ ok: true, value: Date.parse('2025-01-16T18:00:00+09:00') });
  });

  it('takes the year in Japan', () => {
    expect(seedYear(Date.UTC(2025, 11, 31, 14, 59))).toBe(2025);
    expect(seedYear(Date.UTC(2025, 11, 31, 15, 0))).toBe(2026);
  });
});

describe('v1 -> v2 migration', () => {
  it('seeds the empty placeholders with the default calendar and policy', () => {
    expect(migrateV1ToV2(v1(), 2025)).toEqual({ ok: true, value: v2Of(base()) });
  });

  it('is in the app table: a stored v1 config parses, marked as migrated', () => {
    const r = parseConfig(v1());
    expect(r.ok && r.migratedFrom).toBe(1);
    expect(r.ok && r.config.slaPolicies.map((p) => p.id)).toEqual(['standard']);
    expect(migrate(v1()).ok && migrate(v1())).toMatchObject({ from: 1, applied: [1, 2, 3] });
  });

  it('carries placeholder content over for v2 to report by field, never dropping it', () => {
    const stored = { ...v1(), calendars: [{ id: 'main', timezone: 'Asia/Tokyo' }] };
    const before = structuredClone(stored);
    const migrated = migrateV1ToV2(stored, 2025);
    expect(migrated.ok && (migrated.value as { calendars: unknown }).calendars).toEqual([{ id: 'main', timezone: 'Asia/Tokyo' }]);
    expect(errorsOf(stored).map((e) => [e.path, e.code])).toEqual([
      ['calendars[0].labels', 'missing-field'],
      ['calendars[0].timeZone', 'missing-field'],
      ['calendars[0].hours', 'missing-field'],
      ['calendars[0].timezone', 'unknown-field'],
      ['slaPolicies[0].calendar.calendarId', 'unknown-calendar'],
    ].filter(([, code]) => code !== 'unknown-calendar'));
    expect(stored).toEqual(before);
  });
});

type Edit = (c: Config) => unknown;
const cal0 = (c: Config) => c.calendars[0] ?? (() => { throw new Error('fixture'); })();
const pol0 = (c: Config) => c.slaPolicies[0] ?? (() => { throw new Error('fixture'); })();

describe('v2 rejects bad calendars and policies with field-named ja/en errors', () => {
  it.each<[string, Edit, [string, string][]]>([
    ['unknown time zone', (c) => ({ ...c, calendars: [{ ...cal0(c), timeZone: 'Asia/Edo' }] }), [['calendars[0].timeZone', 'unknown-time-zone']]],
    ['end before start', (c) => ({ ...c, calendars: [{ ...cal0(c), hours: { kind: 'weekly', week: { mon: [{ start: '18:00', end: '09:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } } }] }), [['calendars[0].hours.week.mon[0].end', 'interval-not-increasing']]],
    ['overlapping periods', (c) => ({ ...c, calendars: [{ ...cal0(c), hours: { kind: 'weekly', week: { mon: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '18:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } } }] }), [['calendars[0].hours.week.mon[1].start', 'intervals-overlap']]],
    ['bad time', (c) => ({ ...c, calendars: [{ ...cal0(c), hours: { kind: 'weekly', week: { mon: [{ start: '9時', end: '18:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } } }] }), [['calendars[0].hours.week.mon[0].start', 'invalid-time-of-day']]],
    ['no working time', (c) => ({ ...c, calendars: [{ ...cal0(c), hours: { kind: 'weekly', week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } } }] }), [['calendars[0].hours', 'no-working-time']]],
    ['bad holiday date', (c) => ({ ...c, calendars: [{ ...cal0(c), holidays: [{ kind: 'date', date: '2025-13-01' }] }] }), [['calendars[0].holidays[0].date', 'invalid-date']]],
    ['duplicate calendar id', (c) => ({ ...c, calendars: [cal0(c), cal0(c)] }), [['calendars[1].id', 'duplicate-id']]],
    ['policy on an unknown calendar', (c) => ({ ...c, slaPolicies: [{ ...pol0(c), calendar: { kind: 'fixed', calendarId: 'osaka' } }] }), [['slaPolicies[0].calendar.calendarId', 'unknown-calendar']]],
    ['unknown incident kind in a goal', (c) => ({ ...c, slaPolicies: [{ ...pol0(c), metrics: pol0(c).metrics.map((m, i) => (i === 0 ? { ...m, goals: [{ id: 'x', when: { kinds: ['outage'] }, targetMinutes: 10 }] } : m)) }] }), [['slaPolicies[0].metrics[0].goals[0].when.kinds[0]', 'unknown-incident-kind']]],
    ['duplicate goal id', (c) => ({ ...c, slaPolicies: [{ ...pol0(c), metrics: pol0(c).metrics.map((m) => ({ ...m, goals: [m.goals[0], m.goals[0]] })) }] }), [['slaPolicies[0].metrics[0].goals[1].id', 'duplicate-id'], ['slaPolicies[0].metrics[1].goals[1].id', 'duplicate-id']]],
    ['unknown condition', (c) => ({ ...c, slaPolicies: [{ ...pol0(c), metrics: pol0(c).metrics.map((m) => ({ ...m, start: [{ on: 'sla-breached' }] })) }] }), [['slaPolicies[0].metrics[0].start[0].on', 'invalid'], ['slaPolicies[0].metrics[1].start[0].on', 'invalid']]],
    ['zero goal', (c) => ({ ...c, slaPolicies: [{ ...pol0(c), metrics: pol0(c).metrics.map((m) => ({ ...m, goals: m.goals.map((g) => ({ ...g, targetMinutes: 0 })).slice(0, 1) })) }] }), [['slaPolicies[0].metrics[0].goals[0].targetMinutes', 'too-small'], ['slaPolicies[0].metrics[1].goals[0].targetMinutes', 'too-small']]],
  ])('%s', (_name, edit, expected) => {
    const found = errorsOf(edit(base()));
    expect(found.map((e) => [e.path, e.code])).toEqual(expected);
    for (const e of found) {
      expect(e.message.ja).toContain(e.path);
      expect(e.message.en).toContain(e.path);
      expect(e.message.ja).not.toBe(e.message.en);
      // A specific text, not the generic fallback (zod reports an unknown union tag only generically).
      if (e.code !== 'invalid') expect(e.message.en).not.toMatch(/is not valid\.$/);
    }
  });

  it('v2 schema alone accepts the defaults', () => {
    expect(ConfigV2Schema.safeParse(v2Of(base())).success).toBe(true);
  });
});

describe('Japanese holidays adapter', () => {
  it('loads a year in one step and adds it to a calendar without duplicates', () => {
    expect(japaneseHolidays([2025]).slice(0, 2)).toEqual([
      { kind: 'date', date: '2025-01-01', name: '元日' },
      { kind: 'date', date: '2025-01-13', name: '成人の日' },
    ]);
    const cal = cal0(base());
    const more = withJapaneseHolidays(cal, [2026, 2027]);
    expect(more.holidays.length).toBe(cal.holidays.length + japaneseHolidays([2027]).length);
  });
});

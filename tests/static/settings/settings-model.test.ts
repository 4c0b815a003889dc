import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../../src/config';
import { japaneseHolidays } from '../../../src/config/holidays/jp-holidays';
import { localInstant, mergeHolidays, previewBusinessTime } from '../../../static/settings/src/calendar-preview';
import { pathText, removeAt, resizeMatrix, setAt } from '../../../static/settings/src/draft-edit';
import { configPath, indexErrors, isUnder, mergeSections } from '../../../static/settings/src/field-errors';
import { subPageFor } from '../../../static/settings/src/routes';

const tokyo = defaultConfig({ year: 2026 }).calendars[0]!;

describe('draft edits', () => {
  it('setAt copies only the path it changes', () => {
    const root = { a: [{ b: 1 }, { b: 2 }], c: { d: 1 } };
    const next = setAt(root, ['a', 1, 'b'], 3);
    expect(next).toEqual({ a: [{ b: 1 }, { b: 3 }], c: { d: 1 } });
    expect(root.a[1]!.b).toBe(2);
    expect(next.c).toBe(root.c);
    expect(next.a[0]).toBe(root.a[0]);
  });

  it('pathText writes the parser’s paths', () => {
    expect(pathText(['impact', 'levels', 0, 'labels', 'ja'])).toBe('impact.levels[0].labels.ja');
    expect(pathText(['matrix', 1, 2])).toBe('matrix[1][2]');
  });

  it('resizeMatrix keeps what fits and fills the rest; removeAt drops one item', () => {
    expect(resizeMatrix([['P1', 'P2'], ['P2', 'P3']], 3, 1, 'P5')).toEqual([['P1'], ['P2'], ['P5']]);
    expect(removeAt(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('an edit made through setAt is checked by the same parser as the backend, with the field named', () => {
    const config = setAt(defaultConfig({ year: 2026 }), ['matrix', 2, 2], 'P4');
    const parsed = parseConfig(config);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.path)).toEqual(['priorityLevels[4]']);
  });
});

describe('field errors', () => {
  it('maps resolver paths to config paths', () => {
    expect(configPath('config.matrix[1][2]')).toBe('matrix[1][2]');
    expect(configPath('document.config.impact.levels[0].id')).toBe('impact.levels[0].id');
    expect(configPath('config')).toBe('');
    expect(configPath('expectedVersion')).toBe('expectedVersion');
  });

  it('indexes by path without repeating the same message', () => {
    const m = { ja: 'あ', en: 'a' };
    const index = indexErrors([
      { path: 'matrix[0][0]', message: m },
      { path: 'matrix[0][0]', message: m },
      { path: 'matrix', message: { ja: 'い', en: 'b' } },
    ]);
    expect(index.get('matrix[0][0]')).toEqual([m]);
    expect(index.get('matrix')).toHaveLength(1);
  });

  it('isUnder matches the section and its children only', () => {
    expect(isUnder('matrix[1][2]', 'matrix')).toBe(true);
    expect(isUnder('impact.levels[0]', 'impact')).toBe(true);
    expect(isUnder('impactScope', 'impact')).toBe(false);
    expect(isUnder('anything', '')).toBe(true);
  });

  it('mergeSections puts this page’s sections on the latest config and keeps the rest of the latest', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer()), fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer()), fc.array(fc.string({ minLength: 1, maxLength: 4 })), (latest, draft, keys) => {
        const merged = mergeSections(latest, draft, keys);
        for (const k of Object.keys(merged)) {
          if (keys.includes(k) && k in draft) expect(merged[k]).toBe(draft[k]);
          else expect(merged[k]).toBe(latest[k]);
        }
      }),
    );
  });
});

describe('calendar preview', () => {
  it('reads wall-clock input in the calendar’s zone', () => {
    expect(localInstant('2026-03-06T17:00', 'Asia/Tokyo')).toBe(Date.parse('2026-03-06T08:00:00Z'));
    expect(localInstant('2026-07-01T09:00', 'America/New_York')).toBe(Date.parse('2026-07-01T13:00:00Z'));
    expect(localInstant('2026-07-01', 'Asia/Tokyo')).toBeNull();
    expect(localInstant('2026-07-01T09:00', 'Not/AZone')).toBeNull();
  });

  it.each([
    ['2026-03-06T17:00', '2026-03-09T10:00', 2 * 60], // Fri 17:00 -> Mon 10:00
    ['2026-03-19T17:00', '2026-03-23T10:00', 2 * 60], // Fri 20 Mar is Vernal Equinox Day
    ['2026-03-09T08:00', '2026-03-09T19:00', 9 * 60],
    ['2026-03-09T10:00', '2026-03-09T10:00', 0],
  ] as const)('seed calendar: %s to %s is %i business minutes', (from, to, minutes) => {
    const r = previewBusinessTime(tokyo, from, to);
    expect(r.ok && r.ms).toBe(minutes * 60_000);
  });

  it('a lunch break is not business time; errors are typed', () => {
    const split = { ...tokyo, hours: { kind: 'weekly' as const, week: { ...(tokyo.hours.kind === 'weekly' ? tokyo.hours.week : ({} as never)), mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }] } } };
    const r = previewBusinessTime(split, '2026-03-09T11:00', '2026-03-09T14:00');
    expect(r.ok && r.ms).toBe(2 * 3_600_000);
    expect(previewBusinessTime({ ...tokyo, timeZone: 'Mars/Base' }, '2026-03-09T11:00', '2026-03-09T14:00')).toEqual({ ok: false, reason: 'invalid-calendar' });
    expect(previewBusinessTime(tokyo, '2026-03-09T14:00', '2026-03-09T11:00')).toEqual({ ok: false, reason: 'to-before-from' });
    expect(previewBusinessTime(tokyo, '', '2026-03-09T11:00')).toEqual({ ok: false, reason: 'invalid-instant' });
  });

  it('importing a year of Japanese holidays adds only the new dates, in order', () => {
    const existing = japaneseHolidays([2026]);
    const once = mergeHolidays(existing, japaneseHolidays([2026, 2027]));
    expect(once.added).toBe(japaneseHolidays([2027]).length);
    const again = mergeHolidays(once.holidays, japaneseHolidays([2027]));
    expect(again.added).toBe(0);
    const dates = once.holidays.map((h) => (h.kind === 'date' ? h.date : ''));
    expect(dates).toEqual([...dates].sort());
  });
});

describe('settings routes', () => {
  it('picks the sub-page from the Jira route or history path, the matrix by default', () => {
    expect(subPageFor('calendars').route).toBe('calendars');
    expect(subPageFor('/history').route).toBe('history');
    expect(subPageFor('/import-export/').route).toBe('import-export');
    expect(subPageFor(undefined).route).toBe('matrix');
    expect(subPageFor('nope').route).toBe('matrix');
  });
});

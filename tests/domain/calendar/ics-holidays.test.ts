import { describe, expect, it } from 'vitest';
import { CalendarDefinitionSchema, parseIcsHolidays } from '../../../src/domain/calendar';

const ics = (...events: string[][]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR'].join('\r\n');

describe('parseIcsHolidays', () => {
  it('reads all-day events, names, multi-day spans and folded lines', () => {
    const text = ics(
      ['DTSTART;VALUE=DATE:20250101', 'DTEND;VALUE=DATE:20250102', 'SUMMARY:元日'],
      ['DTSTART;VALUE=DATE:20250503', 'DTEND;VALUE=DATE:20250507', 'SUMMARY:Golden', ' Week\\, holidays'],
      ['UID:x', 'DTSTART:20250113', 'SUMMARY:成人の日'],
    );
    const r = parseIcsHolidays(text);
    expect(r).toEqual({
      ok: true,
      skipped: [],
      holidays: [
        { kind: 'date', date: '2025-01-01', name: '元日' },
        { kind: 'date', date: '2025-05-03', name: 'GoldenWeek, holidays' },
        { kind: 'date', date: '2025-05-04', name: 'GoldenWeek, holidays' },
        { kind: 'date', date: '2025-05-05', name: 'GoldenWeek, holidays' },
        { kind: 'date', date: '2025-05-06', name: 'GoldenWeek, holidays' },
        { kind: 'date', date: '2025-01-13', name: '成人の日' },
      ],
    });
    // The result is valid calendar input as it stands.
    if (r.ok) expect(CalendarDefinitionSchema.safeParse({ id: 'jp', labels: { ja: '日本', en: 'Japan' }, timeZone: 'Asia/Tokyo', hours: { kind: '24x7' }, holidays: r.holidays }).success).toBe(true);
  });

  it('turns a plain yearly repeat into a yearly holiday and reports what it cannot use', () => {
    const r = parseIcsHolidays(
      ics(
        ['DTSTART;VALUE=DATE:20201225', 'RRULE:FREQ=YEARLY', 'SUMMARY:Christmas'],
        ['DTSTART;VALUE=DATE:20200120', 'RRULE:FREQ=YEARLY;BYMONTH=1;BYDAY=3MO', 'SUMMARY:MLK Day'],
        ['DTSTART:20250106T090000Z', 'SUMMARY:Meeting'],
        ['SUMMARY:No date'],
        ['DTSTART;VALUE=DATE:20250230', 'SUMMARY:Bad'],
        ['DTSTART;VALUE=DATE:20250101', 'SUMMARY:New year again'],
      ),
    );
    expect(r).toEqual({
      ok: true,
      holidays: [
        { kind: 'yearly', month: 12, day: 25, name: 'Christmas' },
        { kind: 'date', date: '2025-01-01', name: 'New year again' },
      ],
      skipped: [
        { line: 9, summary: 'MLK Day', reason: 'unsupported-rrule' },
        { line: 14, summary: 'Meeting', reason: 'not-all-day' },
        { line: 18, summary: 'No date', reason: 'missing-dtstart' },
        { line: 21, summary: 'Bad', reason: 'bad-date' },
      ],
    });
  });

  it('deduplicates the same day and rejects text that is not iCalendar', () => {
    const r = parseIcsHolidays(ics(['DTSTART;VALUE=DATE:20250101'], ['DTSTART;VALUE=DATE:20250101', 'SUMMARY:dup']));
    expect(r.ok && r.holidays).toEqual([{ kind: 'date', date: '2025-01-01' }]);
    expect(parseIcsHolidays('hello')).toEqual({ ok: false, error: 'not-icalendar' });
  });
});

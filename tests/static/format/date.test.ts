import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDateTimeWithZone, formatTime } from '../../../static/shared/format';

// Whatever space ICU puts before AM/PM (U+202F in some versions), the formatter writes a plain one,
// so the expectations below use plain spaces.

const instant = '2026-03-14T00:30:00Z';

describe('formatDateTime in the viewer zone and locale', () => {
  it.each([
    ['ja-JP', 'Asia/Tokyo', '2026/03/14 9:30'],
    ['ja-JP', 'UTC', '2026/03/14 0:30'],
    ['ja-JP', 'America/New_York', '2026/03/13 20:30'],
    ['en-US', 'America/New_York', 'Mar 13, 2026, 8:30 PM'],
    ['en-US', 'Asia/Tokyo', 'Mar 14, 2026, 9:30 AM'],
    ['en-GB', 'Europe/London', '14 Mar 2026, 00:30'],
    // Lord Howe is on daylight time (UTC+11) until April.
    ['en-US', 'Australia/Lord_Howe', 'Mar 14, 2026, 11:30 AM'],
  ])('%s %s -> %s', (intlTag, timeZone, expected) => {
    expect(formatDateTime(instant, { intlTag, timeZone })).toBe(expected);
  });

  it('accepts epoch ms and Date for the same instant', () => {
    const viewer = { intlTag: 'ja-JP', timeZone: 'Asia/Tokyo' };
    const ms = Date.UTC(2026, 2, 14, 0, 30);
    expect(formatDateTime(ms, viewer)).toBe('2026/03/14 9:30');
    expect(formatDateTime(new Date(ms), viewer)).toBe('2026/03/14 9:30');
  });

  it('follows daylight-saving changes (New York, 8 March 2026)', () => {
    const viewer = { intlTag: 'en-US', timeZone: 'America/New_York' };
    expect(formatDateTime('2026-03-08T06:59:00Z', viewer)).toBe('Mar 8, 2026, 1:59 AM');
    expect(formatDateTime('2026-03-08T07:00:00Z', viewer)).toBe('Mar 8, 2026, 3:00 AM');
  });

  it('follows the half-hour shift of Lord Howe (back to UTC+10:30 on 5 April 2026)', () => {
    const viewer = { intlTag: 'en-US', timeZone: 'Australia/Lord_Howe' };
    expect(formatDateTimeWithZone('2026-04-10T00:00:00Z', viewer)).toBe('Apr 10, 2026, 10:30 AM GMT+10:30');
  });

  it('never emits narrow or no-break spaces', () => {
    for (const timeZone of ['America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe']) {
      expect(formatDateTime(instant, { intlTag: 'en-US', timeZone })).not.toMatch(/[\u202f\u00a0]/);
    }
  });

  it('rejects a malformed instant with a RangeError naming it', () => {
    expect(() => formatDateTime('yesterday-ish', { intlTag: 'en-US', timeZone: 'UTC' })).toThrow(/yesterday-ish/);
    expect(() => formatDateTime(Number.NaN, { intlTag: 'en-US', timeZone: 'UTC' })).toThrow(RangeError);
  });
});

describe('formatDateTimeWithZone', () => {
  it.each([
    ['ja-JP', 'Asia/Tokyo', '2026年3月14日 9:30 JST'],
    ['en-US', 'America/New_York', 'Mar 13, 2026, 8:30 PM EDT'],
    ['en-GB', 'Europe/London', '14 Mar 2026, 00:30 GMT'],
    ['ja-JP', 'UTC', '2026年3月14日 0:30 UTC'],
  ])('%s %s -> %s', (intlTag, timeZone, expected) => {
    expect(formatDateTimeWithZone(instant, { intlTag, timeZone })).toBe(expected);
  });
});

describe('formatDate / formatTime', () => {
  it.each([
    ['ja-JP', 'Asia/Tokyo', '2026/03/14', '9:30'],
    ['en-US', 'America/New_York', 'Mar 13, 2026', '8:30 PM'],
    ['en-GB', 'Europe/London', '14 Mar 2026', '00:30'],
  ])('%s %s -> %s, %s', (intlTag, timeZone, date, time) => {
    expect(formatDate(instant, { intlTag, timeZone })).toBe(date);
    expect(formatTime(instant, { intlTag, timeZone })).toBe(time);
  });
});

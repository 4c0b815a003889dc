import { describe, expect, it } from 'vitest';
import { formatRelative } from '../../../static/shared/format';

const now = Date.UTC(2026, 2, 14, 0, 0);
const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatRelative', () => {
  it.each([
    [0, 'now', '今'],
    [44 * S, 'now', '今'],
    [-44 * S, 'now', '今'],
    [45 * S, 'in 1m', '1分後'],
    [5 * M, 'in 5m', '5分後'],
    [-35 * M, '35m ago', '35分前'],
    [59 * M, 'in 59m', '59分後'],
    [59 * M + 30 * S, 'in 1h', '1時間後'],
    [2 * H, 'in 2h', '2時間後'],
    [-(2 * H + 20 * M), '2h ago', '2時間前'],
    [23 * H, 'in 23h', '23時間後'],
    [23 * H + 30 * M, 'in 1d', '1日後'],
    [3 * D, 'in 3d', '3日後'],
    [-3 * D, '3d ago', '3日前'],
  ])('%i ms -> %s / %s', (offset, enText, jaText) => {
    expect(formatRelative(now + offset, now, 'en-US')).toBe(enText);
    expect(formatRelative(now + offset, now, 'ja-JP')).toBe(jaText);
  });

  it('takes ISO strings', () => {
    expect(formatRelative('2026-03-14T02:30:00Z', '2026-03-14T00:30:00Z', 'en-US')).toBe('in 2h');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import tokenNames from '@atlaskit/tokens/token-names';
import { en } from '../../../static/shared/i18n';
import { SLA_BANDS, bandFor, bandForFraction, bandLabelKey, bandTokens, lozengeAppearance } from '../../../static/shared/sla/colour-band';
import type { SlaBand } from '../../../static/shared/sla/colour-band';

describe('bandForFraction at the boundaries', () => {
  it.each([
    [0, 'ok'],
    [0.4999, 'ok'],
    [0.5, 'notice'],
    [0.7499, 'notice'],
    [0.75, 'warning'],
    [0.9999, 'warning'],
    [1, 'warning'],
    [1.0001, 'breached'],
    [5, 'breached'],
    [-0.2, 'ok'],
  ] as const)('%f -> %s', (fraction, band) => {
    expect(bandForFraction(fraction)).toBe(band);
  });

  it('rejects NaN', () => {
    expect(() => bandForFraction(Number.NaN)).toThrow(RangeError);
  });

  it('never goes down as more of the goal is used', () => {
    const order: Record<SlaBand, number> = { ok: 0, notice: 1, warning: 2, breached: 3 };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(order[bandForFraction(lo)]).toBeLessThanOrEqual(order[bandForFraction(hi)]);
      }),
    );
  });
});

describe('bandFor (elapsed / goal in ms)', () => {
  const hour = 3_600_000;
  it.each([
    [29 * 60_000, hour, 'ok'],
    [30 * 60_000, hour, 'notice'],
    [45 * 60_000, hour, 'warning'],
    [hour, hour, 'warning'],
    [hour + 1, hour, 'breached'],
    [0, 0, 'ok'],
    [1, 0, 'breached'],
  ] as const)('%i of %i -> %s', (elapsed, goal, band) => {
    expect(bandFor(elapsed, goal)).toBe(band);
  });

  it('rejects a negative or non-finite goal', () => {
    expect(() => bandFor(1, -1)).toThrow(RangeError);
    expect(() => bandFor(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
  });
});

describe('band presentation', () => {
  it('maps bands to distinct lozenge appearances (green, blue, yellow, red)', () => {
    expect(SLA_BANDS.map(lozengeAppearance)).toEqual(['success', 'inprogress', 'moved', 'removed']);
  });

  it('uses design tokens that exist in @atlaskit/tokens', () => {
    const names = new Set(Object.keys(tokenNames));
    for (const band of SLA_BANDS) {
      const { background, text } = bandTokens(band);
      expect(names.has(background), background).toBe(true);
      expect(names.has(text), text).toBe(true);
    }
  });

  it('has a label for every band', () => {
    expect(SLA_BANDS.map((band) => en[bandLabelKey(band)])).toEqual(['On track', 'Attention', 'At risk', 'Breached']);
  });
});

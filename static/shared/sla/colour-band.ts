import type { ThemeAppearance } from '@atlaskit/lozenge';
import type { MessageKey } from '../i18n/catalog-en';

/** How much of an SLA goal is used up: < 50 % ok, 50-75 % notice, 75-100 % warning, > 100 % breached. */
export type SlaBand = 'ok' | 'notice' | 'warning' | 'breached';

export const SLA_BANDS: readonly SlaBand[] = ['ok', 'notice', 'warning', 'breached'];

/**
 * The band for the fraction of the goal that has elapsed (business time elapsed / goal). Exactly
 * 100 % is still "warning": the goal is breached only once the time is past it, matching the
 * panel that reads "0m left" at that instant.
 *
 * @example bandForFraction(0.5) // 'notice'; bandForFraction(1) // 'warning'; bandForFraction(1.01) // 'breached'
 */
export function bandForFraction(fraction: number): SlaBand {
  if (Number.isNaN(fraction)) throw new RangeError('SLA fraction is NaN');
  if (fraction > 1) return 'breached';
  if (fraction >= 0.75) return 'warning';
  if (fraction >= 0.5) return 'notice';
  return 'ok';
}

/**
 * The band for elapsed and goal business milliseconds. A zero goal is breached as soon as any
 * time has elapsed.
 *
 * @example bandFor(45 * 60_000, 60 * 60_000) // 'warning' (75 %)
 */
export function bandFor(elapsedMs: number, goalMs: number): SlaBand {
  if (!Number.isFinite(elapsedMs) || !Number.isFinite(goalMs) || goalMs < 0) {
    throw new RangeError(`Invalid SLA span: elapsed ${elapsedMs}, goal ${goalMs}`);
  }
  if (goalMs === 0) return elapsedMs > 0 ? 'breached' : 'ok';
  return bandForFraction(elapsedMs / goalMs);
}

/** @atlaskit/lozenge appearance per band (green, blue, yellow, red). */
export function lozengeAppearance(band: SlaBand): ThemeAppearance {
  switch (band) {
    case 'ok':
      return 'success';
    case 'notice':
      return 'inprogress';
    case 'warning':
      return 'moved';
    case 'breached':
      return 'removed';
  }
}

/**
 * Design-token names for drawing a band (progress bars, timeline segments). Returned as token
 * names, not colours, so dark mode works; pass them to `token()` from @atlaskit/tokens.
 */
export function bandTokens(band: SlaBand): { readonly background: BandBackgroundToken; readonly text: BandTextToken } {
  switch (band) {
    case 'ok':
      return { background: 'color.background.success.bold', text: 'color.text.success' };
    case 'notice':
      return { background: 'color.background.information.bold', text: 'color.text.information' };
    case 'warning':
      return { background: 'color.background.warning.bold', text: 'color.text.warning' };
    case 'breached':
      return { background: 'color.background.danger.bold', text: 'color.text.danger' };
  }
}

export type BandBackgroundToken =
  | 'color.background.success.bold'
  | 'color.background.information.bold'
  | 'color.background.warning.bold'
  | 'color.background.danger.bold';
export type BandTextToken = 'color.text.success' | 'color.text.information' | 'color.text.warning' | 'color.text.danger';

/** Catalog key of the band's label ("On track" / "順調" ...). */
export function bandLabelKey(band: SlaBand): MessageKey {
  switch (band) {
    case 'ok':
      return 'sla.band.ok';
    case 'notice':
      return 'sla.band.notice';
    case 'warning':
      return 'sla.band.warning';
    case 'breached':
      return 'sla.band.breached';
  }
}

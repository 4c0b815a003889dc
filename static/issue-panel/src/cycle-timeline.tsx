import { token } from '@atlaskit/tokens';
import { useMemo } from 'react';
import { CalendarDefinitionSchema, compileCalendar, workingIntervals, type BusinessCalendar } from '../../../src/domain/calendar';
import type { ConfigView } from '../../shared/config/config-view';
import { formatDateTime } from '../../shared/format/date';
import { formatDuration } from '../../shared/format/duration';
import { useI18n } from '../../shared/i18n/i18n-provider';
import type { SlaCycleView } from '../../shared/sla/sla-model';
import { pauseReasonText } from './pause-reason';
import { cycleSegments, type TimelineSegment, type WorkingIntervalsFn } from './timeline-model';

const compiled = new Map<string, BusinessCalendar | null>();

/** The cycle's calendar from the config, compiled once per definition; null when missing or unreadable. */
function calendarFor(config: ConfigView | null, calendarId: string): BusinessCalendar | null {
  const raw = config?.calendars.find((c) => typeof c === 'object' && c !== null && (c as { id?: unknown }).id === calendarId);
  if (raw === undefined) return null;
  const key = JSON.stringify(raw);
  if (!compiled.has(key)) {
    const parsed = CalendarDefinitionSchema.safeParse(raw);
    compiled.set(key, parsed.success ? compileCalendar(parsed.data) : null);
  }
  return compiled.get(key) ?? null;
}

function segmentColour(kind: TimelineSegment['kind']): string {
  switch (kind) {
    case 'running':
      return token('color.background.information.bold');
    case 'paused':
      return token('color.background.warning.bold');
    case 'outside':
      return token('color.background.neutral');
  }
}

/**
 * The cycle's life as a bar (running / paused for a reason / outside business hours) and the same as a
 * list, so the reason for every pause is spelled out, also for screen readers (the bar is decorative).
 */
export default function CycleTimeline(props: { cycle: SlaCycleView; until: number; config: ConfigView | null }) {
  const { t, lang, intlTag, timeZone } = useI18n();
  const { cycle, until, config } = props;
  const calendar = calendarFor(config, cycle.calendarId);
  const segments = useMemo(() => {
    const fn: WorkingIntervalsFn | null = calendar === null ? null : (from, to) => workingIntervals(calendar, from, to);
    return cycleSegments(cycle, until, fn);
  }, [cycle, until, calendar]);
  const total = segments.reduce((n, s) => n + (s.to - s.from), 0);
  if (total <= 0) return null;
  const label = (s: TimelineSegment): string => {
    switch (s.kind) {
      case 'running':
        return t('timeline.running');
      case 'outside':
        return t('timeline.outside');
      case 'paused':
        return pauseReasonText(s.reason, t, lang);
    }
  };
  const viewer = { intlTag, timeZone };
  // The list stays short: merge runs of tiny segments into the summary when a cycle spans weeks.
  const listed = segments.length > 24 ? segments.slice(-24) : segments;
  return (
    <details data-testid="sla-timeline">
      <summary style={{ cursor: 'pointer' }}>{t('timeline.heading')}</summary>
      <div aria-hidden="true" style={{ display: 'flex', height: token('space.150'), margin: `${token('space.100')} 0`, borderRadius: token('radius.small', '3px'), overflow: 'hidden' }}>
        {segments.map((s) => (
          <div key={`${s.kind}-${String(s.from)}`} title={label(s)} style={{ flexGrow: s.to - s.from, flexBasis: 0, minWidth: 1, background: segmentColour(s.kind) }} />
        ))}
      </div>
      {calendar === null && <p style={{ color: token('color.text.subtle'), margin: 0 }}>{t('timeline.noCalendar')}</p>}
      {segments.length > listed.length && <p style={{ margin: 0 }}>{t('timeline.truncated', { count: segments.length - listed.length })}</p>}
      <ol style={{ margin: 0, paddingInlineStart: token('space.250') }}>
        {listed.map((s) => (
          <li key={`${s.kind}-${String(s.from)}`} data-kind={s.kind}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: '0.8em', height: '0.8em', marginInlineEnd: token('space.050'), background: segmentColour(s.kind), borderRadius: '2px' }} />
            {formatDateTime(s.from, viewer)} – {formatDateTime(s.to, viewer)} · {label(s)} ({formatDuration(s.to - s.from, lang)})
          </li>
        ))}
      </ol>
    </details>
  );
}

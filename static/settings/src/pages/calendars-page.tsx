import { token } from '@atlaskit/tokens';
import { useMemo, useState } from 'react';
import type { Config } from '../../../../src/config/current';
import { WEEKDAY_KEYS, type CalendarDefinition, type DaySchedule, type Holiday, type WeekdayKey } from '../../../../src/domain/calendar';
import { formatDateTimeWithZone } from '../../../shared/format/date';
import { formatDuration } from '../../../shared/format/duration';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { mergeHolidays, previewBusinessTime } from '../calendar-preview';
import { useConfigDraft } from '../config-draft';
import { removeAt, setAt } from '../draft-edit';
import { SaveBar } from '../save-bar';
import { NumberInput, Section, SelectInput, SmallButton, TextInput } from '../ui/form-controls';

// Monday first, as calendars in Japan and the settings read.
const WEEK: readonly WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Tokyo', 'UTC'];
  }
}

function WeekEditor(props: { index: number; calendar: CalendarDefinition }) {
  const { t } = useI18n();
  const { update } = useConfigDraft();
  const { hours } = props.calendar;
  const base = ['calendars', props.index, 'hours'] as const;
  if (hours.kind !== 'weekly') return <p>{t('settings.calendars.allDay')}</p>;
  const setDay = (day: WeekdayKey, schedule: DaySchedule) => update((c) => setAt(c, [...base, 'week', day], schedule));
  return (
    <table style={{ borderCollapse: 'collapse' }} data-testid="week-editor">
      <tbody>
        {WEEK.map((day) => {
          const schedule = hours.week[day];
          return (
            <tr key={day} style={{ borderBottom: `1px solid ${token('color.border')}` }}>
              <th scope="row" style={{ textAlign: 'start', paddingInlineEnd: token('space.150'), verticalAlign: 'top' }}>
                {t(`settings.weekday.${day}`)}
              </th>
              <td style={{ padding: token('space.050') }}>
                <div style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
                  {schedule.length === 0 && <span style={{ color: token('color.text.subtle') }}>{t('settings.calendars.closed')}</span>}
                  {schedule.map((interval, i) => {
                    const p = `calendars[${String(props.index)}].hours.week.${day}[${String(i)}]`;
                    return (
                      <span key={i} style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'flex-end' }}>
                        <TextInput type="time" label={t('settings.calendars.from', { day: t(`settings.weekday.${day}`) })} hideLabel path={`${p}.start`} value={interval.start} onChange={(v) => setDay(day, setAt(schedule, [i, 'start'], v))} />
                        –
                        <TextInput type="time" label={t('settings.calendars.to', { day: t(`settings.weekday.${day}`) })} hideLabel path={`${p}.end`} value={interval.end} onChange={(v) => setDay(day, setAt(schedule, [i, 'end'], v))} />
                        <SmallButton label={t('settings.calendars.removeInterval')} onClick={() => setDay(day, removeAt(schedule, i))} tone="danger">
                          ×
                        </SmallButton>
                      </span>
                    );
                  })}
                  <SmallButton
                    label={schedule.length === 0 ? t('settings.calendars.open') : t('settings.calendars.addBreak')}
                    onClick={() => {
                      const last = schedule.at(-1);
                      // A second interval after a break: start an hour after the last one ends.
                      setDay(day, last === undefined ? [{ start: '09:00', end: '18:00' }] : [...schedule.slice(0, -1), { start: last.start, end: '12:00' }, { start: '13:00', end: last.end }]);
                    }}
                  />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function HolidaysEditor(props: { index: number; calendar: CalendarDefinition }) {
  const { t } = useI18n();
  const { update } = useConfigDraft();
  const [year, setYear] = useState(() => new Date().getFullYear() + 1);
  const [message, setMessage] = useState<string | null>(null);
  const holidays = props.calendar.holidays;
  const setHolidays = (next: Holiday[]) => update((c) => setAt(c, ['calendars', props.index, 'holidays'], next));
  const importJapanese = async () => {
    // The holiday table is large: load it only when an admin asks for it.
    const { japaneseHolidays, japaneseHolidayYears } = await import('../../../../src/config/holidays/jp-holidays');
    const span = japaneseHolidayYears();
    if (year < span.first || year > span.last) return setMessage(t('settings.calendars.noHolidayData', { year, first: span.first, last: span.last }));
    const merged = mergeHolidays(holidays, japaneseHolidays([year]));
    setHolidays(merged.holidays);
    setMessage(t('settings.calendars.imported', { count: merged.added, year }));
  };
  return (
    <Section title={t('settings.calendars.holidays')} testId="holidays">
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <NumberInput label={t('settings.calendars.year')} path="import.year" value={year} min={1955} max={2100} onChange={setYear} testId="holiday-year" />
        <SmallButton label={t('settings.calendars.importJapanese', { year })} onClick={() => void importJapanese()} testId="import-jp-holidays" />
        <SmallButton label={t('settings.calendars.addHoliday')} onClick={() => setHolidays([...holidays, { kind: 'date', date: `${String(year)}-01-01`, name: '' }])} />
        <span role="status" data-testid="holiday-status">
          {message}
        </span>
      </div>
      <details>
        <summary style={{ cursor: 'pointer' }}>{t('settings.calendars.holidayCount', { count: holidays.length })}</summary>
        <ul style={{ margin: 0, paddingInlineStart: token('space.250'), display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
          {holidays.map((h, i) => {
            const p = `calendars[${String(props.index)}].holidays[${String(i)}]`;
            return (
              <li key={i} style={{ display: 'flex', gap: token('space.100'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
                {h.kind === 'date' ? (
                  <TextInput type="date" label={t('settings.calendars.date')} hideLabel path={`${p}.date`} value={h.date} onChange={(v) => setHolidays(setAt(holidays, [i, 'date'], v))} />
                ) : (
                  <span>{t('settings.calendars.yearly', { month: h.month, day: h.day })}</span>
                )}
                <TextInput label={t('settings.calendars.holidayName')} hideLabel path={`${p}.name`} value={h.name ?? ''} onChange={(v) => setHolidays(setAt(holidays, [i, 'name'], v))} />
                <SmallButton label={t('settings.removeItem', { item: h.kind === 'date' ? h.date : `${String(h.month)}/${String(h.day)}` })} onClick={() => setHolidays(removeAt(holidays, i))} tone="danger">
                  ×
                </SmallButton>
              </li>
            );
          })}
        </ul>
      </details>
    </Section>
  );
}

function BusinessTimePreview(props: { calendar: CalendarDefinition }) {
  const { t, lang, intlTag } = useI18n();
  const [from, setFrom] = useState('2026-03-06T17:00');
  const [to, setTo] = useState('2026-03-09T10:00');
  const result = useMemo(() => previewBusinessTime(props.calendar, from, to), [props.calendar, from, to]);
  const viewer = { intlTag, timeZone: props.calendar.timeZone };
  return (
    <Section title={t('settings.calendars.preview')} description={t('settings.calendars.previewHelp', { zone: props.calendar.timeZone })} testId="business-time-preview">
      <div style={{ display: 'flex', gap: token('space.150'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <label style={{ display: 'inline-flex', flexDirection: 'column' }}>
          {t('settings.calendars.previewFrom')}
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="preview-from" />
        </label>
        <label style={{ display: 'inline-flex', flexDirection: 'column' }}>
          {t('settings.calendars.previewTo')}
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="preview-to" />
        </label>
        <output aria-live="polite" data-testid="business-time">
          {result.ok
            ? t('settings.calendars.previewResult', { duration: formatDuration(result.ms, lang), from: formatDateTimeWithZone(result.from, viewer), to: formatDateTimeWithZone(result.to, viewer) })
            : t(`settings.calendars.previewError.${result.reason}`)}
        </output>
      </div>
    </Section>
  );
}

function CalendarEditor(props: { index: number; config: Config }) {
  const { t } = useI18n();
  const { update } = useConfigDraft();
  const calendar = props.config.calendars[props.index];
  const zones = useMemo(timeZones, []);
  if (calendar === undefined) return null;
  const p = `calendars[${String(props.index)}]`;
  const set = (path: (string | number)[], value: unknown) => update((c) => setAt(c, ['calendars', props.index, ...path], value));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.250') }}>
      <Section title={t('settings.calendars.general')}>
        <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <TextInput label={t('settings.id')} path={`${p}.id`} value={calendar.id} onChange={(v) => set(['id'], v)} width="14em" />
          <TextInput label={t('settings.labelJa')} path={`${p}.labels.ja`} value={calendar.labels.ja} onChange={(v) => set(['labels', 'ja'], v)} width="20em" />
          <TextInput label={t('settings.labelEn')} path={`${p}.labels.en`} value={calendar.labels.en} onChange={(v) => set(['labels', 'en'], v)} width="20em" />
          <datalist id="time-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <TextInput label={t('settings.calendars.timeZone')} path={`${p}.timeZone`} value={calendar.timeZone} onChange={(v) => set(['timeZone'], v)} list="time-zones" width="14em" testId="calendar-zone" />
          <SelectInput
            label={t('settings.calendars.hours')}
            path={`${p}.hours`}
            value={calendar.hours.kind}
            options={[
              { value: 'weekly', label: t('settings.calendars.weekly') },
              { value: '24x7', label: t('settings.calendars.allDay') },
            ]}
            onChange={(v) =>
              set(['hours'], v === '24x7' ? { kind: '24x7' } : { kind: 'weekly', week: Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, d === 'sat' || d === 'sun' ? [] : [{ start: '09:00', end: '18:00' }]])) })
            }
          />
        </div>
      </Section>
      <Section title={t('settings.calendars.weeklyHours')} description={t('settings.calendars.weeklyHelp')}>
        <WeekEditor index={props.index} calendar={calendar} />
      </Section>
      <HolidaysEditor index={props.index} calendar={calendar} />
      <BusinessTimePreview calendar={calendar} />
    </div>
  );
}

/** Calendars sub-page: pick a calendar, edit its zone, weekly hours (with breaks) and holidays, and try it. */
export default function CalendarsPage() {
  const { t, lang } = useI18n();
  const { draft, update } = useConfigDraft();
  const [selected, setSelected] = useState(0);
  if (draft === null) return null;
  const index = Math.min(selected, Math.max(0, draft.calendars.length - 1));
  const add = () => {
    const base = draft.calendars[index];
    update((c) => ({
      ...c,
      calendars: [
        ...c.calendars,
        base === undefined
          ? { id: `calendar-${String(c.calendars.length + 1)}`, labels: { ja: '', en: '' }, timeZone: 'Asia/Tokyo', hours: { kind: '24x7' }, holidays: [] }
          : { ...base, id: `${base.id}-copy`, labels: { ja: `${base.labels.ja}（コピー）`, en: `${base.labels.en} (copy)` } },
      ],
    }));
    setSelected(draft.calendars.length);
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.250') }}>
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <SelectInput
          label={t('settings.calendars.calendar')}
          path="calendars"
          value={String(index)}
          options={draft.calendars.map((c, i) => ({ value: String(i), label: `${c.labels[lang] || c.id} (${c.id})` }))}
          onChange={(v) => setSelected(Number(v))}
        />
        <SmallButton label={t('settings.calendars.add')} onClick={add} />
        {draft.calendars.length > 1 && (
          <SmallButton label={t('settings.removeItem', { item: draft.calendars[index]?.id ?? '' })} tone="danger" onClick={() => update((c) => ({ ...c, calendars: removeAt(c.calendars, index) }))}>
            {t('settings.remove')}
          </SmallButton>
        )}
      </div>
      <CalendarEditor index={index} config={draft} />
      <SaveBar page="calendars" />
    </div>
  );
}

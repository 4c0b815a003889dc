import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { MAX_PERIOD_DAYS, PRESETS, checkCustomPeriod } from '../model/period';
import type { Period, PeriodFieldError, PresetId } from '../model/period';
import { fieldStyle, labelStyle, primaryButtonStyle } from './styles';

/**
 * Period: a preset applies at once; custom dates apply on "Show report" after the check, with each
 * error next to its field (and nothing sent to the backend while one is shown).
 */
export function PeriodPicker(props: { preset: PresetId; period: Period; onPreset: (preset: PresetId) => void; onCustom: (period: Period) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [from, setFrom] = useState(props.period.from);
  const [to, setTo] = useState(props.period.to);
  const [errors, setErrors] = useState<readonly PeriodFieldError[]>([]);
  const errorOf = (field: 'from' | 'to') => errors.find((e) => e.field === field);

  const apply = () => {
    const check = checkCustomPeriod(from, to);
    if (check.ok) {
      setErrors([]);
      props.onCustom(check.period);
    } else setErrors(check.errors);
  };

  const dateField = (field: 'from' | 'to', value: string, set: (v: string) => void) => {
    const error = errorOf(field);
    return (
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        <label htmlFor={`${id}-${field}`} style={labelStyle}>
          {t(field === 'from' ? 'report.period.from' : 'report.period.to')}
        </label>
        <input
          id={`${id}-${field}`}
          type="date"
          data-testid={`report-period-${field}`}
          value={value}
          onChange={(e) => set(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? undefined : `${id}-${field}-error`}
          style={fieldStyle(error !== undefined)}
        />
        {error !== undefined && (
          <span id={`${id}-${field}-error`} role="alert" data-testid={`report-period-${field}-error`} style={{ color: token('color.text.danger'), font: token('font.body.small') }}>
            {error.key === 'report.period.error.tooLong' ? t(error.key, { max: MAX_PERIOD_DAYS }) : t(error.key)}
          </span>
        )}
      </div>
    );
  };

  return (
    <fieldset style={{ border: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: token('space.150') }}>
      <legend style={{ ...labelStyle, marginBottom: token('space.050') }}>{t('report.period.legend')}</legend>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        <label htmlFor={`${id}-preset`} style={labelStyle}>
          {t('report.period.preset')}
        </label>
        <select
          id={`${id}-preset`}
          data-testid="report-period-preset"
          value={props.preset}
          onChange={(e) => {
            const next = PRESETS.find((p) => p === e.target.value) ?? 'last30';
            setErrors([]);
            if (next === 'custom') {
              // Start the custom dates from what is shown, so a small change is a small edit.
              setFrom(props.period.from);
              setTo(props.period.to);
            }
            props.onPreset(next);
          }}
          style={fieldStyle(false)}
        >
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`report.preset.${p}`)}
            </option>
          ))}
        </select>
      </div>
      {props.preset === 'custom' && (
        <>
          {dateField('from', from, setFrom)}
          {dateField('to', to, setTo)}
          <button type="button" data-testid="report-period-apply" onClick={apply} style={{ ...primaryButtonStyle, alignSelf: 'flex-end' }}>
            {t('report.period.apply')}
          </button>
        </>
      )}
    </fieldset>
  );
}

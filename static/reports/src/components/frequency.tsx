import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type { ReportGetResult } from '../../../../src/contracts/report';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { valueLabel } from '../model/report-format';
import { DIMENSIONS } from '../model/report-request';
import type { Dimension } from '../model/report-request';
import { Section } from './section';
import { subHeadingStyle, subtleText } from './styles';

/** Bars beyond this many per dimension are left to the CSV, so a long tail of services stays readable. */
export const MAX_BARS = 10;

/** Incidents opened per kind, priority, service, category and team as bar charts (HTML bars: each label and count is real text). */
export function Frequency(props: { result: ReportGetResult }) {
  const { t } = useI18n();
  return (
    <Section title={t('report.frequency.heading')} testId="report-frequency">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', gap: token('space.200') }}>
        {DIMENSIONS.map((dim) => (
          <Bars key={dim.id} dim={dim} result={props.result} />
        ))}
      </div>
    </Section>
  );
}

function Bars(props: { dim: Dimension; result: ReportGetResult }) {
  const { t } = useI18n();
  const id = useId();
  const rows = props.result.frequency[props.dim.frequency];
  const shown = rows.slice(0, MAX_BARS);
  const max = shown.reduce((m, r) => Math.max(m, r.count), 0);
  const dimension = t(`report.dim.${props.dim.id}`);
  return (
    <div data-testid={`report-frequency-${props.dim.id}`}>
      <h3 id={id} style={subHeadingStyle}>
        {t('report.frequency.by', { dimension })}
      </h3>
      {rows.length === 0 ? (
        <p style={subtleText}>{t('report.frequency.empty')}</p>
      ) : (
        <ul aria-label={t('report.frequency.aria', { dimension })} style={{ listStyle: 'none', margin: `${token('space.050')} 0 0`, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
          {shown.map((r) => (
            <li key={r.value ?? '\u0000none'} data-testid="report-frequency-row" style={{ display: 'grid', gridTemplateColumns: 'minmax(5rem, 9rem) 1fr 3rem', alignItems: 'center', gap: token('space.100'), font: token('font.body.small') }}>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={valueLabel(props.dim.id, r.value, t)}>
                {valueLabel(props.dim.id, r.value, t)}
              </span>
              <span aria-hidden="true" style={{ background: token('color.background.neutral'), borderRadius: token('radius.small', '3px'), height: '0.75rem' }}>
                <span style={{ display: 'block', height: '100%', width: `${String(max === 0 ? 0 : (r.count / max) * 100)}%`, background: token('color.chart.brand'), borderRadius: token('radius.small', '3px') }} />
              </span>
              <span style={{ textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>{r.count}</span>
            </li>
          ))}
        </ul>
      )}
      {rows.length > MAX_BARS && <p style={subtleText}>{t('report.frequency.more', { count: rows.length - MAX_BARS })}</p>}
    </div>
  );
}

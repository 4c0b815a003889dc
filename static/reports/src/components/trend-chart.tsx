import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import type { ReportGetResult } from '../../../../src/contracts/report';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { formatDay } from '../model/report-format';
import { DEFAULT_BOX, trendGeometry } from '../model/trend-geometry';
import { numHeadStyle, numStyle, subtleButtonStyle, tableStyle, tdStyle, thStyle } from './styles';

const OPENED_COLOUR = token('color.chart.blue.bold');
const CLOSED_COLOUR = token('color.chart.green.bold');

/**
 * Opened and closed per day as a hand-drawn SVG line chart. The SVG is one image to assistive tech
 * (role="img" with a summary as its label); the figures themselves are in a data table behind a toggle.
 * Closed is dashed so the two lines differ without colour.
 */
export function TrendChart(props: { result: ReportGetResult }) {
  const { t, intlTag } = useI18n();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const { trend, totals, period } = props.result;
  const g = trendGeometry(trend);
  const box = DEFAULT_BOX;
  const max = trend.reduce((m, r) => Math.max(m, r.opened, r.closed), 0);
  const label = t('report.trend.aria', { from: formatDay(period.from, intlTag), to: formatDay(period.to, intlTag), opened: totals.opened, closed: totals.closed, max });
  const tick = { fill: token('color.text.subtlest'), fontSize: 11 } as const;
  return (
    <figure style={{ margin: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <svg role="img" aria-label={label} data-testid="report-trend-chart" viewBox={`0 0 ${String(box.width)} ${String(box.height)}`} width="100%" style={{ maxWidth: `${String(box.width)}px`, height: 'auto' }}>
        {g.yTicks.map((y) => (
          <g key={y.value}>
            <line x1={g.plot.x0} x2={g.plot.x1} y1={y.y} y2={y.y} stroke={token('color.border')} strokeWidth={1} />
            <text x={g.plot.x0 - 6} y={y.y + 4} textAnchor="end" {...tick}>
              {y.value}
            </text>
          </g>
        ))}
        {g.xLabels.map((x, i) => (
          // The outermost labels hang inwards so they are not cut at the edges.
          <text key={x.day} x={x.x} y={box.height - 8} textAnchor={g.xLabels.length > 1 && i === 0 ? 'start' : g.xLabels.length > 1 && i === g.xLabels.length - 1 ? 'end' : 'middle'} {...tick}>
            {formatDay(x.day, intlTag, true)}
          </text>
        ))}
        <polyline data-series="opened" points={g.opened} fill="none" stroke={OPENED_COLOUR} strokeWidth={2} strokeLinejoin="round" />
        <polyline data-series="closed" points={g.closed} fill="none" stroke={CLOSED_COLOUR} strokeWidth={2} strokeDasharray="6 4" strokeLinejoin="round" />
      </svg>
      <figcaption style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'center', font: token('font.body.small') }}>
        <Swatch colour={OPENED_COLOUR} dashed={false} text={t('report.totals.opened')} />
        <Swatch colour={CLOSED_COLOUR} dashed text={t('report.totals.closed')} />
        <button type="button" aria-expanded={showTable} aria-controls={`${id}-table`} data-testid="report-trend-table-toggle" onClick={() => setShowTable((v) => !v)} style={subtleButtonStyle}>
          {t(showTable ? 'report.trend.hideTable' : 'report.trend.showTable')}
        </button>
      </figcaption>
      <div id={`${id}-table`} hidden={!showTable} style={{ maxHeight: '20rem', overflowY: 'auto' }}>
        {showTable && (
          <table style={tableStyle} data-testid="report-trend-table">
            <caption style={{ textAlign: 'start', font: token('font.body.small'), color: token('color.text.subtle') }}>{t('report.trend.heading')}</caption>
            <thead>
              <tr>
                <th scope="col" style={thStyle}>
                  {t('report.trend.day')}
                </th>
                <th scope="col" style={numHeadStyle}>
                  {t('report.totals.opened')}
                </th>
                <th scope="col" style={numHeadStyle}>
                  {t('report.totals.closed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {trend.map((r) => (
                <tr key={r.day}>
                  <th scope="row" style={{ ...tdStyle, fontWeight: 'normal', textAlign: 'start' }}>
                    {formatDay(r.day, intlTag)}
                  </th>
                  <td style={numStyle}>{r.opened}</td>
                  <td style={numStyle}>{r.closed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </figure>
  );
}

function Swatch(props: { colour: string; dashed: boolean; text: string }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
      <svg width="24" height="8" aria-hidden="true">
        <line x1="0" x2="24" y1="4" y2="4" stroke={props.colour} strokeWidth={2} strokeDasharray={props.dashed ? '6 4' : undefined} />
      </svg>
      {props.text}
    </span>
  );
}

import { token } from '@atlaskit/tokens';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { RESOLVER_KEYS } from '../../../src/contracts/resolvers';
import { ReportGetResultSchema } from '../../../src/contracts/report';
import type { ReportGetResult } from '../../../src/contracts/report';
import { projectOf } from '../../shared/bridge/forge-context';
import { useResolver } from '../../shared/bridge/hooks';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { PageFrame } from '../../shared/page/page-frame';
import { useForgeContext } from '../../shared/shell/forge-context-provider';
import { ErrorMessage, PageLoading } from '../../shared/shell/states';
import { FilterBar } from './components/filter-bar';
import { PeriodPicker } from './components/period-picker';
import { presetPeriod, todayIn } from './model/period';
import type { Period, PresetId } from './model/period';
import { NO_FILTER, reportPayload, toggleValue } from './model/report-request';
import type { FilterSelection } from './model/report-request';

// The report body (sections, chart, CSV) is its own chunk, fetched while the first report/get call runs:
// the first render needs only the controls.
const reportViewChunk = import('./components/report-view');
const ReportView = lazy(() => reportViewChunk.then((m) => ({ default: m.ReportView })));

/**
 * Reports (jira:projectPage): one `report/get` call per period and filter. The last report stays on
 * screen while the next loads, and its options keep feeding the filter pickers if a call fails.
 */
export default function ReportsApp() {
  const { t, lang, timeZone } = useI18n();
  const context = useForgeContext();
  const projectKey = projectOf(context)?.key ?? null;
  // "Today" is fixed when the page opens, so presets do not shift under the user at midnight.
  const [today] = useState(() => todayIn(timeZone, Date.now()));
  const [preset, setPreset] = useState<PresetId>('last30');
  const [period, setPeriod] = useState<Period>(() => presetPeriod('last30', today));
  const [selection, setSelection] = useState<FilterSelection>(NO_FILTER);
  const payload = useMemo(() => reportPayload(projectKey, period, selection), [projectKey, period, selection]);
  const { state, reload } = useResolver(RESOLVER_KEYS.reportGet, payload, ReportGetResultSchema);
  const [lastResult, setLastResult] = useState<ReportGetResult | null>(null);
  useEffect(() => {
    if (state.status === 'ok') setLastResult(state.data);
  }, [state]);

  return (
    <PageFrame heading={t('reports.heading')}>
      {projectKey === null && <p style={{ color: token('color.text.subtle'), margin: 0 }}>{t('report.noProject')}</p>}
      <div data-testid="report-controls" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
        <PeriodPicker
          preset={preset}
          period={period}
          onPreset={(next) => {
            setPreset(next);
            if (next !== 'custom') setPeriod(presetPeriod(next, today));
          }}
          onCustom={setPeriod}
        />
        <FilterBar result={lastResult} selection={selection} onToggle={(list, value) => setSelection((s) => toggleValue(s, list, value))} onClear={() => setSelection(NO_FILTER)} />
      </div>
      {state.status === 'loading' && <PageLoading />}
      {state.status === 'error' &&
        (state.error.code === 'not-implemented' ? (
          <p data-testid="reports-not-available" style={{ color: token('color.text.subtle') }}>
            {state.error.message[lang]}
          </p>
        ) : (
          <div data-testid="report-error">
            <ErrorMessage error={state.error} onRetry={reload} />
          </div>
        ))}
      {state.status === 'ok' && (
        <Suspense fallback={<PageLoading />}>
          <ReportView result={state.data} selection={selection} projectKey={projectKey} reloading={state.reloading} />
        </Suspense>
      )}
    </PageFrame>
  );
}

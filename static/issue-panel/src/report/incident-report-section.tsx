import { token } from '@atlaskit/tokens';
import { useId, useState, type CSSProperties } from 'react';
import { IncidentReportGetResultSchema, IncidentReportPostResultSchema, RESOLVER_KEYS, type IncidentReportGetResult } from '../../../../src/contracts';
import type { ResolverError } from '../../../shared/bridge/envelope';
import { useResolver } from '../../../shared/bridge/hooks';
import { invokeResolver } from '../../../shared/bridge/invoke-resolver';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import type { Lang } from '../../../shared/i18n/locale';
import { ErrorMessage, PageLoading } from '../../../shared/shell/states';
import { downloadText } from '../../../shared/files/download-text';
import { htmlFileName, markdownFileName, openOrDownloadPage, printablePage } from './report-files';

const column: CSSProperties = { display: 'flex', flexDirection: 'column', gap: token('space.100') };
const row: CSSProperties = { display: 'flex', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'center' };
const subtle: CSSProperties = { color: token('color.text.subtle'), margin: 0 };

type PostState =
  | { readonly status: 'idle' }
  | { readonly status: 'confirm' }
  | { readonly status: 'posting' }
  | { readonly status: 'posted' }
  | { readonly status: 'failed'; readonly error: ResolverError };

/**
 * incident-report/get answers `forbidden` only for an issue that is not an incident, a project without
 * setup, or no signed-in user: the panel then shows no report section rather than an error.
 */
const notApplicable = (error: ResolverError): boolean => error.code === 'forbidden';

/**
 * Incident report export (loaded lazily by the issue panel): the 管理番号, the required fields still
 * missing, and the outputs — Markdown download, a printable page (PDF through the browser's print) and
 * the report posted as a comment — in the language chosen here (the viewer's by default).
 */
export default function IncidentReportSection() {
  const { t, lang } = useI18n();
  const [locale, setLocale] = useState<Lang>(lang);
  const report = useResolver(RESOLVER_KEYS.incidentReportGet, { locale }, IncidentReportGetResultSchema);
  const headingId = useId();
  if (report.state.status === 'error' && notApplicable(report.state.error)) return null;
  return (
    <section aria-labelledby={headingId} data-testid="incident-report" style={column}>
      <h3 id={headingId} style={{ font: token('font.heading.xsmall'), margin: 0 }}>
        {t('incidentReport.heading')}
      </h3>
      <LanguageChoice value={locale} onChange={setLocale} />
      {report.state.status === 'loading' && <PageLoading />}
      {report.state.status === 'error' && (
        <>
          <p style={subtle}>{t('incidentReport.loadFailed')}</p>
          <ErrorMessage error={report.state.error} onRetry={report.reload} />
        </>
      )}
      {report.state.status === 'ok' && <ReportBody key={report.state.data.locale} data={report.state.data} />}
    </section>
  );
}

function LanguageChoice(props: { value: Lang; onChange: (lang: Lang) => void }) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: 0, ...row }}>
      <legend style={{ padding: 0, marginBottom: token('space.050') }}>{t('incidentReport.language')}</legend>
      {(['ja', 'en'] as const).map((l) => (
        <label key={l} style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center' }}>
          <input type="radio" name={name} value={l} checked={props.value === l} onChange={() => props.onChange(l)} />
          {t(`incidentReport.lang.${l}`)}
        </label>
      ))}
    </fieldset>
  );
}

function ReportBody(props: { data: IncidentReportGetResult }) {
  const { t, lang } = useI18n();
  const { data } = props;
  const [post, setPost] = useState<PostState>({ status: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);

  const send = async (force: boolean) => {
    setPost({ status: 'posting' });
    const res = await invokeResolver(RESOLVER_KEYS.incidentReportPostComment, { issueKey: data.issueKey, locale: data.locale, ...(force ? { force: true } : {}) }, IncidentReportPostResultSchema);
    setPost(res.ok ? { status: 'posted' } : { status: 'failed', error: res.error });
  };
  const onPost = () => {
    if (data.missing.length > 0) setPost({ status: 'confirm' });
    else void send(false);
  };
  const openPrintable = () => {
    const outcome = openOrDownloadPage(htmlFileName(data.fileBaseName), printablePage(data.html, t('incidentReport.print')));
    setNotice(outcome === 'downloaded' ? t('incidentReport.popupBlocked') : null);
  };

  return (
    <div style={column} data-testid="incident-report-body" data-locale={data.locale}>
      <p style={{ margin: 0 }}>
        <span style={subtle}>{t('incidentReport.number')}: </span>
        <strong data-testid="incident-report-number">{data.incidentNumber ?? t('incidentReport.noNumber')}</strong>
      </p>
      {data.missing.length > 0 ? (
        <div data-testid="incident-report-missing" role="region" aria-label={t('incidentReport.missingHeading', { count: data.missing.length })}>
          <p style={{ margin: 0, color: token('color.text.warning') }}>{t('incidentReport.missingHeading', { count: data.missing.length })}</p>
          <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
            {data.missing.map((m) => (
              <li key={m.field} data-field={m.field}>
                {m.message[lang]}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p style={{ margin: 0, color: token('color.text.success') }} data-testid="incident-report-complete">
          {t('incidentReport.complete')}
        </p>
      )}
      <div style={row}>
        <button type="button" onClick={() => downloadText(markdownFileName(data.fileBaseName), data.markdown, 'text/markdown;charset=utf-8')}>
          {t('incidentReport.downloadMarkdown')}
        </button>
        <button type="button" onClick={openPrintable}>
          {t('incidentReport.openPrintable')}
        </button>
        <button type="button" onClick={() => downloadText(htmlFileName(data.fileBaseName), printablePage(data.html, t('incidentReport.print')), 'text/html;charset=utf-8')}>
          {t('incidentReport.downloadHtml')}
        </button>
        <button type="button" onClick={onPost} disabled={post.status === 'posting' || post.status === 'confirm'}>
          {post.status === 'posting' ? t('incidentReport.posting') : t('incidentReport.postComment')}
        </button>
      </div>
      {notice !== null && (
        <p role="status" style={subtle}>
          {notice}
        </p>
      )}
      {post.status === 'confirm' && (
        <div role="alertdialog" aria-label={t('incidentReport.confirmMissing')} style={column}>
          <p style={{ margin: 0 }}>{t('incidentReport.confirmMissing')}</p>
          <div style={row}>
            <button type="button" onClick={() => void send(true)}>
              {t('incidentReport.postAnyway')}
            </button>
            <button type="button" onClick={() => setPost({ status: 'idle' })}>
              {t('incidentReport.cancel')}
            </button>
          </div>
        </div>
      )}
      {post.status === 'posted' && (
        <p role="status" data-testid="incident-report-posted" style={{ margin: 0, color: token('color.text.success') }}>
          {t('incidentReport.posted')}
        </p>
      )}
      {post.status === 'failed' && (
        <>
          <p style={subtle}>{t('incidentReport.postFailed')}</p>
          <ErrorMessage error={post.error} />
        </>
      )}
    </div>
  );
}

import type { IncidentReport, TimelineEntry } from './incident-report';
import { formatReportDate, formatReportDuration, formatReportInstant } from './report-format';
import { REPORT_FIELD_LABELS, REPORT_TEXT, type ReportLocale } from './report-labels';

/**
 * The report laid out once, in one language, as a few block kinds that Markdown, HTML and ADF can all
 * express. Renderers only translate blocks, so every output carries the same fields in the same order.
 */

export interface RenderOptions {
  readonly locale: ReportLocale;
  /** IANA zone for every instant shown (the project's zone). */
  readonly timeZone: string;
}

export type ReportBlock =
  | { readonly type: 'heading'; readonly level: 1 | 2; readonly text: string }
  /** Label/value pairs, shown as a two-column table. */
  | { readonly type: 'fields'; readonly columns: readonly [string, string]; readonly rows: readonly { readonly label: string; readonly value: string }[] }
  /** Free text (may hold newlines); `placeholder` when it stands for a missing value. */
  | { readonly type: 'text'; readonly text: string; readonly placeholder: boolean }
  | { readonly type: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] }
  /** Bulleted items; each may hold newlines. */
  | { readonly type: 'list'; readonly items: readonly string[] }
  | { readonly type: 'note'; readonly text: string };

function timelineRow(e: TimelineEntry, o: RenderOptions): string[] {
  const t = (label: { ja: string; en: string }): string => label[o.locale];
  const when = formatReportInstant(e.at, o.timeZone, o.locale);
  const arrow = (from: string | null, to: string | null, empty: string): string => `${from ?? empty} → ${to ?? empty}`;
  switch (e.type) {
    case 'created':
      return [when, t(REPORT_TEXT.evCreated), '', e.by ?? ''];
    case 'occurred':
      return [when, t(REPORT_TEXT.evOccurred), '', ''];
    case 'recovered':
      return [when, t(REPORT_TEXT.evRecovered), '', ''];
    case 'status':
      return [when, t(REPORT_TEXT.evStatus), arrow(e.from, e.to, '—'), e.by ?? t(REPORT_TEXT.system)];
    case 'assignee':
      return [when, t(REPORT_TEXT.evAssignee), arrow(e.from, e.to, t(REPORT_TEXT.unassigned)), e.by ?? t(REPORT_TEXT.system)];
    case 'priority':
      return [when, t(REPORT_TEXT.evPriority), arrow(e.from, e.to, '—'), e.by ?? t(REPORT_TEXT.system)];
    case 'comment':
      return [when, t(REPORT_TEXT.evComment), e.excerpt, e.by ?? t(REPORT_TEXT.system)];
    case 'escalation':
      return [when, t(REPORT_TEXT.evEscalation), `${e.level}: ${e.action} → ${e.targets.join(', ')}`, t(REPORT_TEXT.system)];
  }
}

/**
 * The report as blocks in one language.
 *
 * @example
 * reportDocument(report, { locale: 'en', timeZone: 'Asia/Tokyo' })[0]
 * // { type: 'heading', level: 1, text: 'Incident report INC-20250106-001' }
 */
export function reportDocument(report: IncidentReport, options: RenderOptions): ReportBlock[] {
  const L = options.locale;
  const label = (id: keyof typeof REPORT_FIELD_LABELS): string => REPORT_FIELD_LABELS[id][L];
  const none = REPORT_TEXT.notProvided[L];
  const instant = (t: number | null): string => (t === null ? none : formatReportInstant(t, options.timeZone, L));
  const text = (value: string | null): ReportBlock => ({ type: 'text', text: value ?? none, placeholder: value === null });
  const listOrNone = (block: ReportBlock, count: number): ReportBlock => (count === 0 ? { type: 'text', text: REPORT_TEXT.none[L], placeholder: true } : block);

  const number = report.incidentNumber ?? report.issueKey;
  const fields = [
    { label: label('incidentNumber'), value: report.incidentNumber ?? none },
    { label: label('issueKey'), value: report.issueKey },
    { label: label('reportDate'), value: instant(report.reportDate) },
    { label: label('reporter'), value: report.reporter?.displayName ?? none },
    { label: label('kind'), value: report.kind ?? none },
    { label: label('priority'), value: report.priority ?? none },
    { label: label('status'), value: report.status ?? none },
    { label: label('service'), value: report.service ?? none },
    { label: label('occurredAt'), value: instant(report.occurredAt) },
    { label: label('recoveredAt'), value: instant(report.recoveredAt) },
    { label: REPORT_TEXT.downtimeWall[L], value: report.downtime === null ? none : formatReportDuration(report.downtime.wallMs, L) },
  ];
  const businessMs = report.downtime?.businessMs ?? null;
  if (businessMs !== null) {
    fields.push({ label: REPORT_TEXT.downtimeBusiness[L], value: formatReportDuration(businessMs, L) });
  }

  const blocks: ReportBlock[] = [
    { type: 'heading', level: 1, text: `${REPORT_TEXT.title[L]} ${number}` },
    { type: 'fields', columns: [REPORT_TEXT.colField[L], REPORT_TEXT.colValue[L]], rows: fields },
  ];
  for (const id of ['summary', 'impactScope', 'directCause', 'rootCause', 'workaround'] as const) {
    blocks.push({ type: 'heading', level: 2, text: label(id) }, text(report[id]));
  }

  blocks.push({ type: 'heading', level: 2, text: label('permanentFixes') });
  blocks.push(
    listOrNone(
      {
        type: 'table',
        columns: [REPORT_TEXT.colFix[L], REPORT_TEXT.colOwner[L], REPORT_TEXT.colDue[L], REPORT_TEXT.colState[L]],
        rows: report.permanentFixes.map((f) => [
          f.issueKey === null ? f.description : `${f.description} (${f.issueKey})`,
          f.owner ?? none,
          f.due === null ? none : formatReportDate(f.due, L),
          f.done ? REPORT_TEXT.fixDone[L] : REPORT_TEXT.fixOpen[L],
        ]),
      },
      report.permanentFixes.length,
    ),
  );

  blocks.push({ type: 'heading', level: 2, text: label('timeline') });
  blocks.push({
    type: 'table',
    columns: [REPORT_TEXT.colWhen[L], REPORT_TEXT.colEvent[L], REPORT_TEXT.colWhat[L], REPORT_TEXT.colWho[L]],
    rows: report.timeline.map((e) => timelineRow(e, options)),
  });

  blocks.push({ type: 'heading', level: 2, text: label('escalations') });
  blocks.push(
    listOrNone(
      {
        type: 'table',
        columns: [REPORT_TEXT.colWhen[L], REPORT_TEXT.colLevel[L], REPORT_TEXT.colTargets[L], REPORT_TEXT.colWhat[L]],
        rows: report.escalations.map((x) => [formatReportInstant(x.firedAt, options.timeZone, L), x.level, x.targets.join(', '), x.action]),
      },
      report.escalations.length,
    ),
  );

  blocks.push({ type: 'heading', level: 2, text: label('comments') });
  blocks.push(
    listOrNone(
      {
        type: 'list',
        items: report.comments.map((c) => `${formatReportInstant(c.at, options.timeZone, L)} ${c.author ?? REPORT_TEXT.system[L]}\n${c.body}`),
      },
      report.comments.length,
    ),
  );

  blocks.push({ type: 'heading', level: 2, text: label('stakeholders') });
  blocks.push(
    listOrNone(
      {
        type: 'table',
        columns: [REPORT_TEXT.colName[L], REPORT_TEXT.colRole[L], REPORT_TEXT.colContact[L]],
        rows: report.stakeholders.map((s) => [s.name, s.role ?? '', s.contact ?? '']),
      },
      report.stakeholders.length,
    ),
  );

  blocks.push({ type: 'note', text: `${REPORT_TEXT.timesIn[L]}${options.timeZone}` });
  return blocks;
}

import { formatReportInstant } from '../incident/report-format';
import type { ProblemIncident } from './problem-incident';
import { compareIncidents } from './problem-incident';

/**
 * "Create problem from these incidents": the draft a user reviews before the shell creates the problem
 * issue and links the incidents. Both languages are drafted; the UI shows the viewer's.
 */

/** Jira's summary limit. */
export const JIRA_SUMMARY_MAX = 255;

export interface ProblemDraft {
  readonly summary: { readonly ja: string; readonly en: string };
  /** Plain text with one line per incident (the shell wraps it in ADF paragraphs). */
  readonly description: { readonly ja: string; readonly en: string };
  /** Chronological, duplicates removed. */
  readonly incidentKeys: readonly string[];
  /** The service every incident shares, else null. */
  readonly commonService: string | null;
  readonly commonCategory: string | null;
  readonly earliest: number;
  readonly latest: number;
  /** Problems some of the incidents are already linked to (the UI warns before relinking). */
  readonly alreadyLinkedTo: readonly string[];
}

export type ProblemDraftResult =
  | { readonly ok: true; readonly value: ProblemDraft }
  | { readonly ok: false; readonly error: { readonly code: 'no-incidents'; readonly message: { readonly ja: string; readonly en: string } } };

function shared(values: readonly (string | null)[]): string | null {
  const first = values[0] ?? null;
  return first !== null && values.every((v) => v === first) ? first : null;
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Drafts a problem from incidents (one, or a JQL selection).
 *
 * @example
 * draftProblemFromIncidents([opsA, opsB], 'Asia/Tokyo')
 * // { ok: true, value: { summary: { ja: '【再発】決済API: インシデント 2 件', en: 'Recurring: 決済API (2 incidents)' },
 * //   incidentKeys: ['OPS-1', 'OPS-2'], commonService: '決済API', earliest: opsA.createdAt, latest: opsB.createdAt, ... } }
 */
export function draftProblemFromIncidents(incidents: readonly ProblemIncident[], timeZone: string): ProblemDraftResult {
  const unique = incidents.filter((x, i) => incidents.findIndex((y) => y.key === x.key) === i).sort(compareIncidents);
  const first = unique[0];
  const last = unique[unique.length - 1];
  if (first === undefined || last === undefined) {
    return { ok: false, error: { code: 'no-incidents', message: { ja: 'インシデントを 1 件以上選択してください', en: 'Select at least one incident' } } };
  }
  const commonService = shared(unique.map((i) => i.service));
  const commonCategory = shared(unique.map((i) => i.category));
  const n = unique.length;
  const subject = commonService ?? commonCategory;
  const summary =
    subject !== null
      ? { ja: `【再発】${subject}: インシデント ${String(n)} 件`, en: `Recurring: ${subject} (${String(n)} incident${n === 1 ? '' : 's'})` }
      : { ja: `共通原因の調査: インシデント ${String(n)} 件`, en: `Common cause of ${String(n)} incident${n === 1 ? '' : 's'}` };
  const when = (t: number, l: 'ja' | 'en'): string => formatReportInstant(t, timeZone, l);
  const lines = (l: 'ja' | 'en'): string => {
    const head =
      l === 'ja'
        ? [
            '以下のインシデントから作成した問題です。',
            `対象サービス: ${commonService ?? '（複数）'}`,
            `カテゴリ: ${commonCategory ?? '（複数）'}`,
            `期間: ${when(first.createdAt, l)} 〜 ${when(last.createdAt, l)}`,
            '',
            `インシデント（${String(n)} 件）:`,
          ]
        : [
            'Problem created from the incidents below.',
            `Service: ${commonService ?? '(several)'}`,
            `Category: ${commonCategory ?? '(several)'}`,
            `Period: ${when(first.createdAt, l)} – ${when(last.createdAt, l)}`,
            '',
            `Incidents (${String(n)}):`,
          ];
    return [...head, ...unique.map((i) => `- ${i.key} ${when(i.createdAt, l)} ${i.summary.trim()}`)].join('\n');
  };
  const alreadyLinkedTo = [...new Set(unique.map((i) => i.problemKey).filter((k): k is string => k !== null))].sort();
  return {
    ok: true,
    value: {
      summary: { ja: clip(summary.ja, JIRA_SUMMARY_MAX), en: clip(summary.en, JIRA_SUMMARY_MAX) },
      description: { ja: lines('ja'), en: lines('en') },
      incidentKeys: unique.map((i) => i.key),
      commonService,
      commonCategory,
      earliest: first.createdAt,
      latest: last.createdAt,
      alreadyLinkedTo,
    },
  };
}

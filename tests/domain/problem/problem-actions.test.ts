import { describe, expect, it } from 'vitest';
import {
  JIRA_SUMMARY_MAX,
  ProblemResolvedRuleSchema,
  draftProblemFromIncidents,
  fillProblemTemplate,
  planProblemResolution,
} from '../../../src/domain/problem';
import { DAY, T0, incident } from './problem-fixtures';

describe('draftProblemFromIncidents', () => {
  it('drafts summary, description, common service and span, chronologically', () => {
    const r = draftProblemFromIncidents(
      [incident('OPS-2', 3, { summary: '決済APIでタイムアウト ', service: '決済API', problemKey: 'PRB-4' }), incident('OPS-1', 0, { summary: 'Payment timeouts', service: '決済API' })],
      'Asia/Tokyo',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        summary: { ja: '【再発】決済API: インシデント 2 件', en: 'Recurring: 決済API (2 incidents)' },
        description: {
          ja: [
            '以下のインシデントから作成した問題です。',
            '対象サービス: 決済API',
            'カテゴリ: db',
            '期間: 2025年1月6日(月) 09:00 (UTC+09:00) 〜 2025年1月9日(木) 09:00 (UTC+09:00)',
            '',
            'インシデント（2 件）:',
            '- OPS-1 2025年1月6日(月) 09:00 (UTC+09:00) Payment timeouts',
            '- OPS-2 2025年1月9日(木) 09:00 (UTC+09:00) 決済APIでタイムアウト',
          ].join('\n'),
          en: [
            'Problem created from the incidents below.',
            'Service: 決済API',
            'Category: db',
            'Period: Mon 2025-01-06 09:00 (UTC+09:00) – Thu 2025-01-09 09:00 (UTC+09:00)',
            '',
            'Incidents (2):',
            '- OPS-1 Mon 2025-01-06 09:00 (UTC+09:00) Payment timeouts',
            '- OPS-2 Thu 2025-01-09 09:00 (UTC+09:00) 決済APIでタイムアウト',
          ].join('\n'),
        },
        incidentKeys: ['OPS-1', 'OPS-2'],
        commonService: '決済API',
        commonCategory: 'db',
        earliest: T0,
        latest: T0 + 3 * DAY,
        alreadyLinkedTo: ['PRB-4'],
      },
    });
  });

  it.each([
    ['no shared service: the category names it', [incident('OPS-1', 0, { service: 'a' }), incident('OPS-2', 1, { service: 'b' })], { ja: '【再発】db: インシデント 2 件', en: 'Recurring: db (2 incidents)' }],
    ['nothing shared', [incident('OPS-1', 0, { service: 'a', category: null }), incident('OPS-2', 1, { service: 'b' })], { ja: '共通原因の調査: インシデント 2 件', en: 'Common cause of 2 incidents' }],
    ['one incident', [incident('OPS-1', 0)], { ja: '【再発】pay: インシデント 1 件', en: 'Recurring: pay (1 incident)' }],
  ])('summary with %s', (_name, incidents, summary) => {
    const r = draftProblemFromIncidents(incidents, 'UTC');
    expect(r.ok && r.value.summary).toEqual(summary);
  });

  it('keeps the summary within Jira limits and refuses an empty selection', () => {
    const r = draftProblemFromIncidents([incident('OPS-1', 0, { service: 'x'.repeat(400) })], 'UTC');
    expect(r.ok && Array.from(r.value.summary.en).length).toBe(JIRA_SUMMARY_MAX);
    expect(draftProblemFromIncidents([], 'UTC')).toEqual({ ok: false, error: { code: 'no-incidents', message: { ja: 'インシデントを 1 件以上選択してください', en: 'Select at least one incident' } } });
  });
});

describe('planProblemResolution', () => {
  const problem = { key: 'PRB-1', summary: 'DB pool exhaustion', resolution: 'Fixed' };
  const linked = [
    incident('OPS-10', 0, { status: 'In Progress', statusCategory: 'indeterminate' }),
    incident('OPS-9', 1, { status: 'Closed', statusCategory: 'done' }),
    incident('OPS-2', 2, { status: 'Waiting', statusCategory: 'indeterminate' }),
    incident('OPS-2', 2, { status: 'Waiting', statusCategory: 'indeterminate' }),
  ];

  it('notifies open incidents only', () => {
    const rule = ProblemResolvedRuleSchema.parse({ action: 'notify', recipients: ['assignee', 'reporter'] });
    expect(planProblemResolution(problem, linked, rule)).toEqual({
      actions: [
        {
          type: 'notify',
          incidentKey: 'OPS-2',
          recipients: ['assignee', 'reporter'],
          message: {
            ja: '関連する問題 PRB-1「DB pool exhaustion」が解決されました（解決状況: Fixed）。インシデント OPS-2 の状況を確認してください。',
            en: 'Related problem PRB-1 "DB pool exhaustion" was resolved (Fixed). Please review incident OPS-2.',
          },
        },
        expect.objectContaining({ type: 'notify', incidentKey: 'OPS-10' }),
      ],
      skipped: [{ incidentKey: 'OPS-9', reason: 'closed' }],
    });
  });

  it('transitions open incidents, skipping those already there, with a filled comment', () => {
    const rule = ProblemResolvedRuleSchema.parse({ action: 'transition', toStatus: 'waiting', comment: { ja: '{problem} 解決済み', en: '{problem} resolved ({resolution}) for {incident}' } });
    expect(planProblemResolution(problem, linked, rule)).toEqual({
      actions: [{ type: 'transition', incidentKey: 'OPS-10', toStatus: 'waiting', comment: { ja: 'PRB-1 解決済み', en: 'PRB-1 resolved (Fixed) for OPS-10' } }],
      skipped: [
        { incidentKey: 'OPS-2', reason: 'already-in-status' },
        { incidentKey: 'OPS-9', reason: 'closed' },
      ],
    });
  });

  it('comments on open incidents', () => {
    const rule = ProblemResolvedRuleSchema.parse({ action: 'comment', text: { ja: '{summary} は解決しました', en: '{summary} is solved; {unknown} stays' } });
    expect(planProblemResolution({ ...problem, resolution: null }, linked, rule).actions).toEqual([
      { type: 'comment', incidentKey: 'OPS-2', body: { ja: 'DB pool exhaustion は解決しました', en: 'DB pool exhaustion is solved; {unknown} stays' } },
      { type: 'comment', incidentKey: 'OPS-10', body: { ja: 'DB pool exhaustion は解決しました', en: 'DB pool exhaustion is solved; {unknown} stays' } },
    ]);
    expect(fillProblemTemplate('{resolution}', { ...problem, resolution: null }, 'OPS-1')).toBe('—');
  });

  it.each([
    [{ action: 'notify', recipients: [] }],
    [{ action: 'transition', toStatus: ' ' }],
    [{ action: 'comment', text: { ja: 'x' } }],
    [{ action: 'delete' }],
  ])('refuses the bad rule %j', (raw) => {
    expect(ProblemResolvedRuleSchema.safeParse(raw).success).toBe(false);
  });

  it('does nothing without linked incidents', () => {
    expect(planProblemResolution(problem, [], ProblemResolvedRuleSchema.parse({ action: 'notify', recipients: ['watchers'] }))).toEqual({ actions: [], skipped: [] });
    expect(T0 + DAY).toBeGreaterThan(T0);
  });
});

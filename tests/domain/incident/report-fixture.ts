import { IncidentReportInputSchema, type IncidentReportInputRaw } from '../../../src/domain/incident';

export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};

/** A payment outage: occurred Friday 17:00 JST, recovered Monday 10:00 JST (Mon 2025-01-20). */
export const fullInput: IncidentReportInputRaw = {
  issueKey: 'OPS-42',
  incidentNumber: 'INC-20250117-003',
  createdAt: '2025-01-17T17:05:00.000+0900',
  reportDate: '2025-01-21T10:00:00+09:00',
  reporter: { accountId: 'u-sato', displayName: '佐藤 花子' },
  kind: '障害',
  priority: 'P1',
  status: '解決済み',
  service: '決済API',
  occurredAt: '2025-01-17T17:00:00+09:00',
  recoveredAt: '2025-01-20T10:00:00+09:00',
  summary: '決済APIが 502 を返し、カード決済ができなかった。',
  impactScope: '全顧客のカード決済（約 1,200 件）',
  directCause: 'DB 接続プールの枯渇',
  rootCause: '接続リークを含むリリース v2.3.1',
  workaround: 'アプリサーバーを再起動',
  changelog: [
    {
      id: '10002',
      created: '2025-01-17T17:20:00.000+0900',
      author: { accountId: 'u-tanaka', displayName: 'ignored' },
      items: [
        { field: 'status', fieldtype: 'jira', from: '1', fromString: 'Open', to: '3', toString: 'In Progress' },
        { field: 'assignee', fieldtype: 'jira', from: null, fromString: null, to: 'u-tanaka', toString: '田中 一郎' },
      ],
    },
    {
      id: '10001',
      created: '2025-01-17T17:10:00.000+0900',
      author: 'u-sato',
      items: [
        { field: 'priority', fieldtype: 'jira', from: '3', fromString: 'P3', to: '1', toString: 'P1' },
        { field: 'labels', fieldtype: 'jira', from: null, fromString: '', to: null, toString: 'payments' },
      ],
    },
    // a duplicate from an overlapping page: counted once
    {
      id: '10001',
      created: '2025-01-17T17:10:00.000+0900',
      author: 'u-sato',
      items: [{ field: 'priority', fieldtype: 'jira', from: '3', fromString: 'P3', to: '1', toString: 'P1' }],
    },
    {
      id: '10003',
      created: '2025-01-20T10:05:00.000+0900',
      author: null,
      items: [{ field: 'status', fieldtype: 'jira', from: '3', fromString: 'In Progress', to: '5', toString: 'Resolved' }],
    },
  ],
  comments: [
    { id: '501', created: '2025-01-17T17:30:00+09:00', author: 'u-tanaka', body: '再起動で一時復旧を試みます。\n影響を確認中。' },
  ],
  escalations: [
    { id: 'esc-1', firedAt: '2025-01-17T17:35:00+09:00', level: 'L2 (30分)', targets: ['運用マネージャー', 'oncall-db'], action: 'メール通知' },
  ],
  permanentFixes: [
    { description: '接続リークの修正', owner: '田中 一郎', due: '2025-01-31', issueKey: 'OPS-50' },
    { description: '接続プール監視の追加', owner: '鈴木 次郎', due: '2025-02-14', done: true },
  ],
  stakeholders: [
    { name: '山本 課長', role: '決済チーム責任者', contact: 'yamamoto@example.com' },
    { name: 'CS 部門', role: '顧客対応' },
  ],
  users: { 'u-sato': '佐藤 花子', 'u-tanaka': '田中 一郎' },
};

export const parsedFull = () => IncidentReportInputSchema.parse(fullInput);

/**
 * The small ja/en catalog of the incident report: field labels (also used by missingRequiredFields),
 * section headings and timeline wording. Kept here, not in the UI's i18n, because the report is rendered
 * server-side (ADF comment) as well as in the browser.
 */

export type ReportLocale = 'ja' | 'en';

export interface LocalizedLabel {
  readonly ja: string;
  readonly en: string;
}

export const REPORT_FIELD_IDS = [
  'incidentNumber',
  'issueKey',
  'reportDate',
  'reporter',
  'kind',
  'priority',
  'status',
  'service',
  'occurredAt',
  'recoveredAt',
  'downtime',
  'summary',
  'impactScope',
  'directCause',
  'rootCause',
  'timeline',
  'comments',
  'escalations',
  'workaround',
  'permanentFixes',
  'stakeholders',
] as const;
export type ReportFieldId = (typeof REPORT_FIELD_IDS)[number];

export const REPORT_FIELD_LABELS: Readonly<Record<ReportFieldId, LocalizedLabel>> = {
  incidentNumber: { ja: '管理番号', en: 'Incident number' },
  issueKey: { ja: '課題キー', en: 'Issue key' },
  reportDate: { ja: '報告日', en: 'Report date' },
  reporter: { ja: '報告者', en: 'Reporter' },
  kind: { ja: '種別', en: 'Kind' },
  priority: { ja: '優先度', en: 'Priority' },
  status: { ja: 'ステータス', en: 'Status' },
  service: { ja: '対象サービス', en: 'Affected service' },
  occurredAt: { ja: '発生日時', en: 'Occurred at' },
  recoveredAt: { ja: '復旧日時', en: 'Recovered at' },
  downtime: { ja: '停止時間', en: 'Downtime' },
  summary: { ja: '概要', en: 'Summary' },
  impactScope: { ja: '影響範囲', en: 'Impact scope' },
  directCause: { ja: '直接原因', en: 'Direct cause' },
  rootCause: { ja: '根本原因', en: 'Root cause' },
  timeline: { ja: '時系列', en: 'Timeline' },
  comments: { ja: 'コメント', en: 'Comments' },
  escalations: { ja: 'エスカレーション', en: 'Escalations' },
  workaround: { ja: '暫定対応', en: 'Workaround' },
  permanentFixes: { ja: '恒久対策', en: 'Permanent fixes' },
  stakeholders: { ja: '関係者', en: 'Stakeholders' },
};

export const REPORT_TEXT = {
  title: { ja: 'インシデント報告書', en: 'Incident report' },
  notProvided: { ja: '（未記入）', en: '(not provided)' },
  none: { ja: 'なし', en: 'None' },
  downtimeWall: { ja: '停止時間（実時間）', en: 'Downtime (wall clock)' },
  downtimeBusiness: { ja: '停止時間（営業時間）', en: 'Downtime (business hours)' },
  timesIn: { ja: '日時の表記: ', en: 'Times are shown in ' },
  colField: { ja: '項目', en: 'Field' },
  colValue: { ja: '内容', en: 'Value' },
  colWhen: { ja: '日時', en: 'When' },
  colWhat: { ja: '内容', en: 'What' },
  colWho: { ja: '実施者', en: 'Who' },
  colEvent: { ja: '事象', en: 'Event' },
  colLevel: { ja: 'レベル', en: 'Level' },
  colTargets: { ja: '通知先', en: 'Notified' },
  colAuthor: { ja: '投稿者', en: 'Author' },
  colFix: { ja: '対策内容', en: 'Fix' },
  colOwner: { ja: '担当者', en: 'Owner' },
  colDue: { ja: '期限', en: 'Due' },
  colState: { ja: '状況', en: 'State' },
  colName: { ja: '氏名', en: 'Name' },
  colRole: { ja: '役割', en: 'Role' },
  colContact: { ja: '連絡先', en: 'Contact' },
  fixDone: { ja: '完了', en: 'Done' },
  fixOpen: { ja: '未完了', en: 'Open' },
  unassigned: { ja: '未割り当て', en: 'Unassigned' },
  system: { ja: 'システム', en: 'System' },
  evCreated: { ja: '起票', en: 'Created' },
  evOccurred: { ja: '発生', en: 'Occurred' },
  evRecovered: { ja: '復旧', en: 'Recovered' },
  evStatus: { ja: 'ステータス変更', en: 'Status changed' },
  evAssignee: { ja: '担当者変更', en: 'Assignee changed' },
  evPriority: { ja: '優先度変更', en: 'Priority changed' },
  evComment: { ja: 'コメント', en: 'Comment' },
  evEscalation: { ja: 'エスカレーション', en: 'Escalation' },
  missing: { ja: '未入力', en: 'missing' },
  invalid: { ja: '不正な値', en: 'invalid' },
  incomplete: { ja: '不完全', en: 'incomplete' },
} as const satisfies Record<string, LocalizedLabel>;

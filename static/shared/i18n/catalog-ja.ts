import type { Catalog } from './catalog-en';

/** Japanese catalog. Missing or extra keys are type errors; placeholders must match en (tested). */
import { evidenceJa } from './messages/evidence-messages';
import { exportJa } from './messages/export-messages';
import { intakeJa } from './messages/intake-messages';
import { priorityJa } from './messages/priority-messages';
import { problemJa } from './messages/problem-messages';
import { problemSettingsJa } from './messages/problem-settings-messages';
import { reportJa } from './messages/report-messages';
import { settingsJa } from './messages/settings-messages';
import { slaJa } from './messages/sla-messages';

export const ja: Catalog = {
  ...slaJa,
  ...intakeJa,
  ...priorityJa,
  ...settingsJa,
  ...reportJa,
  ...evidenceJa,
  ...exportJa,
  ...problemJa,
  ...problemSettingsJa,
  'common.appName': 'Incident Desk',
  'common.loading': '読み込み中…',
  'common.retry': '再試行',
  'common.empty': '表示する内容はまだありません。',
  'common.errorTitle': '問題が発生しました',
  'common.errorCode': 'エラーコード: {code}',
  'common.issue': '課題 {issueKey}',
  'common.project': 'プロジェクト {projectKey}',
  'common.backendOk': '{app} に接続しました。',
  'common.comingSoon': 'このページは準備中です。',


  'sla.band.ok': '順調',
  'sla.band.notice': '注意',
  'sla.band.warning': '危険',
  'sla.band.breached': '違反',

  'issuePanel.heading': 'SLA',
  'issueContext.heading': 'SLA 状況',
  'priorityField.heading': '優先度（影響度 × 緊急度）',
  'priorityField.editHeading': '影響度と緊急度を設定',
  'priorityField.noValue': '未設定',
  'priorityField.value': '{priority}（{impact} × {urgency}）',
  'priorityField.save': '保存',
  'priorityField.cancel': 'キャンセル',
  'settings.heading': 'Incident Desk 設定',
  'settings.nav.matrix': '優先度マトリクス',
  'settings.nav.calendars': '営業カレンダー',
  'settings.nav.slaGoals': 'SLA 目標',
  'settings.nav.escalation': 'エスカレーション',
  'settings.nav.setup': 'セットアップ',
  'settings.nav.importExport': 'インポート / エクスポート',
  'settings.nav.history': '履歴',
  'reports.heading': 'インシデント レポート',
};

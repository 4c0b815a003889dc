import { evidenceEn } from './messages/evidence-messages';
import { exportEn } from './messages/export-messages';
import { intakeEn } from './messages/intake-messages';
import { priorityEn } from './messages/priority-messages';
import { problemEn } from './messages/problem-messages';
import { problemSettingsEn } from './messages/problem-settings-messages';
import { reportEn } from './messages/report-messages';
import { settingsEn } from './messages/settings-messages';
import { slaEn } from './messages/sla-messages';

/**
 * The English catalog defines the message keys; every other catalog must have exactly these keys
 * (enforced by the `Catalog` type and tests/static/i18n). Placeholders are `{name}`.
 * Keys are grouped by surface: `common.*` is shared, `<page>.*` belongs to one page.
 * Surface-specific messages live in messages/<area>-messages.ts and are spread in here.
 */
export const en = {
  ...slaEn,
  ...intakeEn,
  ...priorityEn,
  ...settingsEn,
  ...reportEn,
  ...evidenceEn,
  ...exportEn,
  ...problemEn,
  ...problemSettingsEn,
  'common.appName': 'Incident Desk',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.empty': 'Nothing to show yet.',
  'common.errorTitle': 'Something went wrong',
  'common.errorCode': 'Error code: {code}',
  'common.issue': 'Issue {issueKey}',
  'common.project': 'Project {projectKey}',
  'common.backendOk': 'Connected to {app}.',
  'common.comingSoon': 'This page is being built.',


  'sla.band.ok': 'On track',
  'sla.band.notice': 'Attention',
  'sla.band.warning': 'At risk',
  'sla.band.breached': 'Breached',

  'issuePanel.heading': 'SLA',
  'issueContext.heading': 'SLA status',
  'priorityField.heading': 'Priority (impact × urgency)',
  'priorityField.editHeading': 'Set impact and urgency',
  'priorityField.noValue': 'Not set',
  'priorityField.value': '{priority} ({impact} × {urgency})',
  'priorityField.save': 'Save',
  'priorityField.cancel': 'Cancel',
  'settings.heading': 'Incident Desk settings',
  'settings.nav.matrix': 'Priority matrix',
  'settings.nav.calendars': 'Calendars',
  'settings.nav.slaGoals': 'SLA goals',
  'settings.nav.escalation': 'Escalation',
  'settings.nav.setup': 'Setup',
  'settings.nav.importExport': 'Import / export',
  'settings.nav.history': 'History',
  'reports.heading': 'Incident reports',
} as const;

export type MessageKey = keyof typeof en;

/** A catalog for another language: the same keys as `en`, any text. */
export type Catalog = { readonly [K in MessageKey]: string };

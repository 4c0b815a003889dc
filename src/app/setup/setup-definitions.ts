import type { Config } from '../../config';
import type { CatalogFieldKey } from '../ports/setup-store';

/**
 * What setup puts into a Jira site for Incident Desk. Names are what admins see in Jira (one
 * language per name; Jira has no translations for them), descriptions carry both languages.
 */

export const ISSUE_TYPES = [
  { key: 'incident', name: 'Incident', subtask: false, description: 'インシデント / An unplanned interruption or reduction in the quality of a service.' },
  { key: 'problem', name: 'Problem', subtask: false, description: '問題 / The cause of one or more incidents.' },
  { key: 'incidentTask', name: 'Incident task', subtask: true, description: 'インシデント作業 / Work item under an incident.' },
] as const;
export type IssueTypeKey = (typeof ISSUE_TYPES)[number]['key'];

const TYPE = 'com.atlassian.jira.plugin.system.customfieldtypes:';
const SEARCH = 'com.atlassian.jira.plugin.system.customfieldtypes:';

export interface FieldDefinition {
  readonly key: Exclude<CatalogFieldKey, 'priorityMatrix'>;
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly searcherKey: string;
  /** Select fields: where the options come from. */
  readonly options?: 'impact' | 'urgency' | 'incidentKind' | 'detectionChannel' | 'knownError';
}

const select = (key: FieldDefinition['key'], name: string, description: string, options: NonNullable<FieldDefinition['options']>): FieldDefinition => ({
  key,
  name,
  description,
  type: `${TYPE}select`,
  searcherKey: `${SEARCH}multiselectsearcher`,
  options,
});
const datetime = (key: FieldDefinition['key'], name: string, description: string): FieldDefinition => ({
  key,
  name,
  description,
  type: `${TYPE}datetime`,
  searcherKey: `${SEARCH}datetimerange`,
});
const date = (key: FieldDefinition['key'], name: string, description: string): FieldDefinition => ({
  key,
  name,
  description,
  type: `${TYPE}datepicker`,
  searcherKey: `${SEARCH}daterange`,
});
const user = (key: FieldDefinition['key'], name: string, description: string): FieldDefinition => ({
  key,
  name,
  description,
  type: `${TYPE}userpicker`,
  searcherKey: `${SEARCH}userpickergroupsearcher`,
});
/** A checkbox with one option: ticked means the flag is set (JQL: `"Known error" is not EMPTY`). */
const flag = (key: FieldDefinition['key'], name: string, description: string, options: NonNullable<FieldDefinition['options']>): FieldDefinition => ({
  key,
  name,
  description,
  type: `${TYPE}multicheckboxes`,
  searcherKey: `${SEARCH}multiselectsearcher`,
  options,
});
const text = (key: FieldDefinition['key'], name: string, description: string, long: boolean): FieldDefinition => ({
  key,
  name,
  description,
  type: `${TYPE}${long ? 'textarea' : 'textfield'}`,
  searcherKey: `${SEARCH}textsearcher`,
});

export const FIELDS: readonly FieldDefinition[] = [
  select('impact', 'Impact', '影響度 / How widely the incident affects the business.', 'impact'),
  select('urgency', 'Urgency', '緊急度 / How soon the business needs it resolved.', 'urgency'),
  select('incidentKind', 'Incident kind', 'インシデント種別 / Inquiry, failure or security incident.', 'incidentKind'),
  select('detectionChannel', 'Detection channel', '検知経路 / User report, monitoring alert or security detection.', 'detectionChannel'),
  datetime('occurredAt', 'Occurred at', '発生日時 / When the incident began.'),
  datetime('detectedAt', 'Detected at', '検知日時 / When the incident was noticed.'),
  datetime('recoveredAt', 'Recovered at', '復旧日時 / When the service was restored.'),
  text('affectedService', 'Affected service', '影響サービス / The service affected.', false),
  text('impactScope', 'Impact scope', '影響範囲 / Who and what is affected.', true),
  text('workaround', 'Workaround', '暫定対応 / How users can work around the incident.', true),
  text('directCause', 'Direct cause', '直接原因 / What directly caused the incident.', true),
  text('rootCause', 'Root cause', '根本原因 / The underlying cause (see the problem).', true),
  text('category', 'Incident category', 'カテゴリ / What kind of fault, e.g. network or database (recurrence groups by it).', false),
  // Problem fields.
  text('rootCauseAnalysis', 'Root cause analysis', '根本原因分析 / How the problem was analysed and what was found.', true),
  flag('knownError', 'Known error', '既知のエラー / Root cause known and a workaround documented.', 'knownError'),
  text('permanentFix', 'Permanent fix', '恒久対策 / The change that removes the cause for good.', true),
  user('permanentFixOwner', 'Permanent fix owner', '恒久対策の担当者 / Who delivers the permanent fix.'),
  date('permanentFixDue', 'Permanent fix due', '恒久対策の期限 / When the permanent fix is due.'),
];

/** The one option of the known-error checkbox. */
export const KNOWN_ERROR_OPTIONS = [{ id: 'known-error', labels: { ja: '既知のエラー', en: 'Known error' } }] as const;

export const DETECTION_CHANNELS = [
  { id: 'user-report', labels: { ja: 'ユーザー申告', en: 'User report' } },
  { id: 'monitoring-alert', labels: { ja: '監視アラート', en: 'Monitoring alert' } },
  { id: 'security-detection', labels: { ja: 'セキュリティ検知', en: 'Security detection' } },
] as const;

export const LINK_TYPE = { name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' } as const;

/** The module key of the app's priority-matrix jira:customField (manifest.yml). */
export const PRIORITY_MATRIX_MODULE_KEY = 'priority-matrix';

export interface OptionLevel {
  readonly id: string;
  readonly labels: { readonly ja: string; readonly en: string };
}

/** The levels a select field's options stand for, from the config. */
export function optionLevels(config: Config, source: NonNullable<FieldDefinition['options']>): readonly OptionLevel[] {
  switch (source) {
    case 'impact':
      return config.impact.levels;
    case 'urgency':
      return config.urgency.levels;
    case 'incidentKind':
      return config.incidentKinds;
    case 'detectionChannel':
      return DETECTION_CHANNELS;
    case 'knownError':
      return KNOWN_ERROR_OPTIONS;
  }
}

/**
 * The option text for a level: both languages, so either audience can pick it.
 *
 * @example optionText({ id: 'one-person', labels: { ja: '特定個人', en: 'One person' } }) // '特定個人 / One person'
 */
export function optionText(level: OptionLevel): string {
  return `${level.labels.ja} / ${level.labels.en}`;
}

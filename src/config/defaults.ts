import type { Config } from './current';
import { defaultCalendars, defaultSlaPolicies, seedYear } from './v2/sla-defaults';
import { defaultEscalationLadders, defaultSecurityIncident } from './v3/escalation-defaults';
import { defaultPriorityOverride } from './v4/priority-override';
import { defaultProblemManagement } from './v4/problem-management';

/**
 * The config a new project starts with, matching the seed data: 3 x 3 impact x urgency giving P1..P5
 * (P1 where both are highest, one step down per step down on either axis), mapped to Jira's five
 * standard priorities. Returns a fresh object each call, so callers may edit it freely.
 *
 * @example
 * const config = defaultConfig();
 * config.matrix[1]?.[0]; // 'P2' (one department x core business stopped)
 * config.priorityLevels.map((p) => p.jiraPriorityName); // ['Highest', 'High', 'Medium', 'Low', 'Lowest']
 * defaultConfig({ year: 2025 }).calendars[0]?.id; // 'jp-business-hours' (Japanese holidays of 2025 and 2026)
 */
export function defaultConfig(options: { readonly year?: number } = {}): Config {
  return {
    schemaVersion: 4,
    impact: {
      levels: [
        { id: 'all-departments', labels: { ja: '全部門', en: 'All departments' } },
        { id: 'one-department', labels: { ja: '特定部門', en: 'One department' } },
        { id: 'one-person', labels: { ja: '特定個人', en: 'One person' } },
      ],
    },
    urgency: {
      levels: [
        { id: 'core-business-stopped', labels: { ja: '基幹業務停止', en: 'Core business stopped' } },
        { id: 'work-impaired', labels: { ja: '一部業務に支障', en: 'Part of the work impaired' } },
        { id: 'workaround-exists', labels: { ja: '代替手段あり', en: 'Workaround exists' } },
      ],
    },
    priorityLevels: [
      { id: 'P1', labels: { ja: '最高', en: 'Highest' }, jiraPriorityName: 'Highest' },
      { id: 'P2', labels: { ja: '高', en: 'High' }, jiraPriorityName: 'High' },
      { id: 'P3', labels: { ja: '中', en: 'Medium' }, jiraPriorityName: 'Medium' },
      { id: 'P4', labels: { ja: '低', en: 'Low' }, jiraPriorityName: 'Low' },
      { id: 'P5', labels: { ja: '最低', en: 'Lowest' }, jiraPriorityName: 'Lowest' },
    ],
    matrix: [
      ['P1', 'P2', 'P3'],
      ['P2', 'P3', 'P4'],
      ['P3', 'P4', 'P5'],
    ],
    incidentKinds: [
      {
        id: 'inquiry',
        labels: { ja: '問い合わせ', en: 'Inquiry' },
        handling: { restrictedVisibility: false, pageCsirt: false, keepEvidence: false },
      },
      {
        id: 'failure',
        labels: { ja: '障害', en: 'Failure' },
        handling: { restrictedVisibility: false, pageCsirt: false, keepEvidence: false },
      },
      {
        id: 'security',
        labels: { ja: 'セキュリティインシデント', en: 'Security incident' },
        handling: { restrictedVisibility: true, pageCsirt: true, keepEvidence: true },
      },
    ],
    // See v2/sla-defaults.ts for the seed service hours and goals.
    calendars: defaultCalendars(options.year ?? seedYear()),
    slaPolicies: defaultSlaPolicies(),
    // See v3/escalation-defaults.ts for the seed ladder and security intake.
    escalationLadders: defaultEscalationLadders(),
    securityIncident: defaultSecurityIncident(),
    // See v4/: project administrators may override the priority; problem resolution and recurrence seeds.
    priorityOverride: defaultPriorityOverride(),
    problemManagement: defaultProblemManagement(),
  };
}

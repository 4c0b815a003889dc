import type { EscalationLadder, SecurityIncidentSettings } from '../../domain/escalation';

/** Id of the seed escalation ladder. */
export const DEFAULT_ESCALATION_LADDER_ID = 'standard';

/**
 * The seed ladder, for every priority and metric: at 75 % of the goal the assignee is warned; at the
 * breach the issue gets the `sla-breached` label and a comment, and the assignee and reporter are told.
 * It names no group and does not touch the priority (the matrix owns it), so it works on any site;
 * admins add managers' groups and functional escalation in settings.
 *
 * @example defaultEscalationLadders()[0]?.levels.map((l) => l.id) // ['warning-75', 'breached']
 */
export function defaultEscalationLadders(): EscalationLadder[] {
  return [
    {
      id: DEFAULT_ESCALATION_LADDER_ID,
      labels: { ja: '標準エスカレーション', en: 'Standard escalation' },
      when: { priorities: [], metrics: [] },
      levels: [
        {
          id: 'warning-75',
          labels: { ja: '目標の 75% 経過', en: '75% of the goal used' },
          trigger: { kind: 'percent-of-goal', percent: 75 },
          actions: [
            {
              type: 'notify',
              users: [],
              groups: [],
              assignee: true,
              reporter: false,
              watchers: false,
              message: { ja: 'SLA 目標の 75% が経過しました。対応状況を確認してください。', en: '75% of the SLA goal has been used. Please check progress.' },
            },
          ],
        },
        {
          id: 'breached',
          labels: { ja: 'SLA 違反', en: 'SLA breached' },
          trigger: { kind: 'after-breach', minutes: 0 },
          actions: [
            { type: 'add-label', label: 'sla-breached' },
            { type: 'add-comment', text: { ja: 'SLA の目標時間を超過しました。', en: 'The SLA goal has been exceeded.' } },
            { type: 'notify', users: [], groups: [], assignee: true, reporter: true, watchers: false },
          ],
        },
      ],
    },
  ];
}

/**
 * The seed security intake: restrict new security incidents to the "CSIRT only" issue security level
 * and page the `csirt` group (the names the seed data uses; change them in settings to your site's).
 *
 * @example defaultSecurityIncident().csirtGroup // { name: 'csirt' }
 */
export function defaultSecurityIncident(): SecurityIncidentSettings {
  return { issueSecurityLevel: { name: 'CSIRT only' }, csirtGroup: { name: 'csirt' } };
}

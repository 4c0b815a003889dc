import { z } from 'zod';
import type { ProblemIncident } from './problem-incident';
import { compareIssueKeys } from './problem-incident';

/**
 * When a problem is resolved, what happens to its linked incidents that are still open: a config rule
 * (tagged union) turned into a list of actions for the shell to carry out. Closed incidents are never
 * touched; they are listed as skipped so the UI can say why.
 */

const LocalizedTemplateSchema = z.object({ ja: z.string().trim().min(1), en: z.string().trim().min(1) });

/** Text templates may use {problem}, {summary}, {resolution} and {incident}. */
export const ProblemResolvedRuleSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('notify'), recipients: z.array(z.enum(['assignee', 'reporter', 'watchers'])).min(1) }),
  z.object({ action: z.literal('transition'), toStatus: z.string().trim().min(1), comment: LocalizedTemplateSchema.nullable().optional().transform((v) => v ?? null) }),
  z.object({ action: z.literal('comment'), text: LocalizedTemplateSchema }),
]);
export type ProblemResolvedRule = z.infer<typeof ProblemResolvedRuleSchema>;
export type ProblemResolvedRuleInput = z.input<typeof ProblemResolvedRuleSchema>;

export interface ResolvedProblem {
  readonly key: string;
  readonly summary: string;
  /** Jira resolution name, e.g. "Fixed"; null when not set. */
  readonly resolution: string | null;
}

export type ProblemResolutionAction =
  | { readonly type: 'notify'; readonly incidentKey: string; readonly recipients: readonly ('assignee' | 'reporter' | 'watchers')[]; readonly message: { readonly ja: string; readonly en: string } }
  | { readonly type: 'transition'; readonly incidentKey: string; readonly toStatus: string; readonly comment: { readonly ja: string; readonly en: string } | null }
  | { readonly type: 'comment'; readonly incidentKey: string; readonly body: { readonly ja: string; readonly en: string } };

export interface ProblemResolutionPlan {
  readonly actions: readonly ProblemResolutionAction[];
  readonly skipped: readonly { readonly incidentKey: string; readonly reason: 'closed' | 'already-in-status' }[];
}

/**
 * Fills {problem}, {summary}, {resolution} and {incident}; unknown placeholders stay as written.
 *
 * @example fillProblemTemplate('{problem} resolved: {resolution}', { key: 'PRB-1', summary: 's', resolution: 'Fixed' }, 'OPS-2') === 'PRB-1 resolved: Fixed'
 */
export function fillProblemTemplate(template: string, problem: ResolvedProblem, incidentKey: string): string {
  const values: Readonly<Record<string, string>> = { problem: problem.key, summary: problem.summary, resolution: problem.resolution ?? '—', incident: incidentKey };
  return template.replace(/\{(problem|summary|resolution|incident)\}/g, (_m, name: string) => values[name] ?? '');
}

function defaultMessage(problem: ResolvedProblem, incidentKey: string): { ja: string; en: string } {
  return {
    ja: fillProblemTemplate('関連する問題 {problem}「{summary}」が解決されました（解決状況: {resolution}）。インシデント {incident} の状況を確認してください。', problem, incidentKey),
    en: fillProblemTemplate('Related problem {problem} "{summary}" was resolved ({resolution}). Please review incident {incident}.', problem, incidentKey),
  };
}

/**
 * The actions for a resolved problem's linked incidents under a rule; incidents in key order, duplicates dropped.
 *
 * @example
 * planProblemResolution({ key: 'PRB-1', summary: 'DB pool', resolution: 'Fixed' },
 *   [{ key: 'OPS-2', statusCategory: 'indeterminate', status: 'In Progress', ... }, { key: 'OPS-1', statusCategory: 'done', ... }],
 *   { action: 'transition', toStatus: 'Resolved', comment: null })
 * // { actions: [{ type: 'transition', incidentKey: 'OPS-2', toStatus: 'Resolved', comment: null }], skipped: [{ incidentKey: 'OPS-1', reason: 'closed' }] }
 */
export function planProblemResolution(problem: ResolvedProblem, linked: readonly ProblemIncident[], rule: ProblemResolvedRule): ProblemResolutionPlan {
  const incidents = linked.filter((x, i) => linked.findIndex((y) => y.key === x.key) === i).sort((a, b) => compareIssueKeys(a.key, b.key));
  const actions: ProblemResolutionAction[] = [];
  const skipped: ProblemResolutionPlan['skipped'][number][] = [];
  for (const incident of incidents) {
    if (incident.statusCategory === 'done') {
      skipped.push({ incidentKey: incident.key, reason: 'closed' });
      continue;
    }
    switch (rule.action) {
      case 'notify':
        actions.push({ type: 'notify', incidentKey: incident.key, recipients: rule.recipients, message: defaultMessage(problem, incident.key) });
        break;
      case 'transition':
        if (incident.status !== null && incident.status.toLowerCase() === rule.toStatus.toLowerCase()) {
          skipped.push({ incidentKey: incident.key, reason: 'already-in-status' });
          break;
        }
        actions.push({
          type: 'transition',
          incidentKey: incident.key,
          toStatus: rule.toStatus,
          comment: rule.comment === null ? null : { ja: fillProblemTemplate(rule.comment.ja, problem, incident.key), en: fillProblemTemplate(rule.comment.en, problem, incident.key) },
        });
        break;
      case 'comment':
        actions.push({
          type: 'comment',
          incidentKey: incident.key,
          body: { ja: fillProblemTemplate(rule.text.ja, problem, incident.key), en: fillProblemTemplate(rule.text.en, problem, incident.key) },
        });
        break;
    }
  }
  return { actions, skipped };
}

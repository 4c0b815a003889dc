import type { Config } from '../../config';
import { SecurityIncidentSettingsSchema, type GroupRef, type SecurityIncidentSettings } from '../../domain/escalation';
import type { IssueSnapshot } from '../ports/issue-gateway';
import type { FiringAction, FiringRecord } from './escalation-ports';
import { openFiring, recordFirings, runFiring, type FiringDeps } from './execute-firing';

/**
 * Security incidents get their first response from the app the moment they are created, before any SLA
 * threshold: the configured issue security level is set (so only the security group sees the issue)
 * and the CSIRT group is notified. It runs through the same ledger as escalation levels, under the
 * firing key `<issueId>:security:0:intake:security`, so a duplicated or late create event, a retry
 * after a 429 or a crash never sets or pages twice.
 *
 * Called by the issue-created path (src/forge/triggers/issue-events.ts via the other use cases) with
 * the snapshot it already fetched, so this costs no extra read.
 */

export const SECURITY_KIND_ID = 'security';

/** The ledger key of an issue's security intake. */
export const securityIntakeKey = (issueId: string): string => `${issueId}:security:0:intake:security`;

export interface SecurityIntakeInput {
  readonly issue: IssueSnapshot;
  /** The incident kind id the creation event carried (inquiry / failure / security), or null. */
  readonly kind: string | null;
  readonly config: Config;
}

export type SecurityIntakeResult =
  | { readonly kind: 'not-security' }
  /** The kind's handling asks for nothing, or the settings name no level and no group. */
  | { readonly kind: 'nothing-configured' }
  | { readonly kind: 'handled'; readonly record: FiringRecord };

/** The settings stored in the config, whatever schema version it is (absent before v3). */
export function securitySettingsOf(config: Config): SecurityIncidentSettings {
  const raw: unknown = (config as Readonly<Record<string, unknown>>)['securityIncident'];
  const parsed = SecurityIncidentSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : { issueSecurityLevel: null, csirtGroup: null };
}

/**
 * What the intake does for this config: set the level when the security kind restricts visibility,
 * page the CSIRT when the kind says so.
 *
 * @example
 * securityIntakeActions({ ...config, securityIncident: { issueSecurityLevel: { name: 'CSIRT only' }, csirtGroup: { name: 'csirt' } } }, 'INC-7')
 * // [{ type: 'set-security-level', levelName: 'CSIRT only' }, { type: 'notify-managers', groups: [{ name: 'csirt' }], message: { ja: 'INC-7 は…', en: 'INC-7 was…' } }]
 */
export function securityIntakeActions(config: Config, issueKey: string): FiringAction[] {
  const handling = config.incidentKinds.find((k) => k.id === SECURITY_KIND_ID)?.handling;
  const settings = securitySettingsOf(config);
  const actions: FiringAction[] = [];
  const level = settings.issueSecurityLevel;
  if (handling?.restrictedVisibility === true && level !== null) {
    actions.push({ type: 'set-security-level', ...(level.id !== undefined ? { levelId: level.id } : {}), ...(level.name !== undefined ? { levelName: level.name } : {}) });
  }
  const group: GroupRef | null = settings.csirtGroup;
  if (handling?.pageCsirt === true && group !== null) {
    actions.push({
      type: 'notify-managers',
      groups: [group],
      message: {
        ja: `${issueKey} はセキュリティインシデントとして登録されました。至急確認してください。`,
        en: `${issueKey} was raised as a security incident. Please look at it now.`,
      },
    });
  }
  return actions;
}

/**
 * Handles a newly created issue: does nothing unless it is a security incident; otherwise sets the
 * security level and pages the CSIRT exactly once. Jira 429/5xx surface as `DeferredFiringError`
 * (the ledger keeps the firing pending; call again, e.g. on the event's redelivery or the next sweep).
 *
 * @example
 * await handleSecurityIntake(deps, { issue, kind: 'security', config });
 * // { kind: 'handled', record: { key: '10001:security:0:intake:security', actions: [{ state: 'done', ... }, ...] } }
 */
export async function handleSecurityIntake(deps: FiringDeps, input: SecurityIntakeInput): Promise<SecurityIntakeResult> {
  if (input.kind !== SECURITY_KIND_ID) return { kind: 'not-security' };
  const actions = securityIntakeActions(input.config, input.issue.key);
  if (actions.length === 0) return { kind: 'nothing-configured' };
  const { issue } = input;
  const ctx = { issue, priorityLevels: input.config.priorityLevels };
  const spec = {
    key: securityIntakeKey(issue.id),
    issueId: issue.id,
    issueKey: issue.key,
    projectKey: issue.projectKey,
    metricId: 'security',
    cycle: 0,
    ladderId: 'intake',
    levelId: 'security',
    levelLabels: { ja: 'セキュリティインシデント初動', en: 'Security incident intake' },
    actions,
  };
  const opened = await openFiring(deps, spec, ctx);
  if (opened.state === 'done') return { kind: 'handled', record: opened };
  const record = await runFiring(deps, opened, ctx);
  await recordFirings(deps, issue, [record]);
  return { kind: 'handled', record: { ...record, state: 'done', recorded: true } };
}

import type { LocalizedText } from '../../contracts';
import { defaultConfig, type Config } from '../../config';
import type { Sha256 } from '../../domain/incident/evidence';
import { SECURITY_KIND_ID, securitySettingsOf } from '../escalation/security-intake';
import type { Clock } from '../ports/clock';
import type { ConfigStore } from '../ports/config-store';
import type { IssueGateways, IssueSnapshot } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { optionLevelId } from '../sla/option-levels';
import type { EvidenceStore } from './evidence-store';

/** What the evidence use cases need (wired in src/forge/resolvers/evidence-resolvers.ts). */
export interface EvidenceDeps {
  readonly store: EvidenceStore;
  readonly gateways: IssueGateways;
  readonly configs: ConfigStore;
  /** The project's setup catalog (which field is the incident kind), or null when not set up. */
  readonly catalogOf: (projectKey: string) => Promise<SiteCatalog | null>;
  readonly clock: Clock;
  readonly sha256: Sha256;
}

export type EvidenceFailureCode = 'not-found' | 'forbidden' | 'not-security' | 'invalid-config' | 'locked' | 'broken-chain' | 'busy';

export interface EvidenceFailure {
  readonly code: EvidenceFailureCode;
  readonly message: LocalizedText;
}

/** The incident behind an evidence call, as the caller sees it. */
export interface EvidenceIncident {
  readonly issue: IssueSnapshot;
  /** The register is bound to the issue id (keys change when an issue moves; ids do not). */
  readonly registerId: string;
  readonly security: boolean;
  /** Status category done, or a resolution set: the register takes no more items. */
  readonly closed: boolean;
  readonly config: Config;
  readonly catalog: SiteCatalog;
  readonly accountId: string;
}

export type IncidentAccess =
  | { readonly kind: 'ok'; readonly incident: EvidenceIncident }
  | { readonly kind: 'not-applicable'; readonly reason: 'not-security' | 'not-an-incident' | 'not-set-up' }
  | { readonly kind: 'failed'; readonly failure: EvidenceFailure };

export const NOT_SECURITY_MESSAGE: LocalizedText = {
  ja: '証跡台帳はセキュリティインシデントにだけあります。',
  en: 'Evidence registers exist only on security incidents.',
};
const NOT_FOUND_MESSAGE: LocalizedText = {
  ja: 'インシデントが見つからないか、閲覧する権限がありません。',
  en: 'The incident does not exist, or you do not have permission to see it.',
};
const INVALID_CONFIG_MESSAGE: LocalizedText = {
  ja: 'プロジェクトの設定を読み込めないため、インシデントの種類を判定できません。管理者に設定の修正を依頼してください。',
  en: "The project's settings cannot be read, so the incident kind is unknown. Ask an administrator to fix the settings.",
};

/**
 * Reads the incident AS THE USER (someone who cannot see a restricted security incident gets
 * not-found, exactly as in Jira) and finds out whether it is a security incident and closed.
 * One REST call (the issue), plus KVS reads of the catalog and config.
 */
export async function openIncident(deps: EvidenceDeps, input: { readonly issueKey: string; readonly accountId: string }): Promise<IncidentAccess> {
  const projectKey = input.issueKey.slice(0, input.issueKey.lastIndexOf('-'));
  const catalog = await deps.catalogOf(projectKey);
  const kindField = catalog?.fields.incidentKind ?? null;
  const issue = await deps.gateways.asUser.getIssue(input.issueKey, kindField === null ? {} : { fields: [kindField] });
  if (issue === null) return { kind: 'failed', failure: { code: 'not-found', message: NOT_FOUND_MESSAGE } };
  if (catalog === null) return { kind: 'not-applicable', reason: 'not-set-up' };
  if (issue.issueType.id !== catalog.issueTypes.incident) return { kind: 'not-applicable', reason: 'not-an-incident' };
  const loaded = await deps.configs.load(issue.projectKey);
  if (loaded.kind === 'invalid') return { kind: 'failed', failure: { code: 'invalid-config', message: INVALID_CONFIG_MESSAGE } };
  const config = loaded.kind === 'ok' ? loaded.config : defaultConfig();
  const kind = kindField === null ? null : optionLevelId(issue.fields[kindField], catalog.options.incidentKind, config.incidentKinds);
  return {
    kind: 'ok',
    incident: {
      issue,
      registerId: issue.id,
      security: kind === SECURITY_KIND_ID,
      closed: isClosed(issue),
      config,
      catalog,
      accountId: input.accountId,
    },
  };
}

/**
 * Who may add evidence: whoever can see the incident AND is in the CSIRT group the security settings
 * name, or administers the project. Viewing needs only seeing the incident (Jira's issue security decides).
 * Group membership is read as the app (`/user/groups`), project admin as the user (`/mypermissions`).
 * A CSIRT group configured by id only cannot be matched to the group names Jira lists and admits nobody.
 */
export async function mayAddEvidence(deps: EvidenceDeps, incident: EvidenceIncident): Promise<EvidenceFailure | null> {
  const group = securitySettingsOf(incident.config).csirtGroup;
  if (group?.name !== undefined) {
    const groups = await deps.gateways.asApp.userGroups(incident.accountId);
    if (groups.includes(group.name)) return null;
  }
  const held = await deps.gateways.asUser.myPermissions({ projectKey: incident.issue.projectKey }, ['ADMINISTER_PROJECTS']);
  if (held['ADMINISTER_PROJECTS'] === true) return null;
  const name = group?.name ?? group?.groupId ?? null;
  return {
    code: 'forbidden',
    message:
      name === null
        ? { ja: '証跡を追加できるのはプロジェクト管理者だけです（CSIRT グループが設定されていません）。', en: 'Only project administrators can add evidence (no CSIRT group is configured).' }
        : { ja: `証跡を追加できるのは CSIRT グループ（${name}）のメンバーかプロジェクト管理者だけです。`, en: `Only members of the CSIRT group (${name}) or project administrators can add evidence.` },
  };
}

/** Closed for the register: status category done, or a resolution set. */
export const isClosed = (issue: IssueSnapshot): boolean => issue.status.category === 'done' || issue.resolution !== null;

/** The lock record's reason: what closed the incident. */
export const closedReason = (issue: IssueSnapshot): string => (issue.resolution === null ? `status: ${issue.status.name}` : `resolution: ${issue.resolution.name}`);

/** Who the app's own records (the lock) are by. */
export const appActor = (incident: EvidenceIncident): string => incident.catalog.appAccountId ?? 'incident-desk';

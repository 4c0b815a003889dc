import { pickAssignee, raisedPriority, type AssigneePool, type EscalationAction } from '../../domain/escalation';
import type { Clock } from '../ports/clock';
import type { IssueGateway, IssueSnapshot } from '../ports/issue-gateway';
import { isJiraApiError } from '../ports/jira-error';
import { PRIORITY_PROPERTY_KEY, priorityPropertyValue, readPriorityProperty, type AcceptedPriority } from '../priority/priority-override';
import type { EscalationLedger, FiringAction, FiringRecord, PlannedAction, RotationStore } from './escalation-ports';
import { ESCALATION_PROPERTY_KEY, historyComment, historyCommentKey, readEscalationProperty, refMarker, withFired } from './escalation-history';

/**
 * Fires one escalation level (or the security intake) exactly once, whatever happens around it:
 *
 * 1. Plan: choose every concrete target (assignee, priority) from the issue as it is now.
 * 2. Ledger: create the firing record with every action `pending`, atomically, BEFORE any side effect.
 *    If a record already exists (a re-run, or a run that crashed or hit a 429), use it as it is: its
 *    targets were chosen then, so nothing is picked twice.
 * 3. Act: for each pending action, first ask the issue whether it already happened (the comment with
 *    its ref marker, the label, the assignee, the priority, the security level); if not, do it, then
 *    mark it done in the ledger. A 429/5xx after the client's own retries leaves it pending for the
 *    next run; a refusal (400/403/404) marks it failed with the reason, so it is not retried forever.
 * 4. History: a comment per firing (with its ref marker) and, per issue, the fired list property; only
 *    then is the record `done`.
 *
 * Notifications leave no trace in Jira to check, so a notify action first writes `attemptedAt` to the
 * ledger, then calls Jira, then records `done`. A run that finds a pending notification with an attempt:
 * - younger than {@link NOTIFY_IN_FLIGHT_MS} (that run may still be going): defers it, sends nothing;
 * - older: the attempt died between Jira and the ledger, and nobody can know whether Jira sent it.
 *   Policy: AT LEAST ONCE. A page that never arrives leaves a breach unattended (functional escalation:
 *   the team; hierarchical: the managers; the CSIRT page of a security incident), while a duplicate
 *   costs a glance, so it is sent again, marked in the subject and body as a possible duplicate, and
 *   the ledger, the history comment and the fired-list property say `uncertain`.
 * Every other action stays exactly once: Jira shows whether it happened (ref marker, label, assignee,
 * priority, security level), and that is checked before acting.
 */

/**
 * How old an unconfirmed notification attempt must be before it is treated as dead: longer than the
 * sweep function may run (manifest `timeoutSeconds: 240`), shorter than the five-minute schedule.
 */
export const NOTIFY_IN_FLIGHT_MS = 270_000;

export interface FiringDeps {
  readonly gateway: IssueGateway;
  readonly ledger: EscalationLedger;
  readonly rotation: RotationStore;
  readonly clock: Clock;
}

/** What to fire: the firing's identity and its actions. */
export interface FiringSpec {
  readonly key: string;
  readonly issueId: string;
  readonly issueKey: string;
  readonly projectKey: string;
  readonly metricId: string;
  readonly cycle: number;
  readonly ladderId: string;
  readonly levelId: string;
  readonly levelLabels: { readonly ja: string; readonly en: string };
  readonly actions: readonly FiringAction[];
}

export interface FiringContext {
  /** The issue as fetched at the start of this run, with comments, labels, assignee, priority. */
  readonly issue: IssueSnapshot;
  /** Config priority levels, highest first (for raise-priority). */
  readonly priorityLevels: readonly { readonly id: string; readonly jiraPriorityName: string }[];
}

/** A Jira error worth trying again later (429/5xx/network after the client's retries). */
export class DeferredFiringError extends Error {
  constructor(
    readonly firingKey: string,
    cause: unknown,
  ) {
    super(`firing ${firingKey} deferred: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DeferredFiringError';
  }
}

const poolKey = (pool: AssigneePool): string =>
  pool.kind === 'group' ? `group:${(pool.group.groupId ?? pool.group.name ?? '').replace(/[^A-Za-z0-9._-]/g, '_')}` : `role:${pool.roleName.replace(/[^A-Za-z0-9._-]/g, '_')}`;

async function poolMembers(gateway: IssueGateway, projectKey: string, pool: AssigneePool): Promise<string[]> {
  switch (pool.kind) {
    case 'group': {
      const name = pool.group.name ?? pool.group.groupId ?? '';
      const members: string[] = [];
      // Pools are small teams; cap the paging so a huge group cannot eat the sweep's budget.
      for (let startAt = 0, pages = 0; pages < 5; pages++) {
        const page = await gateway.groupMembers(name, { startAt, maxResults: 50 });
        members.push(...page.accountIds);
        if (page.isLast || page.accountIds.length === 0) break;
        startAt += page.accountIds.length;
      }
      return members;
    }
    case 'project-role':
      return [...(await gateway.projectRoleMembers(projectKey, pool.roleName))];
  }
}

async function openLoads(gateway: IssueGateway, projectKey: string, members: readonly string[]): Promise<Map<string, number>> {
  const loads = new Map<string, number>();
  if (members.length === 0) return loads;
  const quoted = members.map((m) => `"${m.replace(/["\\]/g, '')}"`).join(', ');
  const page = await gateway.searchJql({
    jql: `project = "${projectKey.replace(/["\\]/g, '')}" AND assignee in (${quoted}) AND statusCategory != Done`,
    fields: ['assignee'],
    maxResults: 100,
  });
  for (const issue of page.issues) if (issue.assignee !== null) loads.set(issue.assignee, (loads.get(issue.assignee) ?? 0) + 1);
  return loads;
}

interface PlanOutcome {
  readonly planned: PlannedAction;
  /** Rotation to store once the ledger record exists. */
  readonly rotation?: { readonly poolKey: string; readonly accountId: string };
}

async function planAction(deps: FiringDeps, spec: FiringSpec, ctx: FiringContext, action: FiringAction, index: number): Promise<PlanOutcome> {
  const base = { index, idempotencyKey: `${spec.key}#${String(index)}`, action, state: 'pending' as const };
  switch (action.type) {
    case 'reassign': {
      const members = await poolMembers(deps.gateway, spec.projectKey, action.pool);
      const key = poolKey(action.pool);
      const lastPicked = await deps.rotation.lastPicked(spec.projectKey, key);
      const loads = action.strategy === 'least-loaded' ? await openLoads(deps.gateway, spec.projectKey, members) : undefined;
      const pick = pickAssignee({ members, strategy: action.strategy, rotation: { lastPicked }, ...(loads ? { loads } : {}), exclude: ctx.issue.assignee });
      if (pick === null) return { planned: { ...base, state: 'skipped', assignee: null, detail: 'no other member in the pool' } };
      return { planned: { ...base, assignee: pick }, rotation: { poolKey: key, accountId: pick } };
    }
    case 'raise-priority': {
      const name = ctx.issue.priority?.name.toLowerCase() ?? null;
      const current = ctx.priorityLevels.find((l) => l.jiraPriorityName.toLowerCase() === name) ?? null;
      const target = raisedPriority(
        ctx.priorityLevels.map((l) => l.id),
        current?.id ?? null,
        action.steps,
      );
      const targetName = ctx.priorityLevels.find((l) => l.id === target)?.jiraPriorityName ?? null;
      if (targetName === null) return { planned: { ...base, state: 'skipped', priorityName: null, detail: current === null ? 'unknown priority' : 'already highest' } };
      return { planned: { ...base, priorityName: targetName } };
    }
    case 'notify':
    case 'notify-managers':
    case 'add-label':
    case 'add-comment':
    case 'set-security-level':
      return { planned: base };
  }
}

const commentHas = (issue: IssueSnapshot, idempotencyKey: string): boolean =>
  (issue.comments ?? []).some((c) => c.text.includes(refMarker(idempotencyKey)));

/** Whether the issue already shows the action's effect (a crashed run did it but could not record it). */
function alreadyDone(issue: IssueSnapshot, planned: PlannedAction): boolean {
  const a = planned.action;
  switch (a.type) {
    case 'add-comment':
      return commentHas(issue, planned.idempotencyKey);
    case 'add-label':
      return issue.labels.includes(a.label);
    case 'reassign':
      return planned.assignee != null && issue.assignee === planned.assignee;
    case 'raise-priority':
      return planned.priorityName != null && issue.priority?.name === planned.priorityName;
    case 'set-security-level':
      return issue.securityLevel !== null && (issue.securityLevel.id === a.levelId || issue.securityLevel.name === a.levelName);
    case 'notify':
    case 'notify-managers':
      // Jira keeps no record of sent mail: there is nothing to check.
      return false;
  }
}

const bilingual = (t: { ja: string; en: string }): string => `${t.ja}\n\n${t.en}`;

const RESENT_NOTE = {
  ja: '※ 前回の送信が確認できなかったため再送しています。すでに届いている場合は重複です。',
  en: 'Note: sent again because the previous attempt could not be confirmed; if you already have it, this is a duplicate.',
};

function notifyText(spec: FiringSpec, action: Extract<EscalationAction, { type: 'notify' | 'notify-managers' }>, resend: boolean): { subject: string; textBody: string } {
  const text = notifyTextOnce(spec, action);
  return resend ? { subject: `[再送 / Resent] ${text.subject}`, textBody: `${RESENT_NOTE.ja}\n${RESENT_NOTE.en}\n\n${text.textBody}` } : text;
}

function notifyTextOnce(spec: FiringSpec, action: Extract<EscalationAction, { type: 'notify' | 'notify-managers' }>): { subject: string; textBody: string } {
  const security = spec.metricId === 'security';
  const subject = security
    ? `[${spec.issueKey}] セキュリティインシデント / Security incident`
    : `[${spec.issueKey}] エスカレーション / Escalation: ${spec.levelLabels.ja} / ${spec.levelLabels.en}`;
  const fallback = security
    ? { ja: `${spec.issueKey} はセキュリティインシデントとして登録されました。至急確認してください。`, en: `${spec.issueKey} was raised as a security incident. Please look at it now.` }
    : {
        ja: `${spec.issueKey} の SLA（${spec.metricId}）がエスカレーション段階「${spec.levelLabels.ja}」に達しました。`,
        en: `${spec.issueKey} reached escalation level "${spec.levelLabels.en}" on SLA ${spec.metricId}.`,
      };
  return { subject, textBody: bilingual(action.message ?? fallback) };
}

async function securityLevelId(gateway: IssueGateway, projectKey: string, action: Extract<FiringAction, { type: 'set-security-level' }>): Promise<string | null> {
  if (action.levelId !== undefined) return action.levelId;
  const wanted = action.levelName?.toLowerCase();
  const levels = await gateway.securityLevels(projectKey);
  return levels.find((l) => l.name.toLowerCase() === wanted)?.id ?? null;
}

/** Performs one action; returns the outcome to record. */
async function perform(deps: FiringDeps, spec: FiringSpec, planned: PlannedAction, issue: IssueSnapshot, resend = false): Promise<Pick<PlannedAction, 'state' | 'detail'>> {
  const g = deps.gateway;
  const a = planned.action;
  switch (a.type) {
    case 'notify':
      await g.notify(spec.issueId, {
        ...notifyText(spec, a, resend),
        to: { users: a.users, groups: a.groups.map((x) => x.name ?? x.groupId ?? ''), assignee: a.assignee, reporter: a.reporter, watchers: a.watchers },
      });
      return { state: 'done' };
    case 'notify-managers':
      await g.notify(spec.issueId, { ...notifyText(spec, a, resend), to: { groups: a.groups.map((x) => x.name ?? x.groupId ?? '') } });
      return { state: 'done' };
    case 'reassign':
      await g.assign(spec.issueId, planned.assignee ?? null);
      return { state: 'done' };
    case 'raise-priority': {
      if (planned.priorityName == null) return { state: 'skipped', detail: 'no target priority' };
      // Recorded first, so the issue event this edit causes keeps the raised priority instead of putting
      // the matrix's back (see decidePriority); an impact/urgency change after it re-applies the matrix.
      const { verdict } = readPriorityProperty(issue.properties[PRIORITY_PROPERTY_KEY]);
      const accepted: AcceptedPriority = {
        priority: planned.priorityName,
        source: 'escalation',
        by: 'app',
        reason: `escalation: ${spec.levelLabels.ja} / ${spec.levelLabels.en} (${spec.metricId})`,
        at: deps.clock.now(),
      };
      await g.setProperty(spec.issueId, PRIORITY_PROPERTY_KEY, priorityPropertyValue({ verdict, accepted }));
      await g.editIssue(spec.issueId, { fields: { priority: { name: planned.priorityName } } });
      return { state: 'done' };
    }
    case 'add-label':
      await g.editIssue(spec.issueId, { update: { labels: [{ add: a.label }] } });
      return { state: 'done' };
    case 'add-comment':
      await g.addComment(spec.issueId, `${bilingual(a.text)}\n\n${refMarker(planned.idempotencyKey)}`);
      return { state: 'done' };
    case 'set-security-level': {
      const id = await securityLevelId(g, spec.projectKey, a);
      if (id === null) return { state: 'failed', detail: `no issue security level "${a.levelName ?? ''}" in ${spec.projectKey}` };
      await g.editIssue(spec.issueId, { fields: { security: { id } } });
      return { state: 'done' };
    }
  }
}

/**
 * Creates (or finds) the ledger record of a firing. Reads Jira to choose targets but changes nothing
 * there; the rotation moves only when this call created the record.
 */
export async function openFiring(deps: FiringDeps, spec: FiringSpec, ctx: FiringContext): Promise<FiringRecord> {
  const existing = await deps.ledger.get(spec.key);
  if (existing !== null) return { ...existing, attempts: existing.attempts + 1 };
  const outcomes: PlanOutcome[] = [];
  for (const [i, action] of spec.actions.entries()) outcomes.push(await planAction(deps, spec, ctx, action, i));
  const record: FiringRecord = {
    schemaVersion: 1,
    key: spec.key,
    issueId: spec.issueId,
    issueKey: spec.issueKey,
    projectKey: spec.projectKey,
    metricId: spec.metricId,
    cycle: spec.cycle,
    ladderId: spec.ladderId,
    levelId: spec.levelId,
    levelLabels: { ja: spec.levelLabels.ja, en: spec.levelLabels.en },
    state: 'pending',
    createdAt: deps.clock.now(),
    completedAt: null,
    attempts: 1,
    actions: outcomes.map((o) => o.planned),
    recorded: false,
  };
  const created = await deps.ledger.create(record);
  if (!created.created) return { ...created.record, attempts: created.record.attempts + 1 };
  for (const o of outcomes) if (o.rotation) await deps.rotation.setLastPicked(spec.projectKey, o.rotation.poolKey, o.rotation.accountId);
  return created.record;
}

/**
 * Runs the pending actions of a ledger record and posts its history comment. Throws
 * {@link DeferredFiringError} when Jira is rate limiting or failing (the record stays pending and the
 * next run resumes it); other errors propagate as they are (a crash: the next run resumes too).
 */
export async function runFiring(deps: FiringDeps, record: FiringRecord, ctx: FiringContext): Promise<FiringRecord> {
  const spec: FiringSpec = { ...record, actions: record.actions.map((a) => a.action) };
  let current: FiringRecord = record;
  const patch = (index: number, change: Partial<PlannedAction>): FiringRecord => ({ ...current, actions: current.actions.map((a) => (a.index === index ? { ...a, ...change } : a)) });
  for (const planned of record.actions) {
    if (planned.state !== 'pending') continue;
    let outcome: Pick<PlannedAction, 'state' | 'detail' | 'uncertain' | 'attemptedAt'>;
    const notification = planned.action.type === 'notify' || planned.action.type === 'notify-managers';
    if (alreadyDone(ctx.issue, planned)) outcome = { state: 'done' };
    else {
      let resend = false;
      if (notification) {
        const now = deps.clock.now();
        const attemptedAt = planned.attemptedAt ?? null;
        if (attemptedAt !== null && now - attemptedAt < NOTIFY_IN_FLIGHT_MS) {
          await deps.ledger.update(current);
          throw new DeferredFiringError(record.key, new Error(`notification ${planned.idempotencyKey} was started at ${new Date(attemptedAt).toISOString()} and may still be in flight`));
        }
        resend = attemptedAt !== null;
        current = patch(planned.index, { attemptedAt: now });
        await deps.ledger.update(current);
      }
      try {
        outcome = await perform(deps, spec, planned, ctx.issue, resend);
        if (resend) outcome = { ...outcome, uncertain: true, detail: `resent: the attempt at ${new Date(planned.attemptedAt ?? 0).toISOString()} was not confirmed` };
      } catch (error) {
        if (isJiraApiError(error) && !error.transient) outcome = { state: 'failed', detail: `${String(error.status)} ${error.errorMessages.join('; ') || error.kind}` };
        else {
          // 429 and 503 mean Jira did not take the request: no doubt about the attempt is left.
          if (notification && isJiraApiError(error) && (error.status === 429 || error.status === 503)) current = patch(planned.index, { attemptedAt: planned.attemptedAt ?? null });
          await deps.ledger.update(current);
          throw isJiraApiError(error) ? new DeferredFiringError(record.key, error) : error;
        }
      }
    }
    current = patch(planned.index, outcome);
    await deps.ledger.update(current);
  }
  if (!commentHas(ctx.issue, historyCommentKey(current))) {
    try {
      await deps.gateway.addComment(current.issueId, historyComment(current));
    } catch (error) {
      if (isJiraApiError(error) && error.transient) throw new DeferredFiringError(record.key, error);
      // A refused history comment must not block the firing: the property still records it.
      if (!isJiraApiError(error)) throw error;
    }
  }
  return current;
}

/**
 * Writes the issue's fired-list property with these records and marks them done in the ledger.
 * One property write per issue, however many levels fired.
 */
export async function recordFirings(deps: FiringDeps, issue: IssueSnapshot, records: readonly FiringRecord[]): Promise<void> {
  if (records.length === 0) return;
  const property = withFired(readEscalationProperty(issue.properties[ESCALATION_PROPERTY_KEY]), records);
  try {
    await deps.gateway.setProperty(issue.id, ESCALATION_PROPERTY_KEY, property);
  } catch (error) {
    if (isJiraApiError(error) && error.transient) throw new DeferredFiringError(records[0]?.key ?? issue.id, error);
    throw error;
  }
  const at = deps.clock.now();
  for (const r of records) await deps.ledger.update({ ...r, state: 'done', recorded: true, completedAt: at });
}

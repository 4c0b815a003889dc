import { z } from 'zod';
import type { GroupRef } from '../../domain/escalation';
import type { FiringAction, FiringRecord, PlannedAction } from './escalation-ports';

/**
 * The issue's own record of its escalations: an issue property with the fired list (read by the SLA
 * panel and searchable) and one comment per firing. Both carry the firing key, so a run that crashed
 * after writing them can tell.
 */

/** Issue property holding the fired list. */
export const ESCALATION_PROPERTY_KEY = 'incident-desk-escalations';

/** Oldest entries are dropped beyond this, keeping the property far below Jira's 32 KB. */
export const ESCALATION_PROPERTY_MAX_ENTRIES = 100;

const FiredActionEntrySchema = z.object({
  type: z.string(),
  state: z.enum(['done', 'skipped', 'failed', 'pending']),
  assignee: z.string().nullable().optional(),
  priorityName: z.string().nullable().optional(),
  detail: z.string().nullable().optional(),
  /** Re-sent after an unconfirmed attempt (a notification may have gone out twice). */
  uncertain: z.boolean().optional(),
});

export const FiredEntrySchema = z.object({
  key: z.string(),
  metricId: z.string(),
  cycle: z.number().int(),
  ladderId: z.string(),
  levelId: z.string(),
  levelLabels: z.object({ ja: z.string(), en: z.string() }),
  firedAt: z.number().int(),
  actions: z.array(FiredActionEntrySchema),
});
export type FiredEntry = z.infer<typeof FiredEntrySchema>;

export const EscalationPropertySchema = z.object({ schemaVersion: z.literal(1), fired: z.array(FiredEntrySchema) });
export type EscalationProperty = z.infer<typeof EscalationPropertySchema>;

/**
 * Reads the property leniently: anything unreadable counts as empty (the ledger, not the property, is
 * what prevents double firing).
 */
export function readEscalationProperty(value: unknown): EscalationProperty {
  const parsed = EscalationPropertySchema.safeParse(value);
  return parsed.success ? parsed.data : { schemaVersion: 1, fired: [] };
}

/** The property with `records` merged in by key (a re-run replaces in place, never duplicates), new ones last in firing order, capped. */
export function withFired(property: EscalationProperty, records: readonly FiringRecord[]): EscalationProperty {
  const byKey = new Map(property.fired.map((e) => [e.key, e] as const));
  for (const r of records) {
    byKey.set(r.key, {
      key: r.key,
      metricId: r.metricId,
      cycle: r.cycle,
      ladderId: r.ladderId,
      levelId: r.levelId,
      levelLabels: r.levelLabels,
      firedAt: r.createdAt,
      actions: r.actions.map((a) => ({
        type: a.action.type,
        state: a.state,
        ...(a.assignee !== undefined ? { assignee: a.assignee } : {}),
        ...(a.priorityName !== undefined ? { priorityName: a.priorityName } : {}),
        ...(a.detail !== undefined && a.detail !== null ? { detail: a.detail } : {}),
        ...(a.uncertain === true ? { uncertain: true } : {}),
      })),
    });
  }
  return { schemaVersion: 1, fired: [...byKey.values()].slice(-ESCALATION_PROPERTY_MAX_ENTRIES) };
}

/** The marker line a comment carries so a retry can find it. */
export const refMarker = (idempotencyKey: string): string => `(Incident Desk ref ${idempotencyKey})`;

const groupName = (g: GroupRef): string => g.name ?? g.groupId ?? '?';

/** Short bilingual description of one action and its outcome, for the history comment. */
export function describeAction(planned: PlannedAction): { ja: string; en: string } {
  const a: FiringAction = planned.action;
  let text: { ja: string; en: string };
  switch (a.type) {
    case 'notify': {
      const who = [...a.users, ...a.groups.map(groupName), ...(a.assignee ? ['assignee'] : []), ...(a.reporter ? ['reporter'] : []), ...(a.watchers ? ['watchers'] : [])].join(', ');
      text = { ja: `通知 (${who})`, en: `notified ${who}` };
      break;
    }
    case 'notify-managers': {
      const who = a.groups.map(groupName).join(', ');
      text = { ja: `管理者へ通知 (${who})`, en: `notified managers ${who}` };
      break;
    }
    case 'reassign':
      text = { ja: `担当者を ${planned.assignee ?? '-'} に変更`, en: `reassigned to ${planned.assignee ?? '-'}` };
      break;
    case 'raise-priority':
      text = { ja: `優先度を ${planned.priorityName ?? '-'} に引き上げ`, en: `raised priority to ${planned.priorityName ?? '-'}` };
      break;
    case 'add-label':
      text = { ja: `ラベル ${a.label} を追加`, en: `added label ${a.label}` };
      break;
    case 'add-comment':
      text = { ja: 'コメントを追加', en: 'added a comment' };
      break;
    case 'set-security-level':
      text = { ja: `セキュリティレベルを ${a.levelName ?? a.levelId ?? '-'} に設定`, en: `set security level ${a.levelName ?? a.levelId ?? '-'}` };
      break;
  }
  switch (planned.state) {
    case 'done':
      return planned.uncertain === true
        ? { ja: `${text.ja}（前回の送信が確認できなかったため再送。重複して届いた可能性あり）`, en: `${text.en} (sent again: the previous attempt was not confirmed, so it may have arrived twice)` }
        : text;
    case 'skipped':
      return { ja: `${text.ja}（不要: ${planned.detail ?? '-'}）`, en: `${text.en} (skipped: ${planned.detail ?? '-'})` };
    case 'failed':
      return { ja: `${text.ja}（失敗: ${planned.detail ?? '-'}）`, en: `${text.en} (failed: ${planned.detail ?? '-'})` };
    case 'pending':
      return { ja: `${text.ja}（未完了）`, en: `${text.en} (pending)` };
  }
}

/** Idempotency key of a firing's history comment. */
export const historyCommentKey = (record: Pick<FiringRecord, 'key'>): string => `${record.key}#history`;

/**
 * The bilingual history comment of one firing, ending with its ref marker.
 *
 * @example
 * historyComment(record).split('\n')[0] // '[Incident Desk] エスカレーション「50 %」（ttr / サイクル 1）: 通知 (managers)'
 */
export function historyComment(record: FiringRecord): string {
  const actions = record.actions.map(describeAction);
  const cycle = String(record.cycle + 1);
  const security = record.metricId === 'security';
  const ja = security
    ? `[Incident Desk] セキュリティインシデントの初動対応: ${actions.map((a) => a.ja).join('、')}`
    : `[Incident Desk] エスカレーション「${record.levelLabels.ja}」（${record.metricId} / サイクル ${cycle}）: ${actions.map((a) => a.ja).join('、')}`;
  const en = security
    ? `[Incident Desk] Security incident intake: ${actions.map((a) => a.en).join('; ')}`
    : `[Incident Desk] Escalation "${record.levelLabels.en}" (${record.metricId}, cycle ${cycle}): ${actions.map((a) => a.en).join('; ')}`;
  return `${ja}\n\n${en}\n\n${refMarker(historyCommentKey(record))}`;
}

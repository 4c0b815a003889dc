import type { Config } from '../../config';
import type { FiredEscalation, ReportLocale } from '../../domain/incident';
import type { FiredEntry } from '../escalation/escalation-history';

/**
 * Fired escalations (the escalation feature's issue property) as report timeline entries: which level,
 * who was told or given the incident, and what was done. The property keeps outcomes per action; the
 * targets come from the level's actions in the config (account ids named through `name`).
 */

type Localized = { readonly ja: string; readonly en: string };

const ROLE_WORDS = {
  assignee: { ja: '担当者', en: 'assignee' },
  reporter: { ja: '報告者', en: 'reporter' },
  watchers: { ja: 'ウォッチャー', en: 'watchers' },
} as const;

const STATE_SUFFIX: Readonly<Record<'skipped' | 'failed' | 'pending', Localized>> = {
  skipped: { ja: '不要', en: 'skipped' },
  failed: { ja: '失敗', en: 'failed' },
  pending: { ja: '未完了', en: 'pending' },
};

export interface EscalationTargets {
  /** Display names, group names and role words, in action order, without repeats. */
  readonly targets: readonly string[];
  /** Account ids among the targets (for the stakeholder list). */
  readonly accountIds: readonly string[];
  readonly groups: readonly string[];
}

/** Account ids an escalation entry refers to (config users, chosen assignees), for name lookup. */
export function escalationAccountIds(fired: readonly FiredEntry[], config: Config): string[] {
  const ids = new Set<string>();
  for (const f of fired) {
    const level = config.escalationLadders.find((l) => l.id === f.ladderId)?.levels.find((l) => l.id === f.levelId);
    for (const a of level?.actions ?? []) if (a.type === 'notify') for (const u of a.users) ids.add(u);
    for (const a of f.actions) if (typeof a.assignee === 'string') ids.add(a.assignee);
  }
  return [...ids];
}

/**
 * One report entry per fired level, in firing order.
 *
 * @example
 * reportEscalations([{ key: 'k', metricId: 'resolution', levelLabels: { ja: '違反', en: 'Breach' }, actions: [{ type: 'reassign', state: 'done', assignee: 'u1' }], ... }], config, 'en', (id) => 'Eri')
 * // [{ id: 'k', level: 'Breach (resolution)', targets: ['Eri'], action: 'reassigned to Eri', ... }]
 */
export function reportEscalations(
  fired: readonly FiredEntry[],
  config: Config,
  locale: ReportLocale,
  name: (accountId: string) => string,
): { readonly escalations: FiredEscalation[]; readonly targets: ReadonlyMap<string, EscalationTargets> } {
  const escalations: FiredEscalation[] = [];
  const targetsByKey = new Map<string, EscalationTargets>();
  for (const f of fired) {
    const level = config.escalationLadders.find((l) => l.id === f.ladderId)?.levels.find((l) => l.id === f.levelId);
    const targets: string[] = [];
    const accountIds: string[] = [];
    const groups: string[] = [];
    const addTarget = (t: string) => {
      if (!targets.includes(t)) targets.push(t);
    };
    const texts: string[] = [];
    f.actions.forEach((done, i) => {
      // The property keeps the action type; the config's level (when still the same) says whom it addressed.
      const configured = level?.actions[i]?.type === done.type ? level.actions[i] : undefined;
      let text: Localized;
      switch (configured?.type) {
        case 'notify': {
          for (const u of configured.users) {
            accountIds.push(u);
            addTarget(name(u));
          }
          for (const g of configured.groups) {
            const gName = g.name ?? g.groupId ?? '?';
            groups.push(gName);
            addTarget(gName);
          }
          for (const role of ['assignee', 'reporter', 'watchers'] as const) if (configured[role]) addTarget(ROLE_WORDS[role][locale]);
          text = { ja: '通知', en: 'notified' };
          break;
        }
        case 'notify-managers':
          for (const g of configured.groups) {
            const gName = g.name ?? g.groupId ?? '?';
            groups.push(gName);
            addTarget(gName);
          }
          text = { ja: '管理者へ通知', en: 'notified managers' };
          break;
        case 'add-label':
          text = { ja: `ラベル ${configured.label} を追加`, en: `added label ${configured.label}` };
          break;
        case 'reassign':
        case 'raise-priority':
        case 'add-comment':
        case undefined:
          text = describeByType(done.type, done);
          break;
      }
      if (done.type === 'reassign' && typeof done.assignee === 'string') {
        accountIds.push(done.assignee);
        addTarget(name(done.assignee));
        text = { ja: `担当者を ${name(done.assignee)} に変更`, en: `reassigned to ${name(done.assignee)}` };
      }
      const suffix = done.state === 'done' ? '' : locale === 'ja' ? `（${STATE_SUFFIX[done.state].ja}${detailOf(done)}）` : ` (${STATE_SUFFIX[done.state].en}${detailOf(done)})`;
      texts.push(`${text[locale]}${suffix}`);
    });
    const metric = f.metricId === 'security' ? { ja: 'セキュリティ', en: 'security' }[locale] : f.metricId;
    escalations.push({
      id: f.key,
      firedAt: f.firedAt,
      level: locale === 'ja' ? `${f.levelLabels.ja}（${metric}）` : `${f.levelLabels.en} (${metric})`,
      targets,
      action: texts.length === 0 ? '—' : texts.join(locale === 'ja' ? '、' : '; '),
    });
    targetsByKey.set(f.key, { targets, accountIds, groups });
  }
  return { escalations, targets: targetsByKey };
}

function detailOf(a: FiredEntry['actions'][number]): string {
  return typeof a.detail === 'string' && a.detail !== '' ? `: ${a.detail}` : '';
}

function describeByType(type: string, a: FiredEntry['actions'][number]): Localized {
  switch (type) {
    case 'notify':
      return { ja: '通知', en: 'notified' };
    case 'notify-managers':
      return { ja: '管理者へ通知', en: 'notified managers' };
    case 'reassign':
      return { ja: '担当者を変更', en: 'reassigned' };
    case 'raise-priority':
      return { ja: `優先度を ${a.priorityName ?? '-'} に引き上げ`, en: `raised priority to ${a.priorityName ?? '-'}` };
    case 'add-label':
      return { ja: 'ラベルを追加', en: 'added a label' };
    case 'add-comment':
      return { ja: 'コメントを追加', en: 'added a comment' };
    case 'set-security-level':
      return { ja: 'セキュリティレベルを設定', en: 'set the security level' };
    default:
      return { ja: type, en: type };
  }
}

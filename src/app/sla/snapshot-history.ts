import type { Config } from '../../config';
import type { ChangelogEntry, IssueHistory } from '../../domain/sla';
import { IssueHistorySchema } from '../../domain/sla';
import type { IssueSnapshot } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { optionLevelId } from './option-levels';

/**
 * The SLA engine's input, built from an issue snapshot that carries the FULL changelog and all
 * comments. Creation facts are read backwards from the changelog (the oldest change of a field says
 * what it was at creation), so the result depends only on Jira's history, never on which event arrived.
 */

/** The field key the SLA domain uses for the incident kind (the changelog carries the field id). */
function kindFieldKey(catalog: SiteCatalog | null): string | null {
  return catalog?.fields.incidentKind ?? null;
}

function isItemOf(item: ChangelogEntry['items'][number], key: string): boolean {
  return (item.fieldId ?? item.field) === key || item.field.toLowerCase() === key.toLowerCase();
}

/** The oldest changelog item for a field, by (created, id) order. */
function oldestItem(changelog: readonly ChangelogEntry[], key: string): ChangelogEntry['items'][number] | null {
  let best: { at: number; id: number; item: ChangelogEntry['items'][number] } | null = null;
  for (const entry of changelog) {
    for (const item of entry.items) {
      if (!isItemOf(item, key)) continue;
      const id = Number(entry.id);
      if (best === null || entry.created < best.at || (entry.created === best.at && id < best.id)) best = { at: entry.created, id, item };
    }
  }
  return best?.item ?? null;
}

/** Kind field items rewritten to carry kind ids (the domain compares ids, Jira logs option labels). */
function normalizeKindItems(changelog: readonly ChangelogEntry[], key: string, toKind: (id: string | null, text: string | null) => string | null): ChangelogEntry[] {
  return changelog.map((entry) => ({
    ...entry,
    items: entry.items.map((item) => {
      if (!isItemOf(item, key)) return item;
      const from = toKind(item.from, item.fromString);
      const to = toKind(item.to, item.toString);
      return { ...item, from, fromString: from, to, toString: to };
    }),
  }));
}

export interface HistoryContext {
  readonly config: Config;
  readonly catalog: SiteCatalog | null;
}

/** Whether a comment author counts as an agent: anyone but the reporter and the app itself. */
export function isAgentComment(author: string | null, issue: IssueSnapshot, catalog: SiteCatalog | null): boolean {
  return author !== null && author !== issue.reporter && author !== catalog?.appAccountId;
}

/**
 * @example
 * historyFromSnapshot(snapshotWithChangelog, { config, catalog }).initial.status.name // 'Open' (before the first transition)
 */
export function historyFromSnapshot(issue: IssueSnapshot, ctx: HistoryContext): IssueHistory {
  const changelogRaw = issue.changelog ?? [];
  const kindKey = kindFieldKey(ctx.catalog);
  const kinds = ctx.config.incidentKinds;
  const kindMap = ctx.catalog?.options.incidentKind ?? {};
  const toKind = (id: string | null, text: string | null): string | null =>
    optionLevelId(id !== null ? { id, ...(text !== null ? { value: text } : {}) } : text, kindMap, kinds);
  const changelog = kindKey === null ? changelogRaw : normalizeKindItems(changelogRaw, kindKey, toKind);

  const statusItem = oldestItem(changelog, 'status');
  const statuses = new Map((ctx.catalog?.statuses ?? []).map((s) => [s.id, s] as const));
  statuses.set(issue.status.id, issue.status);
  const initialStatusId = statusItem?.from ?? issue.status.id;
  const initialStatus = statuses.get(initialStatusId) ?? { id: initialStatusId, name: statusItem?.fromString ?? issue.status.name, category: null };

  const priorityItem = oldestItem(changelog, 'priority');
  const initialPriority =
    priorityItem === null
      ? issue.priority
      : priorityItem.from === null && priorityItem.fromString === null
        ? null
        : { id: priorityItem.from ?? '', name: priorityItem.fromString ?? '' };

  const assigneeItem = oldestItem(changelog, 'assignee');
  const resolutionItem = oldestItem(changelog, 'resolution');
  const kindItem = kindKey === null ? null : oldestItem(changelog, kindKey);
  const currentKind = kindKey === null ? null : toKindFromValue(issue.fields[kindKey], kindMap, kinds);

  const agentOf = (author: string | null): boolean => isAgentComment(author, issue, ctx.catalog);
  return IssueHistorySchema.parse({
    issueKey: issue.key,
    created: issue.created,
    initial: {
      status: initialStatus,
      priority: initialPriority,
      kind: kindItem === null ? currentKind : kindItem.from,
      assignee: assigneeItem === null ? issue.assignee : assigneeItem.from,
      reporter: issue.reporter,
      resolution: resolutionItem === null ? (issue.resolution?.id ?? null) : (resolutionItem.from ?? resolutionItem.fromString),
      fields: {},
    },
    statuses: [...statuses.values()],
    kindField: kindKey,
    changelog,
    comments: (issue.comments ?? []).map((c) => ({ id: c.id, created: c.created, author: c.author, isAgent: agentOf(c.author), isPublic: c.isPublic })),
  });
}

function toKindFromValue(raw: unknown, map: Readonly<Record<string, string>>, kinds: Config['incidentKinds']): string | null {
  return optionLevelId(raw, map, kinds);
}

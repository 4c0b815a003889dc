import type { EventBus } from './events';
import type { ChangeItem, ChangelogRecord, IssueRecord } from './state/model';
import type { JiraStore } from './state/store';

/** What every route and mutation works on. */
export interface SiteCore {
  store: JiraStore;
  bus: EventBus;
  /** Seeding may pin the instant of a mutation; REST calls use the clock. */
  at: number | null;
}

export function nowOf(core: SiteCore): number {
  return core.at ?? core.store.now();
}

/** Append one changelog entry (one history with all its items) and bump `updated`. */
export function writeChangelog(core: SiteCore, issue: IssueRecord, authorAccountId: string, items: ChangeItem[], at: number): ChangelogRecord {
  const entry: ChangelogRecord = { id: core.store.nextId('changelog'), authorAccountId, created: at, items };
  issue.changelog.push(entry);
  issue.updated = at;
  core.store.touch();
  return entry;
}

import { fail } from '../errors';
import { actorAccountId, browseChecker } from '../permissions';
import type { Actor } from '../site-contract';
import type { IssueRecord } from '../state/model';
import type { JiraStore } from '../state/store';
import { compileClause, projectHint } from './evaluate';
import type { JqlEnv } from './fields';
import { compileOrder } from './order';
import { parseJql } from './parse';

export const UNBOUNDED_JQL = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

interface Snapshot {
  owner: string;
  jql: string;
  ids: string[];
}

function ownerOf(actor: Actor): string {
  return actor.kind === 'app' ? 'app' : `user:${actor.accountId}`;
}

/**
 * Runs JQL for an actor. Each first page stores its ordered result as a snapshot that `nextPageToken` points into,
 * so paging over 50,000 issues does not re-run the query per page and pages stay consistent (as Jira's tokens do).
 */
export class SearchEngine {
  private snapshots = new Map<string, Snapshot>();
  private seq = 0;

  constructor(private readonly store: JiraStore) {}

  /** Matching issue ids in result order, visible to the actor. Throws Jira's 400 for bad or unbounded JQL. */
  run(actor: Actor, jql: string, now: number, opts: { requireBounded: boolean; sorted?: boolean }): string[] {
    const query = parseJql(jql);
    if (opts.requireBounded && query.where === null) fail(400, UNBOUNDED_JQL);
    const env: JqlEnv = { store: this.store, actor, accountId: actorAccountId(actor), now };
    const predicate = query.where ? compileClause(env, query.where) : () => true;
    const sorter = compileOrder(env, query.orderBy);
    const hint = query.where ? projectHint(env, query.where) : null;

    const candidates: IssueRecord[] = [];
    const canSee = browseChecker(this.store, actor);
    const consider = (issue: IssueRecord | undefined) => {
      if (issue && canSee(issue) && predicate(issue)) candidates.push(issue);
    };
    if (hint) {
      for (const pid of hint) for (const id of this.store.issuesByProject.get(pid) ?? []) consider(this.store.issues.get(id));
    } else {
      for (const issue of this.store.issues.values()) consider(issue);
    }
    return (opts.sorted === false ? candidates : sorter(candidates)).map((i) => i.id);
  }

  /** Keep a result for later pages; returns the snapshot id the page token carries. */
  keep(actor: Actor, jql: string, ids: string[]): string {
    const id = `s${String(++this.seq)}`;
    if (this.snapshots.size >= 64) {
      const oldest = this.snapshots.keys().next().value;
      if (oldest !== undefined) this.snapshots.delete(oldest);
    }
    this.snapshots.set(id, { owner: ownerOf(actor), jql, ids });
    return id;
  }

  /** The snapshot a token refers to, if it belongs to this actor and query. */
  resume(actor: Actor, jql: string, snapshotId: string): string[] | undefined {
    const s = this.snapshots.get(snapshotId);
    if (!s || s.owner !== ownerOf(actor) || s.jql !== jql) return undefined;
    return s.ids;
  }
}

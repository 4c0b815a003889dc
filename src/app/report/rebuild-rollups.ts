import type { Config } from '../../config';
import { rollupFromScratch, type IncidentFacts, type ReportRollup } from '../../domain/report';
import type { IssueGateway } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { evaluateIssueSla } from '../sla/evaluate-issue-sla';
import { SLA_PROPERTY_KEY } from '../sla/sla-summary';
import { incidentFactsOf, REPORT_PROPERTY_KEYS, reportFieldIds, reportTimeZoneOf } from './incident-facts-of';
import { REPORT_HEAD_SCHEMA_VERSION, type ReportRollupStore, type RollupHead } from './report-rollup-port';

/**
 * Rollups from scratch: page JQL over every incident of the project (ids only), fetch each one with its
 * full changelog and comments (the facts need the SLA history), derive the facts exactly as the event
 * hook does, and roll them up in one pass. For install/upgrade backfills and for verification (the
 * incremental rollups must equal this). Cost: 1 search call per 100 incidents + 1 GET per incident
 * (+ changelog pages beyond 100 entries); run it from a long-running function or in slices.
 */

export interface RebuildRollupsDeps {
  /** Jira as the app (sees every incident, restricted ones included). */
  readonly gateway: IssueGateway;
  readonly store: ReportRollupStore;
  /** Parallel GETs (default 4). */
  readonly concurrency?: number;
}

export interface RebuildRollupsInput {
  readonly projectKey: string;
  readonly config: Config;
  readonly catalog: SiteCatalog;
  readonly now: number;
}

export interface ComputedRollups {
  readonly rollup: ReportRollup;
  /** By issue id. */
  readonly facts: ReadonlyMap<string, IncidentFacts>;
  readonly head: RollupHead;
}

/** JQL of every incident of a project (issue type by id, so renamed types still match). */
export function incidentsJql(projectKey: string, incidentTypeId: string): string {
  return `project = "${projectKey}" AND issuetype = ${incidentTypeId}`;
}

/** Every incident's facts and the rollup they make (reads only). */
export async function computeRollupsFromJira(deps: Omit<RebuildRollupsDeps, 'store'>, input: RebuildRollupsInput): Promise<ComputedRollups> {
  const { projectKey, config, catalog, now } = input;
  const incidentType = catalog.issueTypes.incident;
  const timeZone = reportTimeZoneOf(config);
  const facts = new Map<string, IncidentFacts>();
  if (incidentType !== null) {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await deps.gateway.searchJql({ jql: `${incidentsJql(projectKey, incidentType)} ORDER BY created ASC`, maxResults: 100, ...(token === undefined ? {} : { nextPageToken: token }) });
      for (const issue of page.issues) ids.push(issue.id);
      token = page.nextPageToken ?? undefined;
    } while (token !== undefined);
    const fields = [...new Set([...reportFieldIds(catalog), ...[catalog.fields.impact, catalog.fields.urgency, catalog.fields.incidentKind].filter((f): f is string => typeof f === 'string')])];
    const properties = [SLA_PROPERTY_KEY, ...REPORT_PROPERTY_KEYS];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++];
        if (id === undefined) break;
        const issue = await deps.gateway.getIssue(id, { changelog: true, comments: true, fields, properties });
        if (issue === null || issue.issueType.id !== incidentType) continue;
        const view = evaluateIssueSla(issue, config, catalog, now);
        facts.set(issue.id, incidentFactsOf({ issue, evaluation: view?.evaluation ?? null, config, catalog }));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, worker));
  }
  const ordered = [...facts.entries()].sort(([a], [b]) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  const rollup = rollupFromScratch(
    ordered.map(([, f]) => f),
    timeZone,
  );
  const head: RollupHead = {
    schemaVersion: REPORT_HEAD_SCHEMA_VERSION,
    timeZone,
    open: rollup.open,
    restricted: ordered.filter(([, f]) => f.restricted).length,
    incidents: ordered.length,
    updatedAt: now,
  };
  return { rollup, facts: new Map(ordered), head };
}

/** Recomputes and replaces a project's rollups; returns what was written. */
export async function rebuildRollups(deps: RebuildRollupsDeps, input: RebuildRollupsInput): Promise<ComputedRollups> {
  const computed = await computeRollupsFromJira(deps, input);
  await deps.store.replace({ projectKey: input.projectKey, head: computed.head, days: computed.rollup.days, facts: computed.facts });
  return computed;
}

import { route } from '@forge/api';
import { z } from 'zod';
import { getReport } from '../../app/report/get-report';
import type { ReportRollupStore } from '../../app/report/report-rollup-port';
import type { SiteCatalog } from '../../app/ports/setup-store';
import { RESOLVER_KEYS, ReportGetPayloadSchema, type Envelope, type ReportGetResult } from '../../contracts';
import { forgeJiraFetch } from '../../jira/forge-fetch';
import { JiraClient } from '../../jira/jira-client';
import { KvsReportRollupStore } from '../storage/report-rollup-store';
import type { Backend } from '../wiring';
import { requireBrowse } from './authorize';
import { projectOf, resolverSpec } from './define-resolver';
import { fail, ok } from './resolver-errors';
import { loadConfigFor } from './load-config';

/** What `report/get` needs beyond the common resolver deps. */
export interface ReportDeps {
  readonly store: ReportRollupStore;
  /** `POST /rest/api/3/search/approximate-count` AS THE VIEWER (Jira applies their issue security). */
  readonly countAsUser: (jql: string) => Promise<number>;
  /** The project's catalog from setup (KVS), null before setup. */
  readonly catalogOf: (projectKey: string) => Promise<SiteCatalog | null>;
}

const ApproximateCountSchema = z.object({ count: z.number().int().nonnegative() });

/** Production report deps over the composition root's stores and the real `@forge/api`. */
export function reportDeps(backend: Backend): ReportDeps {
  const userClient = new JiraClient({ fetch: forgeJiraFetch('user'), now: () => backend.clock.now() });
  return {
    store: new KvsReportRollupStore(),
    countAsUser: async (jql) => {
      const r = await userClient.send('POST', route`/rest/api/3/search/approximate-count`, { body: { jql }, schema: ApproximateCountSchema, idempotent: true });
      return r?.count ?? 0;
    },
    catalogOf: async (projectKey) => (await backend.setup.load(projectKey))?.catalog ?? null,
  };
}

/**
 * `report/get`: the project report page's one call. Jira calls, all as the viewer: the browse check
 * (`/mypermissions`), the restricted-incident count when the project has any, and one JQL page of
 * breached incidents when the period has breaches: at most 3. KVS reads O(days).
 */
export const reportGet = resolverSpec({
  key: RESOLVER_KEYS.reportGet,
  payload: ReportGetPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<ReportGetResult>> {
    const project = projectOf(ctx, payload.projectKey);
    if (!project.ok) return project.envelope;
    const report = deps.report;
    if (report === undefined || report === null) return fail('not-implemented', { detail: 'report/get: the report deps are not wired' });
    const auth = await requireBrowse(deps, ctx, project.projectKey);
    if (!auth.ok) return auth.envelope;
    const loaded = await loadConfigFor(deps, project.projectKey);
    if (!loaded.ok) return loaded.envelope;
    const config = loaded.config;
    const outcome = await getReport(
      { store: report.store, asUser: deps.gateways.asUser, countAsUser: report.countAsUser, now: () => deps.clock.now() },
      { projectKey: project.projectKey, payload, config, catalog: await report.catalogOf(project.projectKey) },
    );
    if (!outcome.ok) return fail('invalid-payload', { fieldErrors: [...outcome.fieldErrors] });
    return ok(outcome.result);
  },
});

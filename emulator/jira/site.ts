import type { SiteCore } from './core';
import { JiraError } from './errors';
import { EventBus } from './events';
import { SearchEngine } from './jql/search';
import { applyManifest, loadManifest, type ManifestInput } from './manifest';
import { commentRoutes } from './routes/comments';
import { fieldContextRoutes } from './routes/field-contexts';
import { fieldRoutes } from './routes/fields';
import { issueTypeSchemeRoutes } from './routes/issue-type-schemes';
import { issueRoutes } from './routes/issues';
import { linkRoutes } from './routes/links';
import { metaRoutes } from './routes/meta';
import { projectRoutes } from './routes/projects';
import { propertyRoutes } from './routes/properties';
import { Router, type Route } from './routes/router';
import { searchRoutes } from './routes/search';
import { userRoutes } from './routes/users';
import { workflowRoutes } from './routes/workflow';
import { createSeeder, type Seeder } from './seed';
import type { Clock, ForgeProductEvent, JiraSite, SiteRequest, SiteResponse } from './site-contract';
import type { NotificationRecord } from './state/model';
import { JiraStore } from './state/store';

export interface JiraSiteOptions {
  clock: Clock;
  /**
   * The app manifest: a parsed object, a path to manifest.yml, or null for none.
   * Default: ./manifest.yml if it exists.
   */
  manifest?: ManifestInput | string | null;
  /** Origin for `self` links. Default https://incident-desk.atlassian.net. */
  baseUrl?: string;
}

/** The in-memory Jira: JiraSite plus typed seeding and read-outs for the runtime, demo and tests. */
export interface EmulatedJira extends JiraSite {
  /** Synchronous form of `request` (seeding and benches use it to avoid a microtask per call). */
  handle(req: SiteRequest): SiteResponse;
  readonly seed: Seeder;
  /** Every `POST /issue/{id}/notify` so far, oldest first. */
  notifications(): readonly NotificationRecord[];
  /** Direct access to the state, for assertions; mutate it only through `seed` or `request`. */
  readonly store: JiraStore;
}

const REMOVED_SEARCH: Route[] = (['GET', 'POST'] as const).map((method) => ({
  method,
  pattern: '/rest/api/3/search',
  handler: () => ({
    status: 410,
    body: {
      errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046'],
      errors: {},
    },
  }),
}));

export function createJiraSite(options: JiraSiteOptions): EmulatedJira {
  const store = new JiraStore(options.clock, options.baseUrl ?? 'https://incident-desk.atlassian.net');
  const core: SiteCore = { store, bus: new EventBus(), at: null };
  const search = new SearchEngine(store);
  const manifest = loadManifest(options.manifest);
  if (manifest) applyManifest(core, manifest);

  const router = new Router().add([
    ...issueRoutes,
    ...workflowRoutes,
    ...commentRoutes,
    ...propertyRoutes,
    ...linkRoutes,
    ...searchRoutes,
    ...projectRoutes,
    ...metaRoutes,
    ...fieldRoutes,
    ...fieldContextRoutes,
    ...issueTypeSchemeRoutes,
    ...userRoutes,
    ...REMOVED_SEARCH,
  ]);

  const handle = (req: SiteRequest): SiteResponse => {
    const url = new URL(req.path, 'http://jira.local');
    const path = url.pathname;
    const match = router.match(req.method, path);
    if (match === undefined) {
      return { status: 404, body: { errorMessages: [`The emulated Jira does not implement ${req.method} ${path}.`], errors: {} } };
    }
    if (match === 'method-not-allowed') {
      return { status: 405, body: { errorMessages: [`Method ${req.method} is not allowed for ${path}.`], errors: {} } };
    }
    if (req.actor.kind === 'user' && !store.users.get(req.actor.accountId)?.active) {
      return { status: 401, body: { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} } };
    }
    try {
      return match.handler({ core, search, actor: req.actor, params: match.params, query: url.searchParams, body: req.body });
    } catch (err) {
      if (err instanceof JiraError) {
        return { status: err.status, headers: { 'content-type': 'application/json', ...err.headers }, body: err.body };
      }
      throw err;
    }
  };

  const site: EmulatedJira = {
    request: (req) => {
      try {
        return Promise.resolve(handle(req));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    },
    onEvent: (listener: (event: ForgeProductEvent) => void) => core.bus.on(listener),
    handle,
    seed: createSeeder(core, handle),
    notifications: () => store.notifications,
    store,
  };
  return site;
}

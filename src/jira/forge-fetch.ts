import api from '@forge/api';
import type { JiraFetch, JiraRequestInit, JiraResponseLike, RouteLike } from './jira-client';

/**
 * `requestJira` of the real `@forge/api`, as the app or as the invoking user. Routes must come from
 * `@forge/api`'s `route` tag: it refuses path manipulation, and requestJira refuses anything else.
 */
export function forgeJiraFetch(actor: 'app' | 'user'): JiraFetch {
  return async (route: RouteLike, init: JiraRequestInit): Promise<JiraResponseLike> => {
    // `route` is a real Route (requireSafeUrl checks at run time): the gateway builds it with the `route` tag.
    const requester = actor === 'app' ? api.asApp() : api.asUser();
    return requester.requestJira(route, { method: init.method, headers: init.headers, ...(init.body === undefined ? {} : { body: init.body }) });
  };
}

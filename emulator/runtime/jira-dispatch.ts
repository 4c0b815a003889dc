import type { Actor, JiraSite, SiteRequest, SiteResponse } from '../jira/site-contract';
import type { Clock } from '../jira/site-contract';
import { faultResponse, type FaultSwitch } from './faults';

/** One Jira REST call as it reached the site (SDK transport or HTTP), for tests to inspect. */
export interface JiraCallRecord {
  at: number;
  via: 'sdk' | 'http' | 'bridge';
  actor: Actor;
  method: SiteRequest['method'];
  path: string;
  status: number;
  faultRuleId?: number;
}

export interface JiraDispatchDeps {
  site: () => JiraSite;
  faults: FaultSwitch;
  clock: Clock;
  calls: JiraCallRecord[];
}

/** Keep the call log bounded so a long demo does not grow without limit. */
const MAX_CALLS = 5000;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Apply the fault switch, then hand the request to the in-memory Jira. */
export async function dispatchJira(deps: JiraDispatchDeps, req: SiteRequest, via: JiraCallRecord['via']): Promise<SiteResponse> {
  const hit = deps.faults.take('jira', req.method, req.path);
  let response: SiteResponse;
  if (hit && hit.effect.kind !== 'latency') {
    response = faultResponse('jira', hit.effect);
  } else {
    if (hit?.effect.kind === 'latency') await sleep(hit.effect.ms);
    response = await deps.site().request(req);
  }
  deps.calls.push({
    at: deps.clock.now(),
    via,
    actor: req.actor,
    method: req.method,
    path: req.path,
    status: response.status,
    ...(hit ? { faultRuleId: hit.ruleId } : {}),
  });
  if (deps.calls.length > MAX_CALLS) deps.calls.splice(0, deps.calls.length - MAX_CALLS);
  return response;
}

/** Turn a site response into a WHATWG Response, as the Forge proxy hands it to the SDK. */
export function toFetchResponse(res: SiteResponse): Response {
  const headers = new Headers(res.headers ?? {});
  const noBody = res.body === undefined || res.status === 204 || res.status === 304;
  if (!noBody && !headers.has('content-type')) headers.set('content-type', 'application/json;charset=UTF-8');
  return new Response(noBody ? null : JSON.stringify(res.body), { status: res.status, headers });
}

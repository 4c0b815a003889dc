import { route } from '@forge/api';
import { z } from 'zod';
import { getIncidentReport, postIncidentReport, type IncidentReportDeps, type IncidentReportFailure } from '../../app/incident';
import {
  IncidentReportGetPayloadSchema,
  IncidentReportPostPayloadSchema,
  RESOLVER_KEYS,
  type Envelope,
  type FieldError,
  type IncidentReportGetResult,
  type IncidentReportPostResult,
} from '../../contracts';
import type { ReportLocale } from '../../domain/incident';
import { forgeJiraFetch } from '../../jira/forge-fetch';
import { JiraClient } from '../../jira/jira-client';
import { kvsIncidentCounterStore } from '../storage/incident-counter-store';
import { KvsSetupStore } from '../storage/setup-store';
import type { CallContext } from './call-context';
import { resolverSpec } from './define-resolver';
import type { ResolverDeps } from './resolver-deps';
import { fail, ok } from './resolver-errors';

/**
 * `incident-report/get` and `incident-report/post-comment` (see src/app/incident): the incident is read
 * and the comment posted AS THE USER.
 */

const UserBulkSchema = z.looseObject({ values: z.array(z.looseObject({ accountId: z.string(), displayName: z.string().optional() })) });
/** Jira's /user/bulk takes up to 90 account ids per page; a report names far fewer people. */
const USER_BULK_MAX = 90;

/** Display names through `GET /rest/api/3/user/bulk` as the user (one call). */
function userNamesAsUser(deps: ResolverDeps): IncidentReportDeps['userNames'] {
  return async (accountIds) => {
    const client = new JiraClient({ fetch: forgeJiraFetch('user'), now: () => deps.clock.now() });
    const query = new URLSearchParams({ maxResults: String(USER_BULK_MAX) });
    for (const id of accountIds.slice(0, USER_BULK_MAX)) query.append('accountId', id);
    const page = await client.get(route`/rest/api/3/user/bulk?${query}`, UserBulkSchema);
    const out: Record<string, string> = {};
    for (const u of page.values) if (u.displayName !== undefined && u.displayName !== '') out[u.accountId] = u.displayName;
    return out;
  };
}

function reportDeps(deps: ResolverDeps): IncidentReportDeps {
  const setup = new KvsSetupStore();
  return {
    gateway: deps.gateways.asUser,
    configs: deps.configs,
    catalogOf: async (projectKey) => (await setup.load(projectKey))?.catalog ?? null,
    counters: kvsIncidentCounterStore,
    userNames: userNamesAsUser(deps),
    clock: deps.clock,
  };
}

type Caller = { readonly ok: true; readonly issueKey: string; readonly locale: ReportLocale } | { readonly ok: false; readonly envelope: Envelope<never> };

/** The caller's Jira locale decides the language unless the payload names one. */
export const reportLocaleOf = (ctxLocale: string | null): ReportLocale => (ctxLocale !== null && ctxLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en');

function callerOf(ctx: CallContext, payload: { readonly issueKey?: string | undefined; readonly locale?: ReportLocale | undefined }): Caller {
  if (ctx.accountId === null) return { ok: false, envelope: fail('forbidden', { message: { ja: 'ログインしてから操作してください。', en: 'Please log in first.' } }) };
  const issueKey = payload.issueKey ?? ctx.issueKey;
  if (issueKey === null) {
    const fieldErrors: FieldError[] = [{ path: 'issueKey', message: { ja: 'issueKey は必須ですが、指定されていません。', en: 'issueKey is required but missing.' } }];
    return { ok: false, envelope: fail('invalid-payload', { fieldErrors }) };
  }
  return { ok: true, issueKey, locale: payload.locale ?? reportLocaleOf(ctx.locale) };
}

function failureEnvelope(failure: IncidentReportFailure): Envelope<never> {
  switch (failure.code) {
    case 'not-found':
      return fail('not-found', { message: failure.message });
    case 'not-set-up':
    case 'not-an-incident':
      return fail('forbidden', { message: failure.message, meta: { reason: failure.code } });
    case 'invalid-config':
      return fail('invalid-config', { message: failure.message });
    case 'missing-fields':
      return fail('conflict', {
        message: failure.message,
        fieldErrors: failure.missing.map((m) => ({ path: m.field, message: m.message })),
        meta: { reason: 'missing-fields', missing: failure.missing.map((m) => m.field) },
      });
  }
}

export const incidentReportGet = resolverSpec({
  key: RESOLVER_KEYS.incidentReportGet,
  payload: IncidentReportGetPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<IncidentReportGetResult>> {
    const caller = callerOf(ctx, payload);
    if (!caller.ok) return caller.envelope;
    const out = await getIncidentReport(reportDeps(deps), caller);
    return out.ok ? ok(out.value) : failureEnvelope(out.failure);
  },
});

export const incidentReportPostComment = resolverSpec({
  key: RESOLVER_KEYS.incidentReportPostComment,
  payload: IncidentReportPostPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<IncidentReportPostResult>> {
    const caller = callerOf(ctx, payload);
    if (!caller.ok) return caller.envelope;
    const out = await postIncidentReport(reportDeps(deps), { ...caller, force: payload.force === true });
    return out.ok ? ok(out.value) : failureEnvelope(out.failure);
  },
});

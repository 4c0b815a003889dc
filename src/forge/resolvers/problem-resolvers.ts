import { createProblemFromIncidents, getProblemView, linkIncidentToProblem, type ProblemFailure, type ProblemServiceDeps } from '../../app/problem';
import {
  ProblemCreatePayloadSchema,
  ProblemGetPayloadSchema,
  ProblemLinkPayloadSchema,
  RESOLVER_KEYS,
  type Envelope,
  type FieldError,
  type ProblemCreateResult,
  type ProblemGetResult,
  type ProblemLinkResult,
} from '../../contracts';
import { defaultConfig } from '../../config';
import { KvsSetupStore } from '../storage/setup-store';
import type { CallContext } from './call-context';
import { resolverSpec } from './define-resolver';
import type { ResolverDeps } from './resolver-deps';
import { fail, ok } from './resolver-errors';

/**
 * `problem/get`, `problem/link`, `problem/create-from-incidents` (see src/app/problem/problem-service.ts).
 * Issue data is read and written as the invoking user; the project and issue come from the context.
 */

function serviceDeps(deps: ResolverDeps): ProblemServiceDeps {
  const setup = new KvsSetupStore();
  return {
    gateways: deps.gateways,
    catalogOf: async (projectKey) => (await setup.load(projectKey))?.catalog ?? null,
    configOf: async (projectKey) => {
      const loaded = await deps.configs.load(projectKey);
      return loaded.kind === 'ok' ? loaded.config : loaded.kind === 'missing' ? defaultConfig() : null;
    },
    clock: deps.clock,
  };
}

const loginFirst = (): Envelope<never> => fail('forbidden', { message: { ja: 'ログインしてから操作してください。', en: 'Please log in first.' } });
const missing = (path: string): Envelope<never> => {
  const fieldErrors: FieldError[] = [{ path, message: { ja: `${path} は必須ですが、指定されていません。`, en: `${path} is required but missing.` } }];
  return fail('invalid-payload', { fieldErrors });
};

function failureEnvelope(f: ProblemFailure): Envelope<never> {
  const fieldErrors: FieldError[] | undefined = f.path === undefined ? undefined : [{ path: f.path, message: f.message }];
  switch (f.code) {
    case 'not-found':
      return fail('not-found', { message: f.message, ...(fieldErrors === undefined ? {} : { fieldErrors }) });
    case 'not-set-up':
      return fail('not-found', { message: f.message, meta: { reason: 'not-set-up' } });
    case 'invalid':
    case 'too-many':
      return fail('invalid-payload', { message: f.message, ...(fieldErrors === undefined ? {} : { fieldErrors }), meta: { reason: f.code } });
    case 'invalid-config':
      return fail('invalid-config', { message: f.message });
  }
}

const langOf = (ctx: CallContext): 'ja' | 'en' => (ctx.locale !== null && ctx.locale.toLowerCase().startsWith('en') ? 'en' : 'ja');
const projectOfKey = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));

export const problemGet = resolverSpec({
  key: RESOLVER_KEYS.problemGet,
  payload: ProblemGetPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<ProblemGetResult>> {
    if (ctx.accountId === null) return loginFirst();
    const issueKey = payload.issueKey ?? ctx.issueKey;
    if (issueKey === null) return missing('issueKey');
    const r = await getProblemView(serviceDeps(deps), issueKey);
    return r.ok ? ok(r.value) : failureEnvelope(r.failure);
  },
});

export const problemLink = resolverSpec({
  key: RESOLVER_KEYS.problemLink,
  payload: ProblemLinkPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<ProblemLinkResult>> {
    if (ctx.accountId === null) return loginFirst();
    const incidentKey = payload.incidentKey ?? ctx.issueKey;
    if (incidentKey === null) return missing('incidentKey');
    const r = await linkIncidentToProblem(serviceDeps(deps), { incidentKey, problemKey: payload.problemKey });
    return r.ok ? ok(r.value) : failureEnvelope(r.failure);
  },
});

export const problemCreateFromIncidents = resolverSpec({
  key: RESOLVER_KEYS.problemCreateFromIncidents,
  payload: ProblemCreatePayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<ProblemCreateResult>> {
    if (ctx.accountId === null) return loginFirst();
    if (payload.issueKeys !== undefined && payload.jql !== undefined) {
      const message = { ja: 'issueKeys と jql はどちらか一方だけ指定してください。', en: 'Give either issueKeys or jql, not both.' };
      return fail('invalid-payload', { message, fieldErrors: [{ path: 'jql', message }] });
    }
    const issueKeys = payload.issueKeys ?? (payload.jql === undefined && ctx.issueKey !== null ? [ctx.issueKey] : undefined);
    const projectKey = ctx.projectKey ?? (ctx.issueKey === null ? null : projectOfKey(ctx.issueKey)) ?? (issueKeys?.[0] === undefined ? null : projectOfKey(issueKeys[0]));
    if (projectKey === null) return missing(payload.jql === undefined ? 'issueKeys' : 'projectKey');
    const r = await createProblemFromIncidents(serviceDeps(deps), {
      projectKey,
      lang: langOf(ctx),
      ...(issueKeys === undefined ? {} : { issueKeys }),
      ...(payload.jql === undefined ? {} : { jql: payload.jql }),
      ...(payload.summary === undefined ? {} : { summary: payload.summary }),
    });
    return r.ok ? ok(r.value) : failureEnvelope(r.failure);
  },
});

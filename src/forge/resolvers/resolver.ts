import Resolver from '@forge/resolver';
import type * as z from 'zod/mini';
import { configExport, configGet, configHistory, configImport, configRestore, configSave } from './config-resolvers';
import { defaultResolverDeps } from './default-deps';
import { defineResolvers, type ResolverSpec } from './define-resolver';
import { evidenceAdd, evidenceList } from './evidence-resolvers';
import { incidentReportGet, incidentReportPostComment } from './incident-report-resolvers';
import { incidentSimilar } from './incident-resolvers';
import { problemCreateFromIncidents, problemGet, problemLink } from './problem-resolvers';
import { appPing, priorityPreview, setupRun, setupStatus } from './misc-resolvers';
import { priorityOverride } from './priority-resolvers';
import { reportGet } from './report-resolvers';
import type { ResolverDeps } from './resolver-deps';
import { slaGet } from './sla-resolvers';

/** Every resolver key the Custom UI can invoke (contracts in src/contracts/resolvers.ts). */
export const RESOLVER_SPECS: readonly ResolverSpec<z.ZodMiniType, unknown>[] = [
  appPing,
  slaGet,
  configGet,
  configSave,
  configHistory,
  configRestore,
  configExport,
  configImport,
  setupRun,
  setupStatus,
  priorityPreview,
  reportGet,
  evidenceList,
  evidenceAdd,
  incidentSimilar,
  priorityOverride,
  incidentReportGet,
  incidentReportPostComment,
  problemGet,
  problemLink,
  problemCreateFromIncidents,
] as readonly ResolverSpec<z.ZodMiniType, unknown>[];

/** A resolver handler over the given deps (tests pass their own; production uses {@link handler}). */
export function createResolverHandler(depsFor: () => ResolverDeps = () => defaultResolverDeps()): ReturnType<Resolver['getDefinitions']> {
  const resolver = new Resolver();
  defineResolvers(resolver, RESOLVER_SPECS, depsFor);
  return resolver.getDefinitions();
}

/** The Custom UI resolver for every UI module in manifest.yml. */
export const handler = createResolverHandler();

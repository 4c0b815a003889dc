// zod/mini: the issue panel and the priority field read the config, and they have a bundle budget.
import * as z from 'zod/mini';
import type { Lang, LocalizedText } from '../i18n/locale';

/**
 * The parts of a project's config the issue-view modules show (labels, descriptions, the matrix, the
 * calendars' raw definitions). Lenient on purpose: the settings page owns validation, and an issue view
 * must still render when the admin config gains fields.
 */
const TextSchema = z.object({ ja: z.string(), en: z.string() });

const LevelSchema = z.looseObject({ id: z.string(), labels: TextSchema, descriptions: z.optional(TextSchema) });
export type LevelView = z.infer<typeof LevelSchema>;

const PriorityLevelSchema = z.looseObject({ id: z.string(), labels: TextSchema, jiraPriorityName: z.string() });
export type PriorityLevelView = z.infer<typeof PriorityLevelSchema>;

const MetricLabelSchema = z.looseObject({ id: z.string(), kind: z.string(), labels: TextSchema });
const PolicyViewSchema = z.looseObject({ id: z.string(), labels: TextSchema, metrics: z.array(MetricLabelSchema) });

export const ConfigViewSchema = z.looseObject({
  impact: z.looseObject({ levels: z.array(LevelSchema) }),
  urgency: z.looseObject({ levels: z.array(LevelSchema) }),
  priorityLevels: z.array(PriorityLevelSchema),
  matrix: z.array(z.array(z.string())),
  incidentKinds: z.catch(z.array(LevelSchema), []),
  calendars: z.catch(z.array(z.unknown()), []),
  slaPolicies: z.catch(z.array(PolicyViewSchema), []),
});
export type ConfigView = z.infer<typeof ConfigViewSchema>;

/** `config/get` as the issue-view modules read it: the config (null when unreadable) and whether the viewer administers the project. */
export const ConfigGetViewSchema = z.object({
  projectKey: z.string(),
  state: z.string(),
  version: z.number(),
  config: z.catch(z.nullable(ConfigViewSchema), null),
  canEdit: z.boolean(),
});
export type ConfigGetView = z.infer<typeof ConfigGetViewSchema>;

/**
 * The label of a metric from the policy (the SLA result carries only ids), or null to fall back to the kind's text.
 *
 * @example metricLabel(config, 'standard', 'first-response', 'ja') // '初回応答時間'
 */
export function metricLabel(config: ConfigView | null, policyId: string | null, metricId: string, lang: Lang): string | null {
  if (config === null) return null;
  const policies = policyId === null ? config.slaPolicies : config.slaPolicies.filter((p) => p.id === policyId);
  for (const p of policies) {
    const m = p.metrics.find((x) => x.id === metricId);
    if (m !== undefined) return m.labels[lang];
  }
  return null;
}

/** A bilingual text in one language, or '' when absent. */
export function textIn(text: LocalizedText | undefined, lang: Lang): string {
  return text === undefined ? '' : text[lang];
}

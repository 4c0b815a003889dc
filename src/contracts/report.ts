// zod/mini, like the other contracts: the report page (static/reports) parses what it gets with these.
import * as z from 'zod/mini';
import { LocalizedTextSchema } from './envelope';

/**
 * report/get: the project report page's one call. The backend answers from incremental rollups (per
 * local day x dimension combination, kept by the triggers), so the cost is O(days), not O(incidents).
 * Restricted (security) incidents are counted only when the viewer may see them (`restrictedIncluded`).
 */

const ProjectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/));
/** A local calendar day in the project's report time zone. */
const LocalDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** An empty or missing list admits every value; `null` in a list selects incidents without a value. */
const DimFilter = z.optional(z.array(z.nullable(z.string().check(z.maxLength(255)))).check(z.maxLength(100)));

export const ReportFilterViewSchema = z.strictObject({
  kinds: DimFilter,
  priorities: DimFilter,
  services: DimFilter,
  categories: DimFilter,
  teams: DimFilter,
});
export type ReportFilterView = z.infer<typeof ReportFilterViewSchema>;

export const ReportGetPayloadSchema = z.strictObject({
  projectKey: z.optional(ProjectKeySchema),
  /** Inclusive local days; at most 3660 days. */
  period: z.strictObject({ from: LocalDay, to: LocalDay }),
  filter: z.optional(ReportFilterViewSchema),
  /** How many problems to list (default 10). */
  topProblems: z.optional(z.int().check(z.minimum(0), z.maximum(100))),
  /** How many breached incidents to list (default 50). */
  breachedLimit: z.optional(z.int().check(z.minimum(0), z.maximum(200))),
});
export type ReportGetPayload = z.infer<typeof ReportGetPayloadSchema>;

const Count = z.int().check(z.minimum(0));
const MeanDurationViewSchema = z.object({
  count: Count,
  /** Mean wall-clock minutes (0.01); null without data. */
  wallMinutes: z.nullable(z.number()),
  businessCount: Count,
  businessMinutes: z.nullable(z.number()),
});
const FrequencyRowViewSchema = z.object({ value: z.nullable(z.string()), count: Count });

export const SlaComplianceViewSchema = z.object({
  metricId: z.string(),
  /** The metric's name from the SLA policy, when it still exists. */
  label: z.optional(LocalizedTextSchema),
  met: Count,
  breached: Count,
  running: Count,
  paused: Count,
  /** met / (met + breached); null when nothing was met or breached. */
  compliance: z.nullable(z.number()),
});

export const BreachedIncidentViewSchema = z.object({
  key: z.string(),
  summary: z.optional(z.string()),
  priority: z.optional(z.nullable(z.string())),
  /** Who is responsible: the current assignee (null = unassigned). */
  assignee: z.nullable(z.object({ accountId: z.string(), displayName: z.string() })),
  /** SLA metric ids breached on this incident. */
  metrics: z.array(z.string()),
  status: z.optional(z.string()),
});

export const ReportGetResultSchema = z.object({
  period: z.object({ from: LocalDay, to: LocalDay, days: Count }),
  /** The IANA zone the local days are counted in. */
  timeZone: z.string(),
  totals: z.object({ opened: Count, closed: Count, openAtEnd: z.int(), recurringOpened: Count }),
  /** One row per day of the period, zero days included. */
  trend: z.array(z.object({ day: LocalDay, opened: Count, closed: Count })),
  sla: z.array(SlaComplianceViewSchema),
  /** The formula, stated on the page. */
  complianceFormula: LocalizedTextSchema,
  mtta: MeanDurationViewSchema,
  mttr: MeanDurationViewSchema,
  frequency: z.object({
    byKind: z.array(FrequencyRowViewSchema),
    byPriority: z.array(FrequencyRowViewSchema),
    byService: z.array(FrequencyRowViewSchema),
    byCategory: z.array(FrequencyRowViewSchema),
    byTeam: z.array(FrequencyRowViewSchema),
  }),
  /** recurringOpened / opened; null when nothing was opened. */
  recurrenceRate: z.nullable(z.number()),
  topProblems: z.array(z.object({ problemKey: z.string(), incidents: Count, summary: z.optional(z.string()) })),
  breachedIncidents: z.array(BreachedIncidentViewSchema),
  /** Whether restricted (security) incidents are counted for this viewer. */
  restrictedIncluded: z.boolean(),
  /** Every value seen per dimension (for the filter pickers). */
  options: z.object({
    kinds: z.array(z.string()),
    priorities: z.array(z.string()),
    services: z.array(z.string()),
    categories: z.array(z.string()),
    teams: z.array(z.string()),
  }),
  /** JQL for drill-down links (open in Jira's issue search): opened / closed / breached in the period. */
  drilldown: z.object({ opened: z.string(), closed: z.string(), breached: z.string() }),
  /** When the rollups were last updated (epoch ms); null when nothing was recorded yet. */
  asOf: z.nullable(z.number()),
});
export type ReportGetResult = z.infer<typeof ReportGetResultSchema>;

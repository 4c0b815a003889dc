import * as z from 'zod/mini';
import type { PlainMessageKey } from '../../../shared/i18n/translate';

/** Incident kinds of the seed config (src/config/v1/schema.ts INCIDENT_KIND_IDS). */
export const INTAKE_KINDS = ['inquiry', 'failure', 'security'] as const;
export type IntakeKind = (typeof INTAKE_KINDS)[number];

export interface ChecklistItem {
  readonly id: string;
  /** What to ask, as a short label. */
  readonly label: PlainMessageKey;
  /** The question to put to the reporter. */
  readonly hint: PlainMessageKey;
}

const common: readonly ChecklistItem[] = [
  { id: 'since-when', label: 'intake.item.sinceWhen', hint: 'intake.hint.sinceWhen' },
  { id: 'who', label: 'intake.item.who', hint: 'intake.hint.who' },
  { id: 'scope', label: 'intake.item.scope', hint: 'intake.hint.scope' },
  { id: 'cannot-do', label: 'intake.item.cannotDo', hint: 'intake.hint.cannotDo' },
];

const security: readonly ChecklistItem[] = [
  { id: 'suspicious-mail', label: 'intake.item.suspiciousMail', hint: 'intake.hint.suspiciousMail' },
  { id: 'device-behaviour', label: 'intake.item.deviceBehaviour', hint: 'intake.hint.deviceBehaviour' },
  { id: 'login-history', label: 'intake.item.loginHistory', hint: 'intake.hint.loginHistory' },
];

/**
 * The intake questions first-line staff ask for each kind of incident (from the seed: since when, who,
 * scope, what cannot be done; a security incident also needs the suspicious mail, the device's behaviour
 * and the login history).
 *
 * @example checklistFor('security').map((i) => i.id) // ['since-when', 'who', 'scope', 'cannot-do', 'suspicious-mail', 'device-behaviour', 'login-history']
 */
export function checklistFor(kind: IntakeKind): readonly ChecklistItem[] {
  switch (kind) {
    case 'inquiry':
    case 'failure':
      return common;
    case 'security':
      return [...common, ...security];
  }
}

const loose = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The incident's kind from what the issue carries: the "Incident kind" select (its option text is
 * "ja / en" or one of them, or the kind id), else a `kind-<id>` label. Null when nothing says.
 *
 * @example detectKind({ labels: ['kind-security'], kindOption: null }, kinds) // 'security'
 * @example detectKind({ labels: [], kindOption: '障害 / Failure' }, kinds) // 'failure'
 */
export function detectKind(
  issue: { readonly labels: readonly string[]; readonly kindOption: string | null },
  kinds: readonly { readonly id: string; readonly labels: { readonly ja: string; readonly en: string } }[],
): IntakeKind | null {
  const isKind = (id: string): id is IntakeKind => (INTAKE_KINDS as readonly string[]).includes(id);
  if (issue.kindOption !== null) {
    const wanted = loose(issue.kindOption);
    const found = kinds.find((k) => [k.id, k.labels.ja, k.labels.en, `${k.labels.ja} / ${k.labels.en}`].some((s) => loose(s) === wanted));
    if (found !== undefined && isKind(found.id)) return found.id;
    if (isKind(wanted)) return wanted;
  }
  for (const label of issue.labels) {
    const m = /^kind-(.+)$/.exec(label.toLowerCase());
    if (m?.[1] !== undefined && isKind(m[1])) return m[1];
  }
  return null;
}

/** Issue property holding the checklist's state (who ticked what is visible to every agent on the incident). */
export const INTAKE_PROPERTY_KEY = 'incident-desk-intake';

export const IntakeStateSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.nullable(z.enum(INTAKE_KINDS)),
  checked: z.array(z.string()),
});
export type IntakeState = z.infer<typeof IntakeStateSchema>;

/** Reads the stored property value; anything unreadable is an empty checklist (never an error for the agent). */
export function readIntakeState(raw: unknown): IntakeState {
  const parsed = z.safeParse(IntakeStateSchema, raw);
  return parsed.success ? parsed.data : { schemaVersion: 1, kind: null, checked: [] };
}

/** Ticks or unticks one item, keeping the order of the checklist stable. */
export function toggleItem(state: IntakeState, itemId: string, checked: boolean): IntakeState {
  const rest = state.checked.filter((id) => id !== itemId);
  return { ...state, checked: checked ? [...rest, itemId] : rest };
}

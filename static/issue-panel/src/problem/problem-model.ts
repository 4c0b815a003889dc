/**
 * Pure helpers of the Problem section: the "Link to problem" input is checked here before anything is
 * sent, with the same rule the resolver's contract applies.
 */

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,254}-\d{1,18}$/;

export type LinkKeyCheck = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly reason: 'empty' | 'invalid-key' | 'self' };

/**
 * Normalises what the user typed (trimmed, upper case) and checks it is an issue key other than the incident's own.
 *
 * @example checkProblemKey(' inc-42 ', 'INC-7') // { ok: true, key: 'INC-42' }
 */
export function checkProblemKey(input: string, incidentKey: string): LinkKeyCheck {
  const key = input.trim().toUpperCase();
  if (key === '') return { ok: false, reason: 'empty' };
  if (!ISSUE_KEY.test(key)) return { ok: false, reason: 'invalid-key' };
  if (key === incidentKey) return { ok: false, reason: 'self' };
  return { ok: true, key };
}

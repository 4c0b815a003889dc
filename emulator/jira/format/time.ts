/**
 * Jira renders instants as `2024-05-01T10:00:00.000+0000` (offset without a colon). The emulated site
 * renders every instant in UTC.
 */
export function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Jira's `date` fields (duedate) are plain calendar dates. */
export function jiraDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

import { jiraRequest, type JiraResult } from '../../shared/jira/jira-rest';
import { readFieldValue, type MatrixFieldValue } from './field-value';

/** Names setup gives the Impact and Urgency selects (src/app/setup/setup-definitions.ts FIELDS). */
export const INPUT_FIELD_NAMES = { impact: 'Impact', urgency: 'Urgency' } as const;

export interface InputFields {
  readonly impact: string | null;
  readonly urgency: string | null;
}

/** The ids of the Impact and Urgency selects, found by the names setup gives them. */
export async function findInputFields(): Promise<JiraResult<InputFields>> {
  const res = await jiraRequest<{ id: string; name: string; custom?: boolean }[]>('GET', '/rest/api/3/field');
  if (!res.ok) return res;
  const list = Array.isArray(res.data) ? res.data : [];
  const idOf = (name: string): string | null => list.find((f) => f.custom === true && f.name === name)?.id ?? null;
  return { ok: true, status: res.status, data: { impact: idOf(INPUT_FIELD_NAMES.impact), urgency: idOf(INPUT_FIELD_NAMES.urgency) } };
}

/** Whether the viewer may edit the issue (Jira's Edit Issues permission, asked as the viewer). */
export async function canEditIssue(issueKey: string): Promise<boolean> {
  const res = await jiraRequest<{ permissions?: { EDIT_ISSUES?: { havePermission?: boolean } } }>(
    'GET',
    `/rest/api/3/mypermissions?issueKey=${encodeURIComponent(issueKey)}&permissions=EDIT_ISSUES`,
  );
  return res.ok && res.data.permissions?.EDIT_ISSUES?.havePermission === true;
}

/** Sets Impact and Urgency as the viewer; the app's trigger then computes the priority and writes the field. */
export function saveInputs(issueKey: string, fields: InputFields, impactOption: string, urgencyOption: string): Promise<JiraResult> {
  const values: Record<string, { value: string }> = {};
  if (fields.impact !== null) values[fields.impact] = { value: impactOption };
  if (fields.urgency !== null) values[fields.urgency] = { value: urgencyOption };
  return jiraRequest('PUT', `/rest/api/3/issue/${encodeURIComponent(issueKey)}`, { fields: values });
}

/** Re-reads the field's stored value (the app writes it a moment after an edit). */
export async function readStoredValue(issueKey: string, fieldId: string): Promise<MatrixFieldValue | null> {
  const res = await jiraRequest<{ fields?: Record<string, unknown> }>('GET', `/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=${encodeURIComponent(fieldId)}`);
  return res.ok ? readFieldValue(res.data.fields?.[fieldId]) : null;
}

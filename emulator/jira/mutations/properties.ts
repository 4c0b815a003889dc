import type { SiteCore } from '../core';
import { fail } from '../errors';
import { hasProjectPermission, projectOf } from '../permissions';
import type { Actor } from '../site-contract';
import type { IssueRecord } from '../state/model';

export const MAX_PROPERTY_BYTES = 32768;

function requireEdit(core: SiteCore, actor: Actor, issue: IssueRecord): void {
  if (!hasProjectPermission(core.store, actor, projectOf(core.store, issue), 'EDIT_ISSUES')) {
    fail(403, 'You do not have permission to edit issues in this project.');
  }
}

/** Returns true when the property was created (201), false when replaced (200). No changelog, as in Jira. */
export function setIssueProperty(core: SiteCore, actor: Actor, issue: IssueRecord, key: string, value: unknown): boolean {
  requireEdit(core, actor, issue);
  if (key.length === 0 || key.length > 255) fail(400, 'The property key must be between 1 and 255 characters long.');
  if (value === undefined) fail(400, 'The property value must be a valid JSON value.');
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_PROPERTY_BYTES) fail(400, `The property value is too large; it must not be longer than ${String(MAX_PROPERTY_BYTES)} bytes.`);
  const created = !issue.properties.has(key);
  issue.properties.set(key, structuredClone(value));
  core.store.touch();
  return created;
}

export function deleteIssueProperty(core: SiteCore, actor: Actor, issue: IssueRecord, key: string): void {
  requireEdit(core, actor, issue);
  if (!issue.properties.delete(key)) fail(404, `The property with key '${key}' does not exist.`);
  core.store.touch();
}

import type { SiteCore } from '../core';
import { fail } from '../errors';
import type { IssueTypeSchemeRecord } from '../state/model';

/**
 * Issue type schemes. Every project starts on the default scheme (which holds every issue type, so new
 * types join those projects at once); `createIssueTypeScheme` gives projects a scheme of their own, whose
 * types are only what is added to it.
 */

export function createIssueTypeScheme(core: SiteCore, input: { name: string; issueTypeIds: string[]; projectIds: string[]; description?: string }): IssueTypeSchemeRecord {
  const { store } = core;
  if (input.issueTypeIds.length === 0) fail(400, 'An issue type scheme needs at least one issue type.');
  for (const id of input.issueTypeIds) if (!store.issueTypes.has(id)) fail(404, `The issue type with ID ${id} does not exist.`);
  const scheme: IssueTypeSchemeRecord = {
    id: store.nextId('issuetypescheme', 10001),
    name: input.name,
    description: input.description ?? '',
    isDefault: false,
    defaultIssueTypeId: null,
    issueTypeIds: [...new Set(input.issueTypeIds)],
  };
  store.issueTypeSchemes.set(scheme.id, scheme);
  for (const pid of input.projectIds) {
    const p = store.projects.get(pid);
    if (!p) fail(404, `The project with ID ${pid} does not exist.`);
    p.issueTypeSchemeId = scheme.id;
    p.issueTypeIds = [...scheme.issueTypeIds];
  }
  store.touch();
  return scheme;
}

/** `PUT /issuetypescheme/{id}/issuetype`: appends types (the whole request fails if one is already there). */
export function addIssueTypesToScheme(core: SiteCore, schemeId: string, issueTypeIds: string[]): void {
  const { store } = core;
  const scheme = store.issueTypeSchemes.get(schemeId);
  if (!scheme) fail(404, `The issue type scheme with ID ${schemeId} was not found.`);
  if (scheme.isDefault) fail(400, 'The default issue type scheme contains every issue type and cannot be changed.');
  for (const id of issueTypeIds) {
    if (!store.issueTypes.has(id)) fail(404, `The issue type with ID ${id} was not found.`);
    if (scheme.issueTypeIds.includes(id)) fail(400, `The issue type with ID ${id} is already in the issue type scheme.`);
  }
  scheme.issueTypeIds.push(...new Set(issueTypeIds));
  for (const p of store.projects.values()) if (p.issueTypeSchemeId === scheme.id) p.issueTypeIds = [...scheme.issueTypeIds];
  store.touch();
}

import { ADMIN_REQUIRED, fail, ISSUE_NOT_FOUND } from './errors';
import type { Actor } from './site-contract';
import { APP_ACCOUNT_ID, PERMISSION_SCHEME, type GlobalPermissionKey, type ProjectPermissionKey } from './state/defaults';
import type { IssueRecord, ProjectRecord } from './state/model';
import type { JiraStore } from './state/store';

/** The account that authors a change: the app's own account for asApp calls. */
export function actorAccountId(actor: Actor): string {
  return actor.kind === 'app' ? APP_ACCOUNT_ID : actor.accountId;
}

/** Role ids the user holds in the project, directly or through a group. */
export function rolesInProject(store: JiraStore, accountId: string, project: ProjectRecord): Set<number> {
  const groups = new Set(store.groupsOf(accountId));
  const out = new Set<number>();
  for (const [roleId, actors] of project.roleActors) {
    if (actors.users.has(accountId)) out.add(roleId);
    else for (const g of actors.groups) if (groups.has(g)) out.add(roleId);
  }
  return out;
}

export function hasGlobalPermission(store: JiraStore, actor: Actor, key: GlobalPermissionKey): boolean {
  if (actor.kind === 'app') return true;
  const user = store.users.get(actor.accountId);
  if (!user?.active) return false;
  switch (key) {
    case 'ADMINISTER':
      return store.groups.get('jira-administrators')?.members.has(actor.accountId) ?? false;
    case 'USER_PICKER':
    case 'CREATE_SHARED_OBJECTS':
      return store.groupsOf(actor.accountId).length > 0;
  }
}

export function hasProjectPermission(store: JiraStore, actor: Actor, project: ProjectRecord, key: ProjectPermissionKey): boolean {
  if (actor.kind === 'app') return true;
  if (!store.users.get(actor.accountId)?.active) return false;
  const roles = rolesInProject(store, actor.accountId, project);
  return PERMISSION_SCHEME[key].some((r) => roles.has(r));
}

/** Issue security: a restricted issue is visible only to members of its level. */
export function passesSecurityLevel(store: JiraStore, accountId: string, issue: IssueRecord, project: ProjectRecord): boolean {
  if (issue.securityLevelId === null) return true;
  const level = store.securityLevels.get(issue.securityLevelId);
  if (!level) return true;
  const m = level.members;
  if (m.users.has(accountId)) return true;
  if (m.reporter && issue.reporterId === accountId) return true;
  if (m.assignee && issue.assigneeId === accountId) return true;
  for (const g of store.groupsOf(accountId)) if (m.groups.has(g)) return true;
  if (m.roles.size > 0) for (const r of rolesInProject(store, accountId, project)) if (m.roles.has(r)) return true;
  return false;
}

export function canBrowseIssue(store: JiraStore, actor: Actor, issue: IssueRecord): boolean {
  if (actor.kind === 'app') return true;
  const project = store.projects.get(issue.projectId);
  if (!project) return false;
  return hasProjectPermission(store, actor, project, 'BROWSE_PROJECTS') && passesSecurityLevel(store, actor.accountId, issue, project);
}

/** The issue if the actor may see it; otherwise Jira's 404 (it never admits that a hidden issue exists). */
export function visibleIssue(store: JiraStore, actor: Actor, idOrKey: string): IssueRecord {
  const issue = store.issueByIdOrKey(idOrKey);
  if (!issue || !canBrowseIssue(store, actor, issue)) fail(404, ISSUE_NOT_FOUND);
  return issue;
}

export function projectOf(store: JiraStore, issue: IssueRecord): ProjectRecord {
  const p = store.projects.get(issue.projectId);
  if (!p) throw new Error(`issue ${issue.key} has no project`);
  return p;
}

/** Refuse with 403 unless the actor holds the project permission on the issue's project. */
export function requireIssuePermission(store: JiraStore, actor: Actor, issue: IssueRecord, key: ProjectPermissionKey, message: string): void {
  if (!hasProjectPermission(store, actor, projectOf(store, issue), key)) fail(403, message);
}

export function requireAdmin(store: JiraStore, actor: Actor): void {
  if (!hasGlobalPermission(store, actor, 'ADMINISTER')) fail(403, ADMIN_REQUIRED);
}

export function canBrowseProject(store: JiraStore, actor: Actor, project: ProjectRecord): boolean {
  return hasProjectPermission(store, actor, project, 'BROWSE_PROJECTS');
}

/**
 * A visibility test for many issues at once (search): browse permission is decided once per project and
 * security-level membership once per level, instead of per issue.
 */
export function browseChecker(store: JiraStore, actor: Actor): (issue: IssueRecord) => boolean {
  if (actor.kind === 'app') return () => true;
  const projectOk = new Map<string, boolean>();
  const levelStatic = new Map<string, boolean>();
  const groups = new Set(store.groupsOf(actor.accountId));
  return (issue) => {
    let ok = projectOk.get(issue.projectId);
    const project = store.projects.get(issue.projectId);
    if (!project) return false;
    if (ok === undefined) {
      ok = hasProjectPermission(store, actor, project, 'BROWSE_PROJECTS');
      projectOk.set(issue.projectId, ok);
    }
    if (!ok) return false;
    if (issue.securityLevelId === null) return true;
    const level = store.securityLevels.get(issue.securityLevelId);
    if (!level) return true;
    if ((level.members.reporter && issue.reporterId === actor.accountId) || (level.members.assignee && issue.assigneeId === actor.accountId)) return true;
    let member = levelStatic.get(level.id);
    if (member === undefined) {
      member =
        level.members.users.has(actor.accountId) ||
        [...level.members.groups].some((g) => groups.has(g)) ||
        [...rolesInProject(store, actor.accountId, project)].some((r) => level.members.roles.has(r));
      levelStatic.set(level.id, member);
    }
    return member;
  };
}

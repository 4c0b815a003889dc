import type { Config } from '../../config';
import type { Clock } from '../ports/clock';
import type { FieldInfo, IssueTypeInfo, JiraAdminGateway, NamedId } from '../ports/jira-admin-gateway';
import { isJiraApiError } from '../ports/jira-error';
import { CATALOG_FIELD_KEYS, type CatalogFieldKey, type SetupItemStatus, type SetupStatus, type SetupStore, type SiteCatalog } from '../ports/setup-store';
import { optionLevelId } from '../sla/option-levels';
import { FIELDS, ISSUE_TYPES, LINK_TYPE, optionLevels, optionText, PRIORITY_MATRIX_MODULE_KEY, type FieldDefinition } from './setup-definitions';

/**
 * Sets a project up for Incident Desk: issue types (Incident, Problem, Incident task), the incident
 * fields with their options, the fields (and the app's priority-matrix field) on the project's
 * screens, the Problem/Incident link type, and the catalog of ids the event path needs.
 *
 * Idempotent and resumable: every item is looked up first and only created when missing, so a second
 * run makes no write call at all; an item that fails is recorded (with Jira's answer, in ja and en) and
 * the others go on; the status is saved after every item, so a run cut short is simply run again.
 */

export interface RunSetupDeps {
  readonly admin: JiraAdminGateway;
  readonly store: SetupStore;
  readonly clock: Clock;
}

export interface RunSetupInput {
  readonly projectKey: string;
  readonly config: Config;
  /** accountId of the admin running it; null for the lifecycle trigger. */
  readonly runBy: string | null;
}

type ItemResult = { readonly state: 'created' | 'existing'; readonly jiraId: string | null };

class DependencyFailed extends Error {
  constructor(readonly dependency: string) {
    super(`depends on ${dependency}`);
  }
}

function errorOf(error: unknown): NonNullable<SetupItemStatus['error']> {
  if (error instanceof DependencyFailed) {
    return { ja: `前提の項目 ${error.dependency} が失敗したため実行できませんでした。`, en: `Not done because ${error.dependency} failed.`, status: 0 };
  }
  if (isJiraApiError(error)) {
    const detail = [...error.errorMessages, ...Object.values(error.errors)].join(' ') || error.kind;
    return { ja: `Jira がエラーを返しました（${String(error.status)}）: ${detail}`, en: `Jira answered ${String(error.status)}: ${detail}`, status: error.status };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ja: `予期しないエラー: ${message}`, en: `Unexpected error: ${message}`, status: 0 };
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function emptyCatalog(projectId: string, projectKey: string): SiteCatalog {
  return {
    schemaVersion: 1,
    projectId,
    projectKey,
    appAccountId: null,
    issueTypes: { incident: null, problem: null, incidentTask: null },
    fields: Object.fromEntries(CATALOG_FIELD_KEYS.map((k) => [k, null])) as Record<CatalogFieldKey, string | null>,
    options: { impact: {}, urgency: {}, incidentKind: {}, detectionChannel: {} },
    linkType: null,
    statuses: [],
  };
}

/** Per-run memo of the lists setup reads, so each is fetched once. */
class Lookups {
  private issueTypes: Promise<readonly IssueTypeInfo[]> | undefined;
  private projectTypes: Promise<readonly IssueTypeInfo[]> | undefined;
  private fields: Promise<readonly FieldInfo[]> | undefined;
  private targetTabs: Promise<{ screen: NamedId; tabs: NamedId[]; fieldIds: Set<string> }[]> | undefined;

  constructor(
    private readonly admin: JiraAdminGateway,
    private readonly projectId: string,
    private readonly projectKey: string,
  ) {}

  allIssueTypes = () => (this.issueTypes ??= this.admin.listIssueTypes());
  projectIssueTypes = () => (this.projectTypes ??= this.admin.projectIssueTypes(this.projectId));
  allFields = () => (this.fields ??= this.admin.listFields());

  /** The default screen and the project's own screens (Jira names those "<KEY>: ..."), with their fields. */
  screens = () =>
    (this.targetTabs ??= (async () => {
      const screens = (await this.admin.listScreens()).filter((s) => s.id === '1' || same(s.name, 'Default Screen') || s.name.startsWith(`${this.projectKey}:`));
      const out: { screen: NamedId; tabs: NamedId[]; fieldIds: Set<string> }[] = [];
      for (const screen of screens) {
        const tabs = [...(await this.admin.screenTabs(screen.id))];
        const fieldIds = new Set<string>();
        for (const tab of tabs) for (const id of await this.admin.tabFields(screen.id, tab.id)) fieldIds.add(id);
        out.push({ screen, tabs, fieldIds });
      }
      return out;
    })());
}

export async function runSetup(deps: RunSetupDeps, input: RunSetupInput): Promise<SetupStatus> {
  const { admin, store, clock } = deps;
  const { projectKey, config } = input;
  const startedAt = clock.now();
  const items = new Map<string, SetupItemStatus>();
  const previous = await store.load(projectKey);
  let project: { readonly id: string } | null = null;
  let projectError: NonNullable<SetupItemStatus['error']> | null = null;
  try {
    project = await admin.getProject(projectKey);
    if (project === null) projectError = { ja: `プロジェクト ${projectKey} が見つかりません。`, en: `Project ${projectKey} was not found.`, status: 404 };
  } catch (error) {
    projectError = errorOf(error);
  }
  let status: SetupStatus;
  if (project === null || projectError !== null) {
    status = {
      schemaVersion: 1,
      projectKey,
      state: 'partial',
      startedAt,
      finishedAt: clock.now(),
      runBy: input.runBy,
      items: [{ id: 'project', state: 'failed', jiraId: null, error: projectError, at: clock.now() }],
      catalog: previous?.catalog ?? emptyCatalog('', projectKey),
    };
    await store.save(status);
    return status;
  }
  const projectId = project.id;
  const catalog: SiteCatalog = { ...emptyCatalog(projectId, projectKey), ...(previous?.catalog.projectId === projectId ? { linkType: previous.catalog.linkType } : {}) };
  const look = new Lookups(admin, projectId, projectKey);

  const save = async (state: SetupStatus['state']): Promise<SetupStatus> => {
    status = { schemaVersion: 1, projectKey, state, startedAt, finishedAt: state === 'running' ? null : clock.now(), runBy: input.runBy, items: [...items.values()], catalog };
    await store.save(status);
    return status;
  };
  const step = async (id: string, run: () => Promise<ItemResult>): Promise<boolean> => {
    try {
      const r = await run();
      items.set(id, { id, state: r.state, jiraId: r.jiraId, error: null, at: clock.now() });
      return true;
    } catch (error) {
      // Rate limits and outages are worth a re-run later; other errors need an admin. Both are recorded.
      items.set(id, { id, state: 'failed', jiraId: null, error: errorOf(error), at: clock.now() });
      return false;
    } finally {
      await save('running');
    }
  };
  const failedDep = (id: string): boolean => items.get(id)?.state === 'failed';

  await step('app-account', async () => {
    catalog.appAccountId = await admin.myself();
    return { state: 'existing', jiraId: catalog.appAccountId };
  });

  for (const def of ISSUE_TYPES) {
    await step(`issue-type:${def.key}`, async () => {
      let state: ItemResult['state'] = 'existing';
      let type = (await look.allIssueTypes()).find((t) => same(t.name, def.name) && t.subtask === def.subtask);
      if (type === undefined) {
        type = await admin.createIssueType({ name: def.name, description: def.description, subtask: def.subtask });
        state = 'created';
      }
      catalog.issueTypes[def.key] = type.id;
      // A newly created type may already have joined the project (shared schemes do that).
      const inProject = state === 'created' ? await admin.projectIssueTypes(projectId) : await look.projectIssueTypes();
      if (!inProject.some((t) => t.id === type.id)) {
        await admin.addIssueTypesToProject(projectId, [type.id]);
        state = 'created';
      }
      return { state, jiraId: type.id };
    });
  }

  const ensureOptions = async (def: FieldDefinition, fieldId: string): Promise<ItemResult> => {
    const source = def.options;
    if (source === undefined) return { state: 'existing', jiraId: null };
    const levels = optionLevels(config, source);
    const contexts = await admin.fieldContexts(fieldId);
    let state: ItemResult['state'] = 'existing';
    let context: NamedId | undefined = contexts.find((c) => c.isGlobal) ?? contexts[0];
    if (context === undefined) {
      context = await admin.createFieldContext(fieldId, { name: `Incident Desk ${projectKey}`, projectIds: [projectId] });
      state = 'created';
    }
    const existing = state === 'created' ? [] : [...(await admin.contextOptions(fieldId, context.id))];
    const map: Record<string, string> = {};
    for (const o of existing) {
      const level = optionLevelId(o.value, {}, levels);
      if (level !== null && !Object.values(map).includes(level)) map[o.id] = level;
    }
    const missing = levels.filter((l) => !Object.values(map).includes(l.id));
    if (missing.length > 0) {
      for (const o of await admin.addContextOptions(fieldId, context.id, missing.map(optionText))) {
        const level = optionLevelId(o.value, {}, levels);
        if (level !== null) map[o.id] = level;
      }
      state = 'created';
    }
    catalog.options[source] = map;
    return { state, jiraId: context.id };
  };

  for (const def of FIELDS) {
    const ok = await step(`field:${def.key}`, async () => {
      const fields = await look.allFields();
      const named = fields.filter((f) => f.custom && same(f.name, def.name));
      const match = named.find((f) => f.customType === def.type);
      if (match !== undefined) {
        catalog.fields[def.key] = match.id;
        return { state: 'existing', jiraId: match.id };
      }
      if (named.length > 0) {
        throw new Error(`A field named "${def.name}" already exists with another type (${named[0]?.customType ?? '?'}); rename it or remove it.`);
      }
      const created = await admin.createField({ name: def.name, description: def.description, type: def.type, searcherKey: def.searcherKey });
      catalog.fields[def.key] = created.id;
      return { state: 'created', jiraId: created.id };
    });
    if (def.options !== undefined) {
      await step(`options:${def.key}`, () => {
        const fieldId = catalog.fields[def.key];
        if (!ok || fieldId === null) throw new DependencyFailed(`field:${def.key}`);
        return ensureOptions(def, fieldId);
      });
    }
  }

  await step('field:priority-matrix', async () => {
    const field = (await look.allFields()).find(
      (f) => f.key.endsWith(`__${PRIORITY_MATRIX_MODULE_KEY}`) || (f.customType?.endsWith(`/static/${PRIORITY_MATRIX_MODULE_KEY}`) ?? false),
    );
    if (field === undefined) throw new Error('The app field "priority-matrix" is not in Jira yet; deploy/install the app and run setup again.');
    catalog.fields.priorityMatrix = field.id;
    return { state: 'existing', jiraId: field.id };
  });

  for (const key of [...FIELDS.map((f) => f.key), 'priorityMatrix' as const]) {
    const dependency = key === 'priorityMatrix' ? 'field:priority-matrix' : `field:${key}`;
    await step(`screen:${key}`, async () => {
      const fieldId = catalog.fields[key];
      if (failedDep(dependency) || fieldId === null) throw new DependencyFailed(dependency);
      let state: ItemResult['state'] = 'existing';
      for (const target of await look.screens()) {
        const tab = target.tabs[0];
        if (tab === undefined || target.fieldIds.has(fieldId)) continue;
        await admin.addFieldToTab(target.screen.id, tab.id, fieldId);
        target.fieldIds.add(fieldId);
        state = 'created';
      }
      return { state, jiraId: fieldId };
    });
  }

  await step('link-type', async () => {
    const types = await admin.listLinkTypes();
    const found = types.find((t) => same(t.name, LINK_TYPE.name)) ?? types.find((t) => same(t.inward, LINK_TYPE.inward) && same(t.outward, LINK_TYPE.outward));
    const type = found ?? (await admin.createLinkType(LINK_TYPE));
    catalog.linkType = { id: type.id, name: type.name, inward: type.inward, outward: type.outward };
    return { state: found === undefined ? 'created' : 'existing', jiraId: type.id };
  });

  await step('statuses', async () => {
    catalog.statuses = (await admin.projectStatuses(projectKey)).map((s) => ({ id: s.id, name: s.name, category: s.category }));
    return { state: 'existing', jiraId: null };
  });

  return save([...items.values()].some((i) => i.state === 'failed') ? 'partial' : 'complete');
}

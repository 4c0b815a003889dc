import { ADF_REQUIRED, adfText, isAdfDoc } from '../format/adf';
import { failFields } from '../errors';
import { resolveOption } from './field-contexts';
import type { ChangeItem, CustomFieldRecord, IssueRecord, ProjectRecord } from '../state/model';
import type { JiraStore } from '../state/store';

/** A change to one field, validated but not yet applied. */
export interface FieldChange {
  fieldId: string;
  apply(issue: IssueRecord): ChangeItem | null;
}

export const NOT_SETTABLE = (id: string) => `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;

type Errors = Record<string, string>;

function refId(v: unknown): { id?: string; name?: string; key?: string; accountId?: string } | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const s = (k: string) => (typeof o[k] === 'string' ? o[k] : typeof o[k] === 'number' ? String(o[k]) : undefined);
  const out: { id?: string; name?: string; key?: string; accountId?: string } = {};
  const id = s('id');
  const name = s('name');
  const key = s('key');
  const accountId = s('accountId');
  if (id !== undefined) out.id = id;
  if (name !== undefined) out.name = name;
  if (key !== undefined) out.key = key;
  if (accountId !== undefined) out.accountId = accountId;
  return out;
}

const jira = (field: string, from: string | null, fromString: string | null, to: string | null, toString: string | null): ChangeItem => ({
  field,
  fieldtype: 'jira',
  fieldId: field,
  from,
  fromString,
  to,
  toString,
});

function customString(f: CustomFieldRecord, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (f.kind === 'array-string' && Array.isArray(v)) return v.join(' ');
  if (f.kind === 'user') return (refId(v)?.accountId ?? null);
  if (f.kind === 'option') return refId(v)?.name ?? (v as { value?: string }).value ?? null;
  return JSON.stringify(v);
}

/** Check a custom field value against its kind; returns an error message or null. */
export function checkCustomValue(store: JiraStore, f: CustomFieldRecord, v: unknown): string | null {
  if (v === null) return null;
  switch (f.kind) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'Operation value must be a number';
    case 'string':
      return typeof v === 'string' ? null : 'Operation value must be a string';
    case 'datetime':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? null : 'Invalid date format. Please enter the date in the format "yyyy-MM-dd\'T\'HH:mm:ss.SSSZ".';
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Invalid date format. Please enter the date in the format "yyyy-MM-dd".';
    case 'array-string':
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : 'Operation value must be an array of strings';
    case 'user': {
      const id = refId(v)?.accountId;
      return id !== undefined && store.users.has(id) ? null : `Specified user does not exist or you do not have required permissions`;
    }
    case 'option':
      return typeof v === 'object' && !Array.isArray(v) ? null : 'Specify a valid value for the option';
    case 'object':
      return typeof v === 'object' && !Array.isArray(v) ? null : 'Operation value must be an object';
    case 'any':
      return null;
  }
}

export function customChange(store: JiraStore, f: CustomFieldRecord, value: unknown): FieldChange {
  return {
    fieldId: f.id,
    apply(issue) {
      const before = issue.custom.get(f.id) ?? null;
      if (JSON.stringify(before) === JSON.stringify(value)) return null;
      if (value === null) issue.custom.delete(f.id);
      else issue.custom.set(f.id, value);
      const isObject = f.kind === 'object' || f.kind === 'any';
      const plainIds = f.kind === 'user' || f.kind === 'option';
      return {
        field: f.name,
        fieldtype: 'custom',
        fieldId: f.id,
        from: plainIds ? (refId(before)?.accountId ?? refId(before)?.id ?? null) : null,
        fromString: isObject && before !== null ? JSON.stringify(before) : customString(f, before),
        to: plainIds ? (refId(value)?.accountId ?? refId(value)?.id ?? null) : null,
        toString: isObject && value !== null ? JSON.stringify(value) : customString(f, value),
      };
    },
  };
}

export interface ParseContext {
  store: JiraStore;
  project: ProjectRecord;
  /** App calls may set app-owned fields and skip the screen check (overrideScreenSecurity). */
  isApp: boolean;
  overrideScreen: boolean;
  creating: boolean;
}

function onScreen(store: JiraStore, fieldId: string): boolean {
  for (const s of store.screens.values()) for (const t of s.tabs) if (t.fieldIds.includes(fieldId)) return true;
  return false;
}

/**
 * Turn a request's `fields` and `update` into validated changes. Collects every error first, as Jira does,
 * then fails with 400 `{errors: {field: message}}`.
 */
export function parseFieldChanges(ctx: ParseContext, fields: Record<string, unknown>, update: Record<string, unknown>): FieldChange[] {
  const { store } = ctx;
  const errors: Errors = {};
  const changes: FieldChange[] = [];
  const merged: Record<string, unknown> = { ...fields };

  for (const [fieldId, ops] of Object.entries(update)) {
    if (!Array.isArray(ops)) {
      errors[fieldId] = 'Operation value must be an array of operations';
      continue;
    }
    if (fieldId === 'labels') {
      merged.labels = { ops };
      continue;
    }
    for (const op of ops as unknown[]) {
      const o = (op ?? {}) as Record<string, unknown>;
      if ('set' in o) merged[fieldId] = o.set;
      else errors[fieldId] = `Operation '${Object.keys(o)[0] ?? ''}' is not supported for field '${fieldId}' in this emulator.`;
    }
  }

  for (const [fieldId, value] of Object.entries(merged)) {
    switch (fieldId) {
      case 'project':
      case 'issuetype':
      case 'reporter':
        if (!ctx.creating && fieldId !== 'issuetype') errors[fieldId] = NOT_SETTABLE(fieldId);
        if (fieldId === 'issuetype' && !ctx.creating) {
          const r = refId(value);
          const t = r ? (r.id !== undefined ? store.issueTypes.get(r.id) : r.name !== undefined ? store.issueTypeByName(r.name) : undefined) : undefined;
          if (!t || !ctx.project.issueTypeIds.includes(t.id)) errors.issuetype = 'Specify a valid issue type';
          else
            changes.push({
              fieldId,
              apply(issue) {
                if (issue.issueTypeId === t.id) return null;
                const before = store.issueTypes.get(issue.issueTypeId);
                issue.issueTypeId = t.id;
                return jira('issuetype', before?.id ?? null, before?.name ?? null, t.id, t.name);
              },
            });
        }
        break; // handled by create
      case 'summary': {
        if (typeof value !== 'string' || value.trim() === '') errors.summary = 'You must specify a summary of the issue.';
        else if (value.length > 255) errors.summary = 'Summary must be less than 255 characters.';
        else if (value.includes('\n')) errors.summary = 'The summary is invalid because it contains newline characters.';
        else
          changes.push({
            fieldId,
            apply(issue) {
              if (issue.summary === value) return null;
              const before = issue.summary;
              issue.summary = value;
              return jira('summary', null, before, null, value);
            },
          });
        break;
      }
      case 'description': {
        if (value !== null && !isAdfDoc(value)) errors.description = ADF_REQUIRED;
        else
          changes.push({
            fieldId,
            apply(issue) {
              if (JSON.stringify(issue.description) === JSON.stringify(value)) return null;
              const before = issue.description;
              issue.description = value;
              return jira('description', null, before === null ? null : adfText(before), null, value === null ? null : adfText(value));
            },
          });
        break;
      }
      case 'priority': {
        const r = refId(value);
        const p = r ? (r.id !== undefined ? store.priorities.get(r.id) : r.name !== undefined ? store.priorityByName(r.name) : undefined) : undefined;
        if (!p) errors.priority = 'Specify the Priority (id or name) in the correct format';
        else
          changes.push({
            fieldId,
            apply(issue) {
              if (issue.priorityId === p.id) return null;
              const before = store.priorities.get(issue.priorityId);
              issue.priorityId = p.id;
              return jira('priority', before?.id ?? null, before?.name ?? null, p.id, p.name);
            },
          });
        break;
      }
      case 'assignee': {
        const r = value === null ? null : refId(value);
        const accountId = r === null ? null : (r.accountId ?? r.id ?? '');
        if (accountId !== null && !store.users.has(accountId)) errors.assignee = `User '${accountId}' does not exist.`;
        else changes.push(assigneeChange(store, accountId));
        break;
      }
      case 'labels': {
        const ops = (value as { ops?: unknown[] } | null)?.ops;
        const labelOps: { kind: 'set' | 'add' | 'remove'; values: string[] }[] = [];
        if (ops) {
          for (const op of ops) {
            const o = (op ?? {}) as Record<string, unknown>;
            if (Array.isArray(o.set)) labelOps.push({ kind: 'set', values: o.set.map(String) });
            else if (typeof o.add === 'string') labelOps.push({ kind: 'add', values: [o.add] });
            else if (typeof o.remove === 'string') labelOps.push({ kind: 'remove', values: [o.remove] });
            else errors.labels = 'Invalid label operation';
          }
        } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
          labelOps.push({ kind: 'set', values: value });
        } else {
          errors.labels = 'Operation value must be an array of strings';
        }
        for (const op of labelOps) for (const l of op.values) if (/\s/.test(l)) errors.labels = `The label '${l}' contains spaces which is invalid.`;
        changes.push({
          fieldId,
          apply(issue) {
            let next = [...issue.labels];
            for (const op of labelOps) {
              if (op.kind === 'set') next = [...new Set(op.values)];
              else if (op.kind === 'add') next = next.includes(op.values[0] ?? '') ? next : [...next, ...op.values];
              else next = next.filter((l) => !op.values.includes(l));
            }
            const sorted = [...next].sort();
            const before = [...issue.labels].sort();
            if (sorted.join(' ') === before.join(' ')) return null;
            issue.labels = sorted;
            return jira('labels', null, before.join(' '), null, sorted.join(' '));
          },
        });
        break;
      }
      case 'duedate': {
        if (value !== null && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) errors.duedate = `Error parsing date string: ${JSON.stringify(value)}`;
        else
          changes.push({
            fieldId,
            apply(issue) {
              const v = value;
              if (issue.duedate === v) return null;
              const before = issue.duedate;
              issue.duedate = v;
              return jira('duedate', before, before, v, v);
            },
          });
        break;
      }
      case 'security': {
        const r = value === null ? null : refId(value);
        const levelId = r === null ? null : (r.id ?? '');
        const scheme = ctx.project.issueSecuritySchemeId === null ? undefined : store.securitySchemes.get(ctx.project.issueSecuritySchemeId);
        if (levelId !== null && !scheme?.levelIds.includes(levelId)) {
          errors.security = `Security level with ID '${levelId}' does not exist or is not available for this project.`;
        } else
          changes.push({
            fieldId,
            apply(issue) {
              if (issue.securityLevelId === levelId) return null;
              const before = issue.securityLevelId === null ? undefined : store.securityLevels.get(issue.securityLevelId);
              const after = levelId === null ? undefined : store.securityLevels.get(levelId);
              issue.securityLevelId = levelId;
              return jira('security', before?.id ?? null, before?.name ?? null, after?.id ?? null, after?.name ?? null);
            },
          });
        break;
      }
      default: {
        const cf = store.customFields.get(fieldId);
        const allowed = cf && (cf.appOwned ? ctx.isApp : onScreen(store, cf.id) || (ctx.isApp && ctx.overrideScreen));
        if (!cf || !allowed) {
          errors[fieldId] = NOT_SETTABLE(fieldId);
          break;
        }
        const problem = checkCustomValue(store, cf, value);
        if (problem) {
          errors[fieldId] = problem;
          break;
        }
        if (cf.kind !== 'option') {
          changes.push(customChange(store, cf, value));
          break;
        }
        const option = resolveOption(store, cf, ctx.project.id, null, value);
        if ('error' in option) errors[fieldId] = option.error;
        else changes.push(customChange(store, cf, option.value));
      }
    }
  }
  if (Object.keys(errors).length > 0) failFields(400, errors);
  return changes;
}

export function assigneeChange(store: JiraStore, accountId: string | null): FieldChange {
  return {
    fieldId: 'assignee',
    apply(issue) {
      if (issue.assigneeId === accountId) return null;
      const before = issue.assigneeId;
      issue.assigneeId = accountId;
      const name = (id: string | null) => (id === null ? null : (store.users.get(id)?.displayName ?? id));
      return jira('assignee', before, name(before), accountId, name(accountId));
    },
  };
}

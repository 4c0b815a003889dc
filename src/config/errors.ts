import type { z } from 'zod';
import { messages, valueKind, type LocalizedMessage } from './messages';
import { calendarSlaCheckMessage, type CalendarSlaCheckCode } from './v2/messages-v2';

/** Machine-readable kind of a config error; the UI may key on it, users read `message`. */
export type ConfigErrorCode =
  // From the schema (zod) stage.
  | 'missing-field'
  | 'invalid-type'
  | 'too-small'
  | 'too-big'
  | 'invalid-value'
  | 'unknown-field'
  | 'blank-text'
  | 'invalid-id'
  | 'invalid'
  // From the cross-field stage.
  | 'duplicate-id'
  | 'duplicate-label'
  | 'missing-incident-kind'
  | 'matrix-size-out-of-range'
  | 'matrix-size-mismatch'
  | 'matrix-not-rectangular'
  | 'unknown-priority'
  | 'unreferenced-priority'
  | 'unknown-calendar'
  | 'unknown-incident-kind'
  | 'unknown-metric'
  // From problem management (v4).
  | 'invalid-label'
  | 'conflicting-rules'
  | 'duplicate-rule'
  // From the calendar and SLA schemas' own checks (v2).
  | CalendarSlaCheckCode
  // From the version walk.
  | 'not-an-object'
  | 'missing-schema-version'
  | 'invalid-schema-version'
  | 'unsupported-schema-version'
  | 'no-migration-path'
  | 'migration-failed';

/**
 * One problem with a config. `path` is the field in JSON-path style (`matrix[1][2]`,
 * `impact.levels[0].labels.ja`); the empty string means the config as a whole.
 */
export interface ConfigError {
  readonly path: string;
  readonly code: ConfigErrorCode;
  readonly message: LocalizedMessage;
}

/** Codes a schema's own `.refine` checks put in `params.code`, so they get their own texts. */
export type CustomCheckCode = 'blank-text' | 'invalid-id' | 'invalid-label';

/**
 * Formats a path the way admins read it.
 *
 * @example
 * formatPath(['impact', 'levels', 0, 'labels', 'ja']); // 'impact.levels[0].labels.ja'
 * formatPath(['matrix', 1, 2]);                         // 'matrix[1][2]'
 * formatPath([]);                                        // ''
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${String(key)}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function customCode(issue: z.core.$ZodIssueCustom): CustomCheckCode | undefined {
  const code: unknown = issue.params?.['code'];
  return code === 'blank-text' || code === 'invalid-id' || code === 'invalid-label' ? code : undefined;
}

function fromZodIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): ConfigError[] {
  const full = [...prefix, ...issue.path];
  const path = formatPath(full);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? [{ path, code: 'missing-field', message: messages.missingField(path) }]
        : [{ path, code: 'invalid-type', message: messages.invalidType(path, issue.expected, valueKind(issue.input)) }];
    case 'too_small':
      return [{ path, code: 'too-small', message: messages.tooSmall(path, issue.origin, Number(issue.minimum)) }];
    case 'too_big':
      return [{ path, code: 'too-big', message: messages.tooBig(path, issue.origin, Number(issue.maximum)) }];
    case 'invalid_value':
      return [{ path, code: 'invalid-value', message: messages.invalidValue(path, issue.values) }];
    case 'unrecognized_keys':
      // One error per stray key, at the key itself: the admin sees exactly which field to fix.
      return issue.keys.map((key) => {
        const keyPath = formatPath([...full, key]);
        return { path: keyPath, code: 'unknown-field', message: messages.unknownField(keyPath) };
      });
    case 'custom': {
      const code = customCode(issue);
      if (code === 'blank-text') return [{ path, code, message: messages.blankText(path) }];
      if (code === 'invalid-id') return [{ path, code, message: messages.invalidId(path) }];
      if (code === 'invalid-label') return [{ path, code, message: messages.invalidLabel(path) }];
      const calendarSla = calendarSlaCheckMessage(issue.params?.['code'], path);
      if (calendarSla !== undefined) return [{ path, ...calendarSla }];
      return [{ path, code: 'invalid', message: messages.invalid(path) }];
    }
    case 'invalid_format':
    case 'not_multiple_of':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return [{ path, code: 'invalid', message: messages.invalid(path) }];
  }
}

/**
 * Turns zod's issues into config errors with a path and ja/en texts. Parse with `{ reportInput: true }`
 * so a missing field can be told apart from a value of the wrong type.
 *
 * @example
 * const r = z.object({ a: z.string() }).safeParse({}, { reportInput: true });
 * if (!r.success) fromZodIssues(r.error.issues);
 * // [{ path: 'a', code: 'missing-field', message: { ja: 'a は必須ですが、…', en: 'a is required but missing.' } }]
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ConfigError[] {
  return issues.flatMap((issue) => fromZodIssue(issue, prefix));
}

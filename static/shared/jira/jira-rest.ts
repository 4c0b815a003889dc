import { requestJira } from '@forge/bridge';
import type { LocalizedText } from '../i18n/locale';

/** A Jira REST answer read through the bridge: the parsed JSON body, or why it failed (ja/en). */
export type JiraResult<T = unknown> =
  | { readonly ok: true; readonly status: number; readonly data: T }
  | { readonly ok: false; readonly status: number; readonly message: LocalizedText; readonly detail: string };

/**
 * Jira's error body (`{ errorMessages: [...], errors: { field: msg } }`) as one line, so a refusal such as
 * "Field 'priority' cannot be set" reaches the user instead of a bare status code.
 *
 * @example jiraErrorText({ errorMessages: [], errors: { priority: 'cannot be set' } }) // 'priority: cannot be set'
 */
export function jiraErrorText(body: unknown): string {
  if (body === null || typeof body !== 'object') return '';
  const b = body as { errorMessages?: unknown; errors?: unknown };
  const messages = Array.isArray(b.errorMessages) ? b.errorMessages.filter((m): m is string => typeof m === 'string') : [];
  const fields =
    b.errors !== null && typeof b.errors === 'object'
      ? Object.entries(b.errors as Record<string, unknown>).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
      : [];
  return [...messages, ...fields].join('; ');
}

function failure(status: number, detail: string): JiraResult<never> {
  const message: LocalizedText =
    status === 403 || status === 401
      ? { ja: 'この操作を行う権限が Jira にありません。', en: 'Jira does not allow you to do this.' }
      : status === 404
        ? { ja: '課題が見つからないか、表示する権限がありません。', en: 'The issue does not exist or you cannot see it.' }
        : status === 400
          ? { ja: 'Jira が変更を受け付けませんでした。', en: 'Jira refused the change.' }
          : { ja: 'Jira に接続できませんでした。しばらくしてからもう一度お試しください。', en: 'Could not reach Jira. Please try again in a moment.' };
  return { ok: false, status, message, detail };
}

/**
 * Calls Jira's REST API as the viewing user (`requestJira` from @forge/bridge, so Jira's own permissions
 * apply). Never throws. `path` must already be built with encodeURIComponent for every variable part.
 *
 * @example const r = await jiraRequest('GET', `/rest/api/3/issue/${encodeURIComponent(key)}?fields=labels`);
 */
export async function jiraRequest<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<JiraResult<T>> {
  let response: Response;
  try {
    response = await requestJira(path, {
      method,
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    return failure(0, cause instanceof Error ? cause.message : String(cause));
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown = null;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) return failure(response.status, `${method} ${path}: ${String(response.status)} ${jiraErrorText(parsed) || text.slice(0, 200)}`);
  return { ok: true, status: response.status, data: parsed as T };
}

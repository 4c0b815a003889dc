import { fromZodIssues, type ConfigError } from '../../config';
import type { Envelope, FieldError, LocalizedText, ResolverError, ResolverErrorCode } from '../../contracts';
import { isJiraApiError } from '../../app/ports/jira-error';
import type { z } from 'zod/mini';

/** The default ja/en text of each error code (a handler may pass a more precise one). */
export const ERROR_MESSAGES: Readonly<Record<ResolverErrorCode, LocalizedText>> = {
  'invalid-payload': { ja: '要求の内容が正しくありません。項目ごとのエラーを確認してください。', en: 'The request is not valid. See the errors for each field.' },
  forbidden: { ja: 'この操作を行う権限がありません。', en: 'You do not have permission to do this.' },
  'not-found': { ja: '対象が見つからないか、閲覧する権限がありません。', en: 'It does not exist, or you do not have permission to see it.' },
  conflict: {
    ja: 'ほかの人が先に設定を保存しました。あなたの変更はまだ保存されていません。最新の設定を読み込んでから、もう一度適用してください。',
    en: 'Someone else saved the settings first. Your changes have not been saved yet: load the latest settings and apply them again.',
  },
  'invalid-config': { ja: '設定に誤りがあります。項目ごとのエラーを確認してください。', en: 'The settings have errors. See the errors for each field.' },
  'jira-error': { ja: 'Jira がエラーを返しました。しばらくしてからもう一度お試しください。', en: 'Jira returned an error. Please try again in a moment.' },
  'not-implemented': { ja: 'この機能はまだ利用できません。', en: 'This feature is not available yet.' },
  internal: { ja: 'Incident Desk で予期しないエラーが発生しました。', en: 'Incident Desk ran into an unexpected error.' },
};

/** A successful answer. */
export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });

/** A failed answer with the code's text unless a more precise one is given. */
export function fail(code: ResolverErrorCode, extra: Partial<Omit<ResolverError, 'code'>> = {}): Envelope<never> {
  return { ok: false, error: { code, message: extra.message ?? ERROR_MESSAGES[code], ...withoutMessage(extra) } };
}

function withoutMessage(extra: Partial<Omit<ResolverError, 'code'>>): Partial<Omit<ResolverError, 'code' | 'message'>> {
  const { message: _message, ...rest } = extra;
  return rest;
}

/** Config errors as field errors (same paths and texts the config parser gives). */
export const fieldErrorsOf = (errors: readonly ConfigError[], prefix = ''): FieldError[] =>
  errors.map((e) => ({ path: prefix === '' ? e.path : e.path === '' ? prefix : `${prefix}.${e.path}`, message: e.message }));

/** A payload that failed its contract. */
export function invalidPayload(issues: readonly z.core.$ZodIssue[]): Envelope<never> {
  return fail('invalid-payload', { fieldErrors: fieldErrorsOf(fromZodIssues(issues)) });
}

/** Any exception as an envelope: Jira's 404/403 keep their meaning, the rest is jira-error or internal. */
export function fromException(error: unknown): Envelope<never> {
  if (isJiraApiError(error)) {
    if (error.kind === 'not-found') return fail('not-found', { detail: error.message });
    if (error.kind === 'forbidden') return fail('forbidden', { detail: error.message });
    return fail('jira-error', { detail: error.message });
  }
  return fail('internal', { detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
}

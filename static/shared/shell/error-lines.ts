import type { ResolverError } from '../bridge/envelope';
import type { Lang } from '../i18n/locale';

/** Lines of an error in one language: the message, then each field error as "path: message". */
export function errorLines(error: ResolverError, lang: Lang): { message: string; fields: { path: string; message: string }[] } {
  return {
    message: error.message[lang],
    fields: (error.fieldErrors ?? []).map((f) => ({ path: f.path, message: f.message[lang] })),
  };
}

import { CLIENT_ERROR_CODES, type ResolverError } from '../../../shared/bridge/envelope';

/** The resolver does not exist (yet): a typed `not-implemented`, or the host refusing an unknown function key. */
export function isNotAvailable(error: ResolverError): boolean {
  if (error.code === 'not-implemented') return true;
  return error.code === CLIENT_ERROR_CODES.transport && /no definition|not (?:been )?(?:found|defined|implemented)|unknown function/i.test(error.detail ?? '');
}

import { ForgeKvsAPIError } from '@forge/kvs';

/** True when a KVS transaction was refused because one of its conditions did not hold. */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.code === 'CONDITIONAL_CHECK_FAILED' || error.responseDetails.status === 409);
}

/** Forge KVS keys: letters, digits and `:._-#` and spaces; anything else is hex-escaped so any project key stays addressable. */
export function safeKeyPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, (c) => `#${c.charCodeAt(0).toString(16)}`);
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What the platform knows about the function invocation in progress (per async call chain). */
export interface InvocationContext {
  invocationId: string;
  /** Manifest module that caused the invocation (UI module key, trigger key, scheduled trigger key). */
  moduleKey: string;
  kind: 'resolver' | 'trigger' | 'scheduled' | 'lifecycle' | 'direct';
  /** The user the invocation acts for: `asUser()` without an argument uses it. Absent for triggers. */
  accountId?: string;
}

const storage = new AsyncLocalStorage<InvocationContext>();

export function currentInvocation(): InvocationContext | undefined {
  return storage.getStore();
}

/**
 * Run `fn` as one Forge invocation: `asUser()` acts for `accountId`, `getAppContext().moduleKey` is set.
 * Tests use it to call SDK code "as" someone without going through a resolver.
 */
export function runAsInvocation<T>(
  context: Omit<InvocationContext, 'invocationId'> & { invocationId?: string },
  fn: () => T,
): T {
  return storage.run({ ...context, invocationId: context.invocationId ?? randomUUID() }, fn);
}

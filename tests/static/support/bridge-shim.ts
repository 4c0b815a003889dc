/**
 * Defines `globalThis.__bridge` the way a Custom UI host does (Jira, or the local site's host
 * page), so the real @forge/bridge runs in tests. @forge/bridge captures `callBridge` when its
 * modules load: import this file before anything that imports @forge/bridge.
 */
export type BridgeHandler = (name: string, args: unknown) => unknown;

export interface BridgeCall {
  readonly name: string;
  readonly args: unknown;
}

let handler: BridgeHandler = (name) => {
  throw new Error(`bridge-shim: no handler for ${name}`);
};

/** Every call the page made through the bridge, oldest first. */
export const bridgeCalls: BridgeCall[] = [];

/** Sets what the host answers; the answer may be a value, a promise, or a throw (a rejected call). */
export function setBridgeHandler(next: BridgeHandler): void {
  handler = next;
  bridgeCalls.length = 0;
}

(globalThis as { __bridge?: unknown }).__bridge = {
  callBridge: (name: string, args?: unknown): Promise<unknown> => {
    bridgeCalls.push({ name, args });
    // Real hosts answer asynchronously (postMessage), so do we.
    return Promise.resolve().then(() => handler(name, args));
  },
};

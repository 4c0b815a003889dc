/** True when a host (Jira, or the local site's shim) has defined the Custom UI bridge. */
export function hasForgeBridge(scope: object = globalThis): boolean {
  const bridge = (scope as { __bridge?: { callBridge?: unknown } }).__bridge;
  return typeof bridge?.callBridge === 'function';
}

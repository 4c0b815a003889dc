import { useCallback, useEffect, useState } from 'react';
import type { $ZodType, output } from 'zod/v4/core';
import type { ResolverError, ResolverResult } from './envelope';
import { invokeResolver } from './invoke-resolver';
import type { ResolverPayload } from './invoke-resolver';
import { subscribeRefresh } from './refresh';
import type { RefreshOptions, RefreshReason } from './refresh';

export interface RefreshState {
  /** Increments on every refresh; put it in effect dependencies to re-fetch. */
  readonly version: number;
  /** Wall clock at the last refresh, for "remaining" computed from a due instant. */
  readonly now: number;
  readonly reason: RefreshReason | 'initial';
}

/** Re-renders each minute and when the issue changes (see subscribeRefresh). */
export function useRefresh(options: RefreshOptions = {}): RefreshState {
  const { tickMs, eventNames } = options;
  const [state, setState] = useState<RefreshState>(() => ({ version: 0, now: Date.now(), reason: 'initial' }));
  const eventKey = eventNames?.join('\u0000');
  useEffect(() => {
    const names = eventKey === undefined ? undefined : eventKey.split('\u0000');
    return subscribeRefresh(
      (reason) => setState((prev) => ({ version: prev.version + 1, now: Date.now(), reason })),
      { ...(tickMs === undefined ? {} : { tickMs }), ...(names === undefined ? {} : { eventNames: names }) },
    );
  }, [tickMs, eventKey]);
  return state;
}

export type ResolverState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly data: T; readonly reloading: boolean }
  | { readonly status: 'error'; readonly error: ResolverError; readonly reloading: boolean };

/**
 * Calls a resolver on mount, whenever `payload` (by value) or `refreshVersion` changes, and on
 * `reload()`. Keeps showing the last result while reloading, so a tick does not flash a spinner.
 */
export function useResolver<S extends $ZodType>(
  key: string,
  payload: ResolverPayload,
  resultSchema: S,
  refreshVersion = 0,
): { readonly state: ResolverState<output<S>>; readonly reload: () => void } {
  const [state, setState] = useState<ResolverState<output<S>>>({ status: 'loading' });
  const [manual, setManual] = useState(0);
  const payloadKey = JSON.stringify(payload);
  useEffect(() => {
    let current = true;
    setState((prev) => (prev.status === 'loading' ? prev : { ...prev, reloading: true }));
    void invokeResolver(key, JSON.parse(payloadKey) as ResolverPayload, resultSchema).then((result: ResolverResult<output<S>>) => {
      if (!current) return;
      setState(result.ok ? { status: 'ok', data: result.data, reloading: false } : { status: 'error', error: result.error, reloading: false });
    });
    return () => {
      current = false;
    };
  }, [key, payloadKey, resultSchema, refreshVersion, manual]);
  const reload = useCallback(() => setManual((n) => n + 1), []);
  return { state, reload };
}

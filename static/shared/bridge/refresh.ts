import { events } from '@forge/bridge';

/** Jira's front-end event on issue view modules when the issue is updated or commented on by someone else. */
export const JIRA_ISSUE_CHANGED = 'JIRA_ISSUE_CHANGED';

/**
 * Our own event: Jira does not tell the viewer about their own edits, so a module that changes the
 * incident (priority field, panel actions) emits this for the other modules on the page.
 */
export const APP_CHANGED_EVENT = 'incident-desk:changed';

export const DEFAULT_REFRESH_EVENTS: readonly string[] = [JIRA_ISSUE_CHANGED, APP_CHANGED_EVENT];

export type RefreshReason = 'tick' | 'event';

export interface RefreshOptions {
  /** Interval of the clock tick in ms; 0 turns ticking off. Default one minute. */
  readonly tickMs?: number;
  /** Bridge events that trigger a refresh. Default: issue changed + our own change event. */
  readonly eventNames?: readonly string[];
}

/**
 * Calls `onRefresh` on every tick and on every listed bridge event until the returned function is
 * called. Subscriptions resolve asynchronously; one that resolves after the stop is undone at once.
 */
export function subscribeRefresh(onRefresh: (reason: RefreshReason) => void, options: RefreshOptions = {}): () => void {
  const tickMs = options.tickMs ?? 60_000;
  const eventNames = options.eventNames ?? DEFAULT_REFRESH_EVENTS;
  let stopped = false;
  const unsubscribers: (() => void)[] = [];

  const timer = tickMs > 0 ? setInterval(() => onRefresh('tick'), tickMs) : undefined;

  for (const name of eventNames) {
    events
      .on(name, () => {
        if (!stopped) onRefresh('event');
      })
      .then(
        (subscription) => {
          if (stopped) subscription.unsubscribe();
          else unsubscribers.push(() => subscription.unsubscribe());
        },
        // Outside the issue view the host may not offer events; ticking still works.
        () => undefined,
      );
  }

  return () => {
    stopped = true;
    if (timer !== undefined) clearInterval(timer);
    for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
  };
}

/** Tells the other modules of the app on this page that the incident changed. */
export async function notifyAppChanged(payload?: Readonly<Record<string, unknown>>): Promise<void> {
  await events.emit(APP_CHANGED_EVENT, payload ?? {});
}

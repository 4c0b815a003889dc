import { useEffect, useState } from 'react';
import { jiraRequest } from '../../../shared/jira/jira-rest';
import { bulkUserPaths } from './evidence-model';

/**
 * Display names of the people in the register, read as the viewer (Jira decides whose names they may
 * see). An id Jira does not resolve (the app, a deleted account) stays as its account id.
 */
export function useDisplayNames(accountIds: readonly string[]): (accountId: string) => string {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(accountIds)].sort().join('\u0000');
  useEffect(() => {
    let live = true;
    const ids = key === '' ? [] : key.split('\u0000');
    void Promise.all(bulkUserPaths(ids).map((p) => jiraRequest<{ values?: { accountId?: unknown; displayName?: unknown }[] }>('GET', p))).then((pages) => {
      if (!live) return;
      const found = new Map<string, string>();
      for (const page of pages) {
        if (!page.ok) continue;
        for (const u of page.data.values ?? []) if (typeof u.accountId === 'string' && typeof u.displayName === 'string') found.set(u.accountId, u.displayName);
      }
      setNames(found);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return (accountId) => names.get(accountId) ?? accountId;
}

/**
 * The Custom UI surfaces, one Vite app each under static/<page>/ (manifest `resources[].path`
 * points at static/<page>/build).
 */
export const PAGES = ['issue-panel', 'issue-context', 'priority-field', 'settings', 'reports'] as const;

export type PageName = (typeof PAGES)[number];

export function isPageName(value: string): value is PageName {
  return (PAGES as readonly string[]).includes(value);
}

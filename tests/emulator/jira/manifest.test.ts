import { describe, expect, it, vi } from 'vitest';
import { createJiraSite } from '../../../emulator/jira/index';
import { ManualClock } from './helpers/site';

describe('manifest', () => {
  it('warns when an object-field searchAlias collides with a system JQL field, and JQL keeps the system field', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const site = createJiraSite({
        clock: new ManualClock(),
        manifest: { modules: { 'jira:customField': [{ key: 'm', name: 'M', type: 'object', schema: { properties: { priority: { type: 'integer', searchAlias: 'Priority' } } } }] } },
      });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("searchAlias 'Priority' of m.priority collides with the system JQL field 'priority'"));
      site.seed.createProject({ key: 'INC', name: 'Incidents' });
      site.seed.createIssue({ project: 'INC', summary: 'x', priority: 'Lowest' });
      site.seed.setAppFieldValue('customfield_10050', 'INC-1', { priority: 1 });
      const res = site.handle({ method: 'POST', path: '/rest/api/3/search/approximate-count', actor: { kind: 'app' }, body: { jql: 'Priority = Lowest' } });
      expect(res.body).toEqual({ count: 1 });
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses an entity property value without a valid type', () => {
    expect(() =>
      createJiraSite({ clock: new ManualClock(), manifest: { modules: { 'jira:entityProperty': [{ key: 'k', entityType: 'issue', propertyKey: 'p', values: [{ path: 'a', type: 'boolean' }] }] } } }),
    ).toThrow(/valid path\/type/);
  });

  it("reads the repo's manifest.yml: the SLA and 管理番号 property indexes and the app's priority field", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const site = createJiraSite({ clock: new ManualClock(), manifest: 'manifest.yml' });
      expect(site.store.propertyIndex.length).toBeGreaterThan(0);
      expect(site.store.propertyIndex.every((e) => ['incident-desk-sla', 'incident-desk-number'].includes(e.propertyKey) && e.path.length > 0)).toBe(true);
      expect(new Set(site.store.propertyIndex.map((e) => e.propertyKey))).toEqual(new Set(['incident-desk-sla', 'incident-desk-number']));
      expect([...site.store.customFields.values()].some((f) => f.appOwned && f.key.endsWith('__priority-matrix'))).toBe(true);
    } finally {
      warn.mockRestore();
    }
  });

  it('runs without a manifest', () => {
    const site = createJiraSite({ clock: new ManualClock(), manifest: null });
    expect(site.store.customFields.size).toBe(0);
    expect(site.store.propertyIndex).toEqual([]);
  });
});

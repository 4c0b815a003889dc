import { setBridgeHandler } from '../support/bridge-shim';
import { describe, expect, it } from 'vitest';
import { fieldValueOf, isEditEntryPoint, issueOf, loadForgeContext, projectOf } from '../../../static/shared/bridge';

/** Shaped like the context Jira (and emulator/runtime/ui-context.ts) gives an issue panel. */
const issuePanelContext = {
  accountId: '5b10a2844c20165700ede21g',
  cloudId: 'c-1',
  localId: 'ari:cloud:ecosystem::extension/app/env/static/sla-panel',
  moduleKey: 'sla-panel',
  siteUrl: 'https://example.atlassian.net',
  environmentType: 'DEVELOPMENT',
  locale: 'ja_JP',
  timezone: 'Asia/Tokyo',
  theme: { colorMode: 'dark' },
  extension: {
    type: 'jira:issuePanel',
    issue: { id: '10001', key: 'INC-7', type: 'Incident' },
    project: { id: 10000, key: 'INC', type: 'software' },
    isNewToIssue: false,
  },
};

describe('loadForgeContext', () => {
  it('reads the context through view.getContext and normalises the locale', async () => {
    setBridgeHandler((name) => (name === 'getContext' ? structuredClone(issuePanelContext) : undefined));
    const context = await loadForgeContext();
    expect(context.locale).toBe('ja-JP');
    expect(context.timezone).toBe('Asia/Tokyo');
    expect(context.theme).toEqual({ colorMode: 'dark' });
    expect(issueOf(context)).toEqual({ id: '10001', key: 'INC-7', type: 'Incident' });
    expect(projectOf(context)).toEqual({ id: '10000', key: 'INC', type: 'software' });
    expect(isEditEntryPoint(context)).toBe(false);
    // Fields the pages do not know are kept (loose schema).
    expect(context['environmentType']).toBe('DEVELOPMENT');
    expect(context.extension['isNewToIssue']).toBe(false);
  });

  it('defaults a missing locale, zone, theme and extension instead of failing', async () => {
    setBridgeHandler(() => ({ moduleKey: 'reports', theme: { colorMode: 'sepia' } }));
    const context = await loadForgeContext();
    expect(context.locale).toBe('en-US');
    expect(context.timezone).toBe('UTC');
    expect(context.theme).toBeNull();
    expect(context.extension).toEqual({});
    expect(issueOf(context)).toBeNull();
    expect(projectOf(context)).toBeNull();
  });

  it('rejects with a readable error when the host sends no context', async () => {
    setBridgeHandler(() => null);
    await expect(loadForgeContext()).rejects.toThrow(/Forge context is not an object/);
  });

  it('reads a custom field edit context', async () => {
    const value = { priority: 'P2', impact: 'High', urgency: 'Medium' };
    setBridgeHandler(() => ({
      locale: 'en-GB',
      timezone: 'Europe/London',
      extension: { type: 'jira:customField', entryPoint: 'edit', renderContext: 'issue-view', fieldValue: value, issue: { key: 'INC-9' } },
    }));
    const context = await loadForgeContext();
    expect(isEditEntryPoint(context)).toBe(true);
    expect(fieldValueOf(context)).toEqual(value);
    expect(issueOf(context)).toEqual({ key: 'INC-9' });
  });

  it('an unset custom field value reads as null', async () => {
    setBridgeHandler(() => ({ extension: { type: 'jira:customField', entryPoint: 'view' } }));
    expect(fieldValueOf(await loadForgeContext())).toBeNull();
  });
});

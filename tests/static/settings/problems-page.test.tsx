// The bridge shim must be in place before anything imports @forge/bridge.
import '../support/bridge-shim';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../../src/config';
import type { Config } from '../../../src/config/current';
import type { ResolverError } from '../../../static/shared/bridge/envelope';
import { I18nProvider } from '../../../static/shared/i18n/i18n-provider';
import { ConfigDraftContext, type ConfigDraft } from '../../../static/settings/src/config-draft';
import { setAt } from '../../../static/settings/src/draft-edit';
import { configPath } from '../../../static/settings/src/field-errors';
import { ProblemsEditor } from '../../../static/settings/src/problems/problems-editor';
import { SETTINGS_ROUTES, subPageFor } from '../../../static/settings/src/routes';

/** A draft as ConfigDraftProvider holds it: the client check of the config plus the last save's field errors. */
function draftOf(config: Config, saveError: ResolverError | null = null): ConfigDraft {
  const parsed = parseConfig(config);
  const client = parsed.ok ? [] : parsed.errors.map((e) => ({ path: e.path, message: e.message }));
  const none = () => Promise.resolve();
  return {
    status: 'ready',
    loadError: null,
    loaded: { projectKey: 'INC', state: 'ok', version: 3, config, errors: [], meta: null, migratedFrom: null, canEdit: true },
    draft: config,
    dirty: true,
    canEdit: true,
    saving: false,
    saveError,
    saved: null,
    errors: [...client, ...(saveError?.fieldErrors ?? []).map((f) => ({ path: configPath(f.path), message: f.message }))],
    update: () => undefined,
    save: none,
    discard: () => undefined,
    applyOnLatest: none,
    saveRaw: none,
  };
}

const render = (draft: ConfigDraft, locale: string): string =>
  renderToStaticMarkup(
    <I18nProvider locale={locale} timeZone="Asia/Tokyo">
      <ConfigDraftContext.Provider value={draft}>
        <ProblemsEditor />
      </ConfigDraftContext.Provider>
    </I18nProvider>,
  );

const decode = (s: string): string => s.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
/** The error texts shown for a config path. */
const fieldErrors = (html: string, path: string): string[] =>
  [...html.matchAll(/<span[^>]*data-testid="field-error" data-path="([^"]*)"[^>]*>([^<]*)<\/span>/g)].filter((m) => decode(m[1] ?? '') === path).map((m) => decode(m[2] ?? ''));
/** The attribute of the input bound to a config path. */
const inputAt = (html: string, path: string): string => new RegExp(`<(?:input|select)[^>]*data-path="${path.replace(/[[\].]/g, '\\$&')}"[^>]*>`).exec(html)?.[0] ?? '';

const base = defaultConfig({ year: 2026 });

describe('Problems & recurrence page', () => {
  it('shows the stored recurrence, label and rules', () => {
    const config = setAt(setAt(base, ['problemManagement', 'recurrence'], { windowDays: 14, minIncidents: 3, by: 'category' }), ['problemManagement', 'onProblemResolved'], [
      { action: 'notify', recipients: ['reporter', 'watchers'] },
      { action: 'transition', toStatus: 'Resolved', comment: { ja: '{problem} で解決', en: '{problem} fixed it ({resolution})' } },
    ]);
    const html = render(draftOf(config), 'en-US');
    expect(inputAt(html, 'problemManagement.recurrence.windowDays')).toContain('value="14"');
    expect(inputAt(html, 'problemManagement.recurrence.minIncidents')).toContain('value="3"');
    expect(html).toMatch(/<option value="category" selected="">Category<\/option>/);
    expect(inputAt(html, 'problemManagement.autoLabel')).toContain('value="recurring"');
    expect(html).toMatch(/data-testid="rule-0" data-action="notify"/);
    expect(html).toMatch(/data-testid="rule-1" data-action="transition"/);
    // Recipients as checkboxes: the stored ones ticked.
    expect(html).toMatch(/<input type="checkbox" data-testid="recipient-assignee"\/>/);
    expect(html).toMatch(/<input type="checkbox" data-testid="recipient-reporter" checked=""\/>/);
    expect(html).toMatch(/<input type="checkbox" data-testid="recipient-watchers" checked=""\/>/);
    expect(inputAt(html, 'problemManagement.onProblemResolved[1].toStatus')).toContain('value="Resolved"');
    // The viewer sees the transition comment as it will read on an incident.
    expect(decode(html)).toContain('Preview: PRB-12 fixed it (Fixed)');
  });

  it('explains the four placeholders, in Japanese too', () => {
    const en = decode(render(draftOf(base), 'en-US'));
    for (const p of ['{problem}</code> — the problem’s key', '{summary}</code> — the problem’s summary', '{resolution}</code> — the problem’s resolution', '{incident}</code> — the incident’s key']) expect(en).toContain(p);
    const ja = decode(render(draftOf(base), 'ja-JP'));
    expect(ja).toContain('{incident}</code> — インシデントのキー');
    expect(ja).toContain('問題が解決されたとき');
  });

  it('offers "Change status" only on the rule that may transition', () => {
    const config = setAt(base, ['problemManagement', 'onProblemResolved'], [
      { action: 'transition', toStatus: 'Done', comment: null },
      { action: 'comment', text: { ja: 'あ', en: 'a' } },
    ]);
    const html = render(draftOf(config), 'en-US');
    const selects = [...html.matchAll(/<select[^>]*data-testid="rule-action"[^>]*>(.*?)<\/select>/g)].map((m) => [...(m[1] ?? '').matchAll(/value="([^"]+)"/g)].map((o) => o[1]));
    expect(selects).toEqual([
      ['notify', 'transition', 'comment'],
      ['notify', 'comment'],
    ]);
  });

  it.each([
    ['en-US', 'problemManagement.recurrence.windowDays must be at least 1.'],
    ['ja-JP', 'problemManagement.recurrence.windowDays は 1 以上にしてください。'],
  ])('windowDays 0 is shown next to its field (%s), and the other edits stay in the draft', (locale, message) => {
    const config = setAt(setAt(base, ['problemManagement', 'recurrence', 'windowDays'], 0), ['problemManagement', 'autoLabel'], 'repeat-offender');
    const html = render(draftOf(config), locale);
    expect(fieldErrors(html, 'problemManagement.recurrence.windowDays')).toEqual([message]);
    expect(inputAt(html, 'problemManagement.recurrence.windowDays')).toContain('aria-invalid="true"');
    expect(inputAt(html, 'problemManagement.autoLabel')).toContain('value="repeat-offender"');
  });

  it('shows a resolver field error (a rule as a whole) next to that rule, once, in the viewer’s language', () => {
    const config = setAt(base, ['problemManagement', 'onProblemResolved'], [
      { action: 'comment', text: { ja: 'あ', en: 'a' } },
      { action: 'comment', text: { ja: 'あ', en: 'a' } },
    ]);
    // The client check (validateProblemManagement) and the resolver report the same duplicate; it shows once.
    const message = { ja: '重複しています', en: 'repeats rule 1' };
    const saveError: ResolverError = { code: 'INVALID_CONFIG', message: { ja: '設定が無効です', en: 'Invalid config' }, fieldErrors: [{ path: 'config.problemManagement.onProblemResolved[1]', message }] };
    const html = render(draftOf(config, saveError), 'ja-JP');
    const shown = fieldErrors(html, 'problemManagement.onProblemResolved[1]');
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('problemManagement.onProblemResolved[1] は problemManagement.onProblemResolved[0] と同じルールです');
    expect(shown[0]).toContain('重複しています');
    expect(fieldErrors(html, 'problemManagement.onProblemResolved[0]')).toEqual([]);
  });

  it('lists who may override the priority, warns when nobody may, and shows list item errors under the list', () => {
    const html = render(draftOf(base), 'en-US');
    expect(inputAt(html, 'priorityOverride.projectRoles')).toContain('value="Administrators"');
    expect(html).not.toContain('data-testid="override-nobody"');
    const nobody = render(draftOf(setAt(base, ['priorityOverride'], { projectRoles: [], groups: [] })), 'ja-JP');
    expect(decode(nobody)).toContain('上書きできる人はいません');
    const tooLong = render(draftOf(setAt(base, ['priorityOverride', 'groups'], ['ops', 'x'.repeat(201)])), 'en-US');
    expect(fieldErrors(tooLong, 'priorityOverride.groups')).toEqual([expect.stringContaining('priorityOverride.groups[1]')]);
  });

  it('is a sidebar sub-page declared in the manifest with a title in both locales', () => {
    expect(subPageFor('/problems').route).toBe('problems');
    const manifest = load(readFileSync('manifest.yml', 'utf8')) as { modules: { 'jira:projectSettingsPage': { pages: { route: string; title: { i18n: string } }[] }[] } };
    const pages = manifest.modules['jira:projectSettingsPage'][0]?.pages ?? [];
    expect(pages.map((p) => p.route)).toEqual(SETTINGS_ROUTES.map((r) => r.route));
    const title = pages.find((p) => p.route === 'problems')?.title.i18n;
    expect(title).toBe('module.settings.pages.problems');
    for (const [file, text] of [
      ['locales/en-US.json', 'Problems & recurrence'],
      ['locales/ja-JP.json', '問題管理と再発'],
    ] as const) {
      const locale = JSON.parse(readFileSync(file, 'utf8')) as { module: { settings: { pages: Record<string, string> } } };
      expect(locale.module.settings.pages['problems']).toBe(text);
    }
  });
});

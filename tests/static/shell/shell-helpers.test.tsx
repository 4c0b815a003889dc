import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
// Module by module: the shell's barrel also loads Atlaskit components, whose CSS imports Node cannot load.
import { BOOT_TEXT, bilingual } from '../../../static/shared/shell/bilingual';
import { hasForgeBridge } from '../../../static/shared/shell/boot-check';
import { CrashFallback, ErrorBoundary, crashMessage } from '../../../static/shared/shell/error-boundary';
import { errorLines } from '../../../static/shared/shell/error-lines';

describe('bilingual boot texts', () => {
  it('puts the preferred language first', () => {
    expect(bilingual('loading', 'ja')).toBe('読み込み中… / Loading…');
    expect(bilingual('loading', 'en')).toBe('Loading… / 読み込み中…');
  });

  it('every boot text has both languages', () => {
    for (const [key, text] of Object.entries(BOOT_TEXT)) {
      expect(text.ja.trim(), key).not.toBe('');
      expect(text.en.trim(), key).not.toBe('');
    }
  });
});

describe('crash message', () => {
  it('speaks the user language, or both when unknown', () => {
    expect(crashMessage('ja')).toEqual({ title: '表示中に問題が発生しました。もう一度お試しください。', retry: '再試行' });
    expect(crashMessage('en')).toEqual({ title: 'Something went wrong while showing this page. Please try again.', retry: 'Try again' });
    expect(crashMessage(undefined).title).toBe(
      'Something went wrong while showing this page. Please try again. / 表示中に問題が発生しました。もう一度お試しください。',
    );
  });

  it('renders as an alert with the detail and a retry button', () => {
    const html = renderToStaticMarkup(<CrashFallback lang="ja" detail="x is undefined" onRetry={() => undefined} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('表示中に問題が発生しました');
    expect(html).toContain('<code>x is undefined</code>');
    expect(html).toContain('>再試行</button>');
    expect(renderToStaticMarkup(<CrashFallback lang="en" detail="d" />)).not.toContain('<button');
  });

  it('the boundary turns any thrown value into an Error state', () => {
    expect(ErrorBoundary.getDerivedStateFromError(new TypeError('bad'))).toEqual({ error: new TypeError('bad') });
    expect(ErrorBoundary.getDerivedStateFromError('plain string').error?.message).toBe('plain string');
  });
});

describe('errorLines', () => {
  const error = {
    code: 'CONFIG_INVALID',
    message: { ja: '設定が不正です', en: 'The configuration is invalid' },
    fieldErrors: [{ path: 'matrix.cells.2', message: { ja: '優先度がありません', en: 'Priority is missing' } }],
  };

  it('picks one language for the message and each field', () => {
    expect(errorLines(error, 'ja')).toEqual({ message: '設定が不正です', fields: [{ path: 'matrix.cells.2', message: '優先度がありません' }] });
    expect(errorLines(error, 'en')).toEqual({ message: 'The configuration is invalid', fields: [{ path: 'matrix.cells.2', message: 'Priority is missing' }] });
    expect(errorLines({ code: 'X', message: { ja: 'あ', en: 'a' } }, 'en')).toEqual({ message: 'a', fields: [] });
  });
});

describe('hasForgeBridge', () => {
  it('needs a callBridge function', () => {
    expect(hasForgeBridge({})).toBe(false);
    expect(hasForgeBridge({ __bridge: {} })).toBe(false);
    expect(hasForgeBridge({ __bridge: { callBridge: 'nope' } })).toBe(false);
    expect(hasForgeBridge({ __bridge: { callBridge: () => undefined } })).toBe(true);
  });
});

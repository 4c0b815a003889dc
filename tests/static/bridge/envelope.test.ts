import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { z as zc } from 'zod';
import { CLIENT_ERROR_CODES, parseEnvelope, transportError } from '../../../static/shared/bridge/envelope';

const Ping = z.object({ app: z.string() });

describe('parseEnvelope', () => {
  it('returns data of an ok envelope', () => {
    expect(parseEnvelope('app/ping', { ok: true, data: { app: 'incident-desk' } })).toEqual({ ok: true, data: { app: 'incident-desk' } });
  });

  it('parses data with a zod/mini result schema, dropping unknown keys', () => {
    expect(parseEnvelope('app/ping', { ok: true, data: { app: 'incident-desk', extra: 1 } }, Ping)).toEqual({ ok: true, data: { app: 'incident-desk' } });
  });

  it('parses data with a classic zod schema (contracts may use either)', () => {
    const Classic = zc.object({ count: zc.number().int() });
    expect(parseEnvelope('x', { ok: true, data: { count: 3 } }, Classic)).toEqual({ ok: true, data: { count: 3 } });
    const bad = parseEnvelope('x', { ok: true, data: { count: 1.5 } }, Classic);
    expect(bad.ok).toBe(false);
  });

  it('passes a resolver error through, with field paths as dotted strings', () => {
    const raw = {
      ok: false,
      error: {
        code: 'CONFIG_INVALID',
        message: { ja: '設定が不正です', en: 'The configuration is invalid' },
        fieldErrors: [
          { path: ['matrix', 'cells', 2, 'priority'], message: { ja: '優先度がありません', en: 'Priority is missing' } },
          { path: 'calendar.timeZone', message: { ja: '不明なタイムゾーン', en: 'Unknown time zone' } },
        ],
      },
    };
    expect(parseEnvelope('config/save', raw)).toEqual({
      ok: false,
      error: {
        code: 'CONFIG_INVALID',
        message: { ja: '設定が不正です', en: 'The configuration is invalid' },
        fieldErrors: [
          { path: 'matrix.cells.2.priority', message: { ja: '優先度がありません', en: 'Priority is missing' } },
          { path: 'calendar.timeZone', message: { ja: '不明なタイムゾーン', en: 'Unknown time zone' } },
        ],
      },
    });
  });

  it('turns data that does not match the schema into BAD_RESPONSE_DATA with ja/en text and the path', () => {
    const result = parseEnvelope('app/ping', { ok: true, data: { app: 42 } }, Ping);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(CLIENT_ERROR_CODES.badData);
    expect(result.error.message.ja).toMatch(/形式/);
    expect(result.error.message.en).toMatch(/unexpected shape/);
    expect(result.error.detail).toMatch(/^app\/ping: app: /);
  });

  it.each([
    ['undefined', undefined],
    ['a bare value', { app: 'incident-desk' }],
    ['ok as a string', { ok: 'true', data: {} }],
    ['an error without English', { ok: false, error: { code: 'X', message: { ja: 'だめ' } } }],
    ['an error with empty text', { ok: false, error: { code: 'X', message: { ja: '', en: '' } } }],
    ['an error without a code', { ok: false, error: { message: { ja: 'a', en: 'b' } } }],
  ])('rejects %s as BAD_RESPONSE', (_label, raw) => {
    const result = parseEnvelope('k', raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(CLIENT_ERROR_CODES.badEnvelope);
    expect(result.error.message.en).toBe('The server sent an unexpected response. Please reload the page.');
    expect(result.error.message.ja).toBe('サーバーから予期しない応答がありました。ページを再読み込みしてください。');
  });
});

describe('transportError', () => {
  it('keeps the cause as detail and speaks both languages', () => {
    expect(transportError('sla/get', new Error('Resolver calls are rate limited'))).toEqual({
      code: 'TRANSPORT_FAILED',
      message: {
        ja: 'Incident Desk のサーバーに接続できませんでした。しばらくしてからもう一度お試しください。',
        en: 'Could not reach the Incident Desk server. Please try again in a moment.',
      },
      detail: 'sla/get: Resolver calls are rate limited',
    });
    expect(transportError('k', 'boom').detail).toBe('k: boom');
  });
});

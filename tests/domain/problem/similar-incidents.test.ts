import { describe, expect, it } from 'vitest';
import { cosine, rankSimilarIncidents, tfidfVectors, tokenize } from '../../../src/domain/problem';
import { incident } from './problem-fixtures';

describe('tokenize', () => {
  it.each([
    ['DB接続エラー on API-2', ['db', '接続', '続エ', 'エラ', 'ラー', 'api']],
    ['ｶｰﾄﾞ決済', ['カー', 'ード', 'ド決', '決済']],
    ['ＡＰＩ　タイムアウト', ['api', 'タイ', 'イム', 'ムア', 'アウ', 'ウト']],
    ['The payment FAILED, and it was not retried.', ['payment', 'failed', 'retried']],
    ['障 害', ['障', '害']],
    ['', []],
  ])('%j -> %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('tf-idf', () => {
  it('weights rarer tokens higher and normalises to unit length', () => {
    const [a, b] = tfidfVectors([['x1', 'y1'], ['x1']]);
    // idf(x1) = ln(3/3) + 1 = 1, idf(y1) = ln(3/2) + 1
    const y = Math.log(1.5) + 1;
    const len = Math.sqrt(1 + y * y);
    expect(a?.get('x1')).toBeCloseTo(1 / len, 12);
    expect(a?.get('y1')).toBeCloseTo(y / len, 12);
    expect(b?.get('x1')).toBe(1);
    expect(cosine(a ?? new Map(), b ?? new Map())).toBeCloseTo(1 / len, 12);
    expect(cosine(new Map(), b ?? new Map())).toBe(0);
  });
});

describe('rankSimilarIncidents', () => {
  const candidates = [
    incident('OPS-1', 0, { summary: '決済APIでタイムアウトが発生', service: 'pay', category: 'network' }),
    incident('OPS-2', 1, { summary: 'メール送信の遅延', service: 'mail', category: 'network' }),
    incident('OPS-3', 2, { summary: '決済APIでタイムアウトが発生', service: 'pay', category: 'db', problemKey: 'PRB-1' }),
    incident('OPS-4', 3, { summary: 'Login page shows 500', service: 'auth', category: 'app' }),
    incident('OPS-5', 4, { summary: 'payment api timeout', description: 'card payments time out', service: 'pay', category: 'db' }),
  ];

  it('ranks by service, category and text, exact scores for identical text', () => {
    const ranked = rankSimilarIncidents({ key: 'OPS-9', summary: '決済APIでタイムアウトが発生', service: 'pay', category: 'db' }, candidates, { k: 3 });
    expect(ranked.map((r) => [r.key, r.sameService, r.sameCategory, r.problemKey])).toEqual([
      ['OPS-3', true, true, 'PRB-1'],
      ['OPS-1', true, false, null],
      ['OPS-5', true, true, null],
    ]);
    // identical text: textScore 1, score = 0.3 + 0.2 + 0.5
    expect(ranked[0]).toMatchObject({ score: 1, textScore: 1 });
    expect(ranked[1]).toMatchObject({ score: 0.8, textScore: 1 });
    // only the Latin word "api" is shared with the Japanese query (APIで -> 'api' + kana bigrams)
    const third = ranked[2];
    expect(third?.textScore).toBeGreaterThan(0);
    expect(third?.textScore).toBeLessThan(0.2);
    expect(third?.score).toBe(Math.round((0.5 + 0.5 * (third?.textScore ?? 0)) * 1e6) / 1e6);
  });

  it('finds English text matches and drops candidates with nothing in common', () => {
    const ranked = rankSimilarIncidents({ summary: 'Payment API timeout again', service: null, category: null }, candidates, { k: 10 });
    // OPS-2 (mail) and OPS-4 (login) share nothing and are dropped; OPS-1/OPS-3 share only "api"
    expect(ranked.map((r) => r.key)).toEqual(['OPS-5', 'OPS-3', 'OPS-1']);
    expect(ranked[1]?.textScore).toBe(ranked[2]?.textScore);
    expect(ranked[1]?.textScore).toBeLessThan(0.2);
    expect(ranked[0]?.textScore).toBeGreaterThan(0.4);
    expect(ranked[0]?.score).toBe(Math.round(0.5 * (ranked[0]?.textScore ?? 0) * 1e6) / 1e6);
  });

  it('breaks ties by recency then key, honours weights, k, minScore and excludes the query itself', () => {
    const twins = [incident('OPS-7', 5, { summary: 'x1 y1' }), incident('OPS-6', 5, { summary: 'x1 y1' }), incident('OPS-8', 1, { summary: 'x1 y1' })];
    expect(rankSimilarIncidents({ summary: 'x1 y1', service: null, category: null }, twins).map((r) => r.key)).toEqual(['OPS-6', 'OPS-7', 'OPS-8']);
    expect(rankSimilarIncidents({ key: 'OPS-6', summary: 'x1 y1', service: null, category: null }, twins, { k: 1 }).map((r) => r.key)).toEqual(['OPS-7']);
    const serviceOnly = rankSimilarIncidents({ summary: 'zzz', service: 'pay', category: null }, candidates, { weights: { service: 1, category: 0, text: 0 } });
    expect(serviceOnly.map((r) => [r.key, r.score])).toEqual([['OPS-5', 1], ['OPS-3', 1], ['OPS-1', 1]]);
    expect(rankSimilarIncidents({ summary: '決済APIでタイムアウトが発生', service: 'pay', category: 'db' }, candidates, { minScore: 0.9 }).map((r) => r.key)).toEqual(['OPS-3']);
  });
});

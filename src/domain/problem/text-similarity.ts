/**
 * Text similarity for "similar past incidents": tokens, tf-idf weights and cosine similarity, with no
 * dictionary so it works the same for Japanese and English. Text is NFKC-normalised (full-width ASCII and
 * half-width katakana fold to their usual forms) and lower-cased; runs of kanji/kana become overlapping
 * character bigrams (a run of one character stays a unigram), other letters and digits become words
 * (single letters and a few English stop words dropped). Bigrams are the standard dictionary-free
 * approach for Japanese retrieval: "決済エラー" and "決済のエラー" share 決済, エラ, ラー.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]/u;
const WORD = /[\p{L}\p{N}]/u;
const STOP_WORDS: ReadonlySet<string> = new Set(['the', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'is', 'was', 'are', 'be', 'with', 'from', 'by', 'it', 'this', 'that', 'not']);

/**
 * Tokens of a text.
 *
 * @example tokenize('DB接続エラー on API-2') // ['db', '接続', '続エ', 'エラ', 'ラー', 'api'] ('on' is a stop word, '2' a single character)
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let run: string[] = [];
  let runKind: 'cjk' | 'word' | null = null;
  const flush = (): void => {
    if (runKind === 'cjk') {
      if (run.length === 1) tokens.push(run[0] ?? '');
      for (let i = 0; i + 1 < run.length; i++) tokens.push(`${run[i] ?? ''}${run[i + 1] ?? ''}`);
    } else if (runKind === 'word') {
      const word = run.join('');
      if (run.length >= 2 && !STOP_WORDS.has(word)) tokens.push(word);
    }
    run = [];
    runKind = null;
  };
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const kind = CJK.test(ch) ? 'cjk' : WORD.test(ch) ? 'word' : null;
    if (kind !== runKind) flush();
    if (kind !== null) {
      runKind = kind;
      run.push(ch);
    }
  }
  flush();
  return tokens;
}

export type SparseVector = ReadonlyMap<string, number>;

/**
 * Unit-length tf-idf vectors of documents (token lists) over the same corpus. idf = ln((N + 1) / (df + 1)) + 1
 * (smoothed, so a token in every document still counts a little); tf is the raw count.
 *
 * @example tfidfVectors([['a1', 'b2'], ['a1']])[1] // Map { 'a1' => 1 }
 */
export function tfidfVectors(documents: readonly (readonly string[])[]): SparseVector[] {
  const df = new Map<string, number>();
  for (const doc of documents) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = documents.length;
  return documents.map((doc) => {
    const tf = new Map<string, number>();
    for (const t of doc) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, count] of tf) {
      const w = count * (Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1);
      v.set(t, w);
      norm += w * w;
    }
    const len = Math.sqrt(norm);
    if (len > 0) for (const [t, w] of v) v.set(t, w / len);
    return v;
  });
}

/**
 * Cosine similarity of two unit vectors (their dot product), in [0, 1].
 *
 * @example cosine(new Map([['a', 1]]), new Map([['a', 1]])) === 1
 */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return Math.min(1, Math.max(0, dot));
}

/**
 * Every text a config error shows, in Japanese and English. One builder per situation; callers pass the
 * already formatted field path (see `formatPath`), so each message names the field it is about.
 */

/** A message in both UI languages. */
export interface LocalizedMessage {
  readonly ja: string;
  readonly en: string;
}

/** Rough type of a value, for "expected X but got Y". */
export type ValueKind = 'missing' | 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'other';

const kindWords: Record<ValueKind, LocalizedMessage> = {
  missing: { ja: '未指定', en: 'missing' },
  null: { ja: 'null', en: 'null' },
  array: { ja: '配列', en: 'a list' },
  object: { ja: 'オブジェクト', en: 'an object' },
  string: { ja: '文字列', en: 'a text' },
  number: { ja: '数値', en: 'a number' },
  boolean: { ja: '真偽値', en: 'true or false' },
  other: { ja: '不明な型の値', en: 'a value of another type' },
};

const expectedWords: Readonly<Record<string, LocalizedMessage>> = {
  string: kindWords.string,
  number: kindWords.number,
  int: { ja: '整数', en: 'a whole number' },
  boolean: kindWords.boolean,
  array: kindWords.array,
  object: kindWords.object,
};

/** Describes a value's kind, so type errors can say what was found. */
export function valueKind(value: unknown): ValueKind {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : 'other';
}

const axisWords = {
  impact: { ja: '影響度', en: 'impact' },
  urgency: { ja: '緊急度', en: 'urgency' },
} as const;

const langWords = { ja: { ja: '日本語', en: 'Japanese' }, en: { ja: '英語', en: 'English' } } as const;

/** Shown for the empty path, which stands for the whole config. */
const whole = { ja: '設定全体', en: 'the config' } as const;
const f = (path: string, lang: 'ja' | 'en'): string => (path === '' ? whole[lang] : path);
/** Shows a value as it appears in the JSON an admin edits; never throws (bigint, symbol, cycles). */
const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};
const list = (values: readonly unknown[]): string => values.map(show).join(', ');
const n = String;
const versions = (current: number): LocalizedMessage =>
  current === 1 ? { ja: '1', en: 'the number 1' } : { ja: `1〜${n(current)} の整数`, en: `a whole number from 1 to ${n(current)}` };

export const messages = {
  missingField: (path: string): LocalizedMessage => ({
    ja: `${f(path, 'ja')} は必須ですが、指定されていません。`,
    en: `${f(path, 'en')} is required but missing.`,
  }),
  invalidType: (path: string, expected: string, found: ValueKind): LocalizedMessage => {
    const e = expectedWords[expected] ?? { ja: expected, en: expected };
    return {
      ja: `${f(path, 'ja')} は${e.ja}である必要がありますが、${kindWords[found].ja}が指定されています。`,
      en: `${f(path, 'en')} must be ${e.en}, but is ${kindWords[found].en}.`,
    };
  },
  tooSmall: (path: string, origin: string, minimum: number): LocalizedMessage =>
    origin === 'array'
      ? { ja: `${f(path, 'ja')} には ${n(minimum)} 件以上の項目が必要です。`, en: `${f(path, 'en')} needs at least ${n(minimum)} entries.` }
      : origin === 'string'
        ? { ja: `${f(path, 'ja')} を空にすることはできません。`, en: `${f(path, 'en')} must not be empty.` }
        : { ja: `${f(path, 'ja')} は ${n(minimum)} 以上にしてください。`, en: `${f(path, 'en')} must be at least ${n(minimum)}.` },
  tooBig: (path: string, origin: string, maximum: number): LocalizedMessage =>
    origin === 'array'
      ? { ja: `${f(path, 'ja')} の項目は ${n(maximum)} 件までです。`, en: `${f(path, 'en')} can have at most ${n(maximum)} entries.` }
      : origin === 'string'
        ? { ja: `${f(path, 'ja')} は ${n(maximum)} 文字以内にしてください。`, en: `${f(path, 'en')} can be at most ${n(maximum)} characters long.` }
        : { ja: `${f(path, 'ja')} は ${n(maximum)} 以下にしてください。`, en: `${f(path, 'en')} must be at most ${n(maximum)}.` },
  invalidValue: (path: string, allowed: readonly unknown[]): LocalizedMessage => ({
    ja: `${f(path, 'ja')} には次のいずれかを指定してください: ${list(allowed)}。`,
    en: `${f(path, 'en')} must be one of: ${list(allowed)}.`,
  }),
  unknownField: (path: string): LocalizedMessage => ({
    ja: `${f(path, 'ja')} は不明な項目です（綴りを確認してください）。`,
    en: `${f(path, 'en')} is not a known field (check the spelling).`,
  }),
  blankText: (path: string): LocalizedMessage => ({
    ja: `${f(path, 'ja')} に空白以外の文字を入力してください。`,
    en: `${f(path, 'en')} must contain more than blanks.`,
  }),
  invalidId: (path: string): LocalizedMessage => ({
    ja: `${f(path, 'ja')} は半角英数字で始まり、半角英数字・「-」・「_」のみ、64 文字以内で指定してください。`,
    en: `${f(path, 'en')} must start with a letter or digit and use only letters, digits, "-" and "_" (at most 64).`,
  }),
  invalidLabel: (path: string): LocalizedMessage => ({
    ja: `${f(path, 'ja')} は Jira のラベルとして使えません。空白を含まない 255 文字以内で指定してください。`,
    en: `${f(path, 'en')} is not a usable Jira label: use at most 255 characters without spaces.`,
  }),
  invalid: (path: string): LocalizedMessage => ({
    ja: `${f(path, 'ja')} の値が正しくありません。`,
    en: `${f(path, 'en')} is not valid.`,
  }),
  duplicateId: (path: string, id: string, firstPath: string): LocalizedMessage => ({
    ja: `${path} の ID "${id}" は ${firstPath} と重複しています。ID は一意にしてください。`,
    en: `${path} repeats the id "${id}" already used at ${firstPath}; ids must be unique.`,
  }),
  duplicateLabel: (path: string, lang: 'ja' | 'en', label: string, firstPath: string): LocalizedMessage => ({
    ja: `${path} の${langWords[lang].ja}ラベル "${label}" は ${firstPath} と重複しています。区別できるラベルにしてください。`,
    en: `${path}: the ${langWords[lang].en} label "${label}" is already used at ${firstPath}; labels must tell the levels apart.`,
  }),
  missingIncidentKind: (path: string, kind: string): LocalizedMessage => ({
    ja: `${path} にインシデント種別 "${kind}" がありません。`,
    en: `${path} lacks the incident kind "${kind}".`,
  }),
  matrixSizeOutOfRange: (path: string, axis: 'impact' | 'urgency', size: number, min: number, max: number): LocalizedMessage => ({
    ja: `${path} の${axisWords[axis].ja}の段階数は ${n(min)}〜${n(max)} にしてください（現在 ${n(size)}）。`,
    en: `${path} has ${n(size)} ${axisWords[axis].en} levels; it must have ${n(min)} to ${n(max)}.`,
  }),
  matrixSizeMismatch: (path: string, axis: 'impact' | 'urgency', expected: number, actual: number): LocalizedMessage =>
    axis === 'impact'
      ? {
          ja: `${path} の行数（${n(actual)}）が影響度の段階数（${n(expected)}）と一致しません。`,
          en: `${path} has ${n(actual)} rows but the impact scale has ${n(expected)} levels.`,
        }
      : {
          ja: `${path} の列数（${n(actual)}）が緊急度の段階数（${n(expected)}）と一致しません。`,
          en: `${path} has ${n(actual)} columns but the urgency scale has ${n(expected)} levels.`,
        },
  matrixNotRectangular: (path: string, expected: number, actual: number): LocalizedMessage => ({
    ja: `${path} の列数が ${n(actual)} です。マトリクスは長方形で、各行 ${n(expected)} 列（緊急度の段階数）にしてください。`,
    en: `${path} has ${n(actual)} cells; the matrix must be rectangular with ${n(expected)} per row (one per urgency level).`,
  }),
  unknownPriority: (path: string, level: string, known: readonly string[]): LocalizedMessage => ({
    ja: `${path} の優先度 "${level}" は定義されていません（定義済み: ${known.join(', ')}）。`,
    en: `${path} names the priority "${level}", which is not defined (defined: ${known.join(', ')}).`,
  }),
  unreferencedPriority: (path: string, level: string): LocalizedMessage => ({
    ja: `${path} の優先度 "${level}" はマトリクスのどのセルからも使われていません。`,
    en: `${path}: no matrix cell gives the priority "${level}", so it could never be chosen.`,
  }),
  notAnObject: (found: ValueKind): LocalizedMessage => ({
    ja: `設定はオブジェクトである必要がありますが、${kindWords[found].ja}でした。保存されている設定は変更していません。`,
    en: `The config must be an object, but is ${kindWords[found].en}. The stored config was left as it is.`,
  }),
  missingSchemaVersion: (current: number): LocalizedMessage => ({
    ja: `設定に schemaVersion がないため読み込めません（${versions(current).ja} が必要です）。保存されている設定は変更していません。`,
    en: `The config has no schemaVersion, so it cannot be read (expected ${versions(current).en}). The stored config was left as it is.`,
  }),
  invalidSchemaVersion: (found: unknown, current: number): LocalizedMessage => ({
    ja: `schemaVersion ${show(found)} は不正です（${versions(current).ja} が必要です）。保存されている設定は変更していません。`,
    en: `schemaVersion ${show(found)} is not valid (expected ${versions(current).en}). The stored config was left as it is.`,
  }),
  unsupportedSchemaVersion: (found: number, current: number): LocalizedMessage => ({
    ja: `設定のスキーマバージョン ${n(found)} は、このアプリが扱えるバージョン（${n(current)} まで）より新しいものです。アプリを更新してください。保存されている設定は変更していません。`,
    en: `The config uses schema version ${n(found)}, newer than this app understands (up to ${n(current)}). Update the app; the stored config was left as it is.`,
  }),
  noMigrationPath: (from: number, to: number): LocalizedMessage => ({
    ja: `スキーマバージョン ${n(from)} から ${n(to)} への移行手順がありません。保存されている設定は変更していません。`,
    en: `There is no migration from schema version ${n(from)} to ${n(to)}. The stored config was left as it is.`,
  }),
  migrationFailed: (from: number, to: number, detail: string): LocalizedMessage => ({
    ja: `スキーマバージョン ${n(from)} から ${n(to)} への移行に失敗しました: ${detail}。保存されている設定は変更していません。`,
    en: `Migrating the config from schema version ${n(from)} to ${n(to)} failed: ${detail}. The stored config was left as it is.`,
  }),
  migrationInputInvalid: (from: number, inner: LocalizedMessage): LocalizedMessage => ({
    ja: `バージョン ${n(from)} の設定として不正なため移行できません: ${inner.ja}`,
    en: `Cannot migrate: not a valid version ${n(from)} config: ${inner.en}`,
  }),
};

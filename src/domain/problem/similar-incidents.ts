import { z } from 'zod';
import type { ProblemIncident } from './problem-incident';
import { compareIssueKeys } from './problem-incident';
import { cosine, tfidfVectors, tokenize } from './text-similarity';

/**
 * "Similar past incidents" at intake: each candidate is scored by a weighted sum of same service, same
 * category and tf-idf text similarity of summary + description (see text-similarity.ts), and the top k
 * are returned. Scores are rounded to 6 decimals so ties, and therefore the order, are stable across
 * platforms.
 */

export const SimilarityOptionsSchema = z.object({
  k: z.number().int().min(1).max(100).optional().default(5),
  weights: z
    .object({ service: z.number().min(0), category: z.number().min(0), text: z.number().min(0) })
    .optional()
    .default({ service: 0.3, category: 0.2, text: 0.5 }),
  /** Candidates scoring below this are left out (0 drops only those with nothing in common). */
  minScore: z.number().min(0).optional().default(0),
});
export type SimilarityOptions = z.infer<typeof SimilarityOptionsSchema>;
export type SimilarityOptionsInput = z.input<typeof SimilarityOptionsSchema>;

export interface SimilarIncidentQuery {
  readonly key?: string;
  readonly summary: string;
  readonly description?: string;
  readonly service: string | null;
  readonly category: string | null;
}

export interface SimilarIncident {
  readonly key: string;
  readonly score: number;
  readonly textScore: number;
  readonly sameService: boolean;
  readonly sameCategory: boolean;
  readonly problemKey: string | null;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * The k past incidents most like the query, best first (ties: newer first, then key).
 *
 * @example
 * rankSimilarIncidents({ summary: '決済APIでタイムアウト', service: 'pay', category: null }, candidates, { k: 3 })
 * // [{ key: 'OPS-12', score: 0.71, textScore: 0.82, sameService: true, sameCategory: false, problemKey: 'PRB-3' }, ...]
 */
export function rankSimilarIncidents(query: SimilarIncidentQuery, candidates: readonly ProblemIncident[], options: SimilarityOptionsInput = {}): SimilarIncident[] {
  const o = SimilarityOptionsSchema.parse(options);
  const pool = candidates.filter((c, i) => c.key !== query.key && candidates.findIndex((d) => d.key === c.key) === i);
  const docs = [tokenize(`${query.summary}\n${query.description ?? ''}`), ...pool.map((c) => tokenize(`${c.summary}\n${c.description}`))];
  const [q, ...vectors] = tfidfVectors(docs);
  const scored = pool.map((c, i) => {
    const textScore = round6(q === undefined ? 0 : cosine(q, vectors[i] ?? new Map()));
    const sameService = query.service !== null && c.service === query.service;
    const sameCategory = query.category !== null && c.category === query.category;
    const score = round6((sameService ? o.weights.service : 0) + (sameCategory ? o.weights.category : 0) + o.weights.text * textScore);
    return { key: c.key, score, textScore, sameService, sameCategory, problemKey: c.problemKey, createdAt: c.createdAt };
  });
  return scored
    .filter((s) => s.score > 0 && s.score >= o.minScore)
    .sort((a, b) => b.score - a.score || b.createdAt - a.createdAt || compareIssueKeys(a.key, b.key))
    .slice(0, o.k)
    .map(({ createdAt: _createdAt, ...rest }) => rest);
}

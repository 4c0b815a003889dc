import { ProblemIncidentSchema, type ProblemIncident, type ProblemIncidentInput } from '../../../src/domain/problem';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2025, 0, 6, 0, 0); // 2025-01-06 09:00 JST

export function incident(key: string, days: number, patch: Partial<ProblemIncidentInput> = {}): ProblemIncident {
  return ProblemIncidentSchema.parse({
    key,
    createdAt: T0 + days * DAY,
    summary: `${key} summary`,
    service: 'pay',
    category: 'db',
    status: 'Open',
    statusCategory: 'new',
    problemKey: null,
    ...patch,
  });
}

import fc from 'fast-check';
import { IncidentFactsSchema, type IncidentFacts, type IncidentFactsInput } from '../../../src/domain/report';

export const H = 3_600_000;
export const M = 60_000;
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};

export const facts = (input: IncidentFactsInput): IncidentFacts => IncidentFactsSchema.parse(input);

/** Local YYYY-MM-DD by Intl directly: an independent reference for the rollup's day bucketing. */
export function intlDay(t: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(t);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const START = Date.UTC(2025, 0, 1);
const SPAN = 40 * 24 * H;

/** Random incident facts for a key, around January 2025, with small dimension alphabets so cells collide. */
export function arbFacts(key: string): fc.Arbitrary<IncidentFacts> {
  return fc
    .record({
      created: fc.integer({ min: START, max: START + SPAN }),
      resolveAfter: fc.option(fc.integer({ min: 0, max: 10 * 24 * H }), { nil: null }),
      ackAfter: fc.option(fc.integer({ min: 0, max: 2 * 24 * H }), { nil: null }),
      businessResolve: fc.option(fc.integer({ min: 0, max: 100 * H }), { nil: null }),
      businessAck: fc.option(fc.integer({ min: 0, max: 10 * H }), { nil: null }),
      kind: fc.constantFrom('inquiry', 'failure', 'security', null),
      priority: fc.constantFrom('P1', 'P2', 'P3', null),
      service: fc.constantFrom('pay', 'mail', null),
      category: fc.constantFrom('db', 'net', null),
      team: fc.constantFrom('ops', 'dev', null),
      restricted: fc.boolean(),
      recurring: fc.boolean(),
      problemKey: fc.constantFrom('PRB-1', 'PRB-2', null),
      sla: fc.array(
        fc.record({
          metricId: fc.constantFrom('ttfr', 'ttr'),
          state: fc.constantFrom('met', 'breached', 'running', 'paused'),
          after: fc.integer({ min: 0, max: 5 * 24 * H }),
        }),
        { maxLength: 3 },
      ),
    })
    .map((r) =>
      facts({
        key,
        createdAt: r.created,
        resolvedAt: r.resolveAfter === null ? null : r.created + r.resolveAfter,
        acknowledgedAt: r.ackAfter === null ? null : r.created + r.ackAfter,
        businessMsToResolve: r.resolveAfter === null ? null : r.businessResolve,
        businessMsToAcknowledge: r.ackAfter === null ? null : r.businessAck,
        kind: r.kind,
        priority: r.priority,
        service: r.service,
        category: r.category,
        team: r.team,
        restricted: r.restricted,
        recurring: r.recurring,
        problemKey: r.problemKey,
        sla: r.sla.map((s) => ({ metricId: s.metricId, state: s.state, at: s.state === 'met' || s.state === 'breached' ? r.created + s.after : null })),
      }),
    );
}

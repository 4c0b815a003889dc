/**
 * Report rollups for 5,000 and 50,000 synthetic incidents over 2025 (Asia/Tokyo):
 * - rollupFromScratch (O(incidents)): what a full recomputation / backfill costs;
 * - applyIncidentChange (one trigger's update, O(days touched));
 * - buildReport for a month, a quarter and the year (O(days x cells per day), independent of incidents);
 * - the stored size of the rollup (JSON bytes, total and largest day: one KVS value per day must stay < 240 KB);
 * - reportToCsv for the year.
 * Checks that incremental application of every incident equals the scratch rollup (5,000 only).
 * Run: npx tsx bench/report-rollup.bench.ts
 */
import { isDeepStrictEqual } from 'node:util';
import {
  IncidentFactsSchema,
  ReportFilterSchema,
  ReportPeriodSchema,
  applyIncidentChange,
  buildReport,
  emptyRollup,
  reportToCsv,
  rollupFromScratch,
  type IncidentFacts,
  type ReportRollup,
} from '../src/domain/report';

const ZONE = 'Asia/Tokyo';
const H = 3_600_000;
const YEAR_START = Date.UTC(2024, 11, 31, 15, 0); // 2025-01-01 00:00 JST

// Deterministic pseudo-random numbers (mulberry32).
let seed = 0x7e9047;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const KINDS = ['inquiry', 'failure', 'security'] as const;
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
const SERVICES = ['決済API', 'メール', '認証', '在庫', '配送', 'ポータル', '社内ネットワーク', 'DB'] as const;
const CATEGORIES = ['db', 'network', 'app', 'hardware', 'account'] as const;
const TEAMS = ['ops', 'dev', 'csirt', 'helpdesk'] as const;

function synth(n: number): IncidentFacts[] {
  const out: IncidentFacts[] = [];
  for (let i = 0; i < n; i++) {
    const createdAt = YEAR_START + Math.floor(rand() * 365 * 24 * H);
    const kind = pick(KINDS);
    const resolved = rand() < 0.9;
    const ttr = Math.floor(rand() * 72 * H);
    const ack = Math.floor(rand() * 4 * H);
    const resolvedAt = resolved ? createdAt + ttr : null;
    out.push(
      IncidentFactsSchema.parse({
        key: `OPS-${String(i + 1)}`,
        createdAt,
        acknowledgedAt: createdAt + ack,
        resolvedAt,
        businessMsToAcknowledge: Math.floor(ack * 0.4),
        businessMsToResolve: resolved ? Math.floor(ttr * 0.35) : null,
        kind,
        priority: pick(PRIORITIES),
        service: pick(SERVICES),
        category: pick(CATEGORIES),
        team: pick(TEAMS),
        restricted: kind === 'security',
        recurring: rand() < 0.15,
        problemKey: rand() < 0.1 ? `PRB-${String(1 + Math.floor(rand() * 40))}` : null,
        sla: [
          { metricId: 'ttfr', state: rand() < 0.92 ? 'met' : 'breached', at: createdAt + ack },
          resolved ? { metricId: 'ttr', state: rand() < 0.85 ? 'met' : 'breached', at: resolvedAt } : { metricId: 'ttr', state: rand() < 0.8 ? 'running' : 'paused', at: null },
        ],
      }),
    );
  }
  return out;
}

function time<T>(fn: () => T, repeat = 1): { ms: number; value: T } {
  let value = fn();
  const start = performance.now();
  for (let i = 0; i < repeat; i++) value = fn();
  return { ms: (performance.now() - start) / repeat, value };
}

const fmt = (ms: number): string => `${ms.toFixed(3).padStart(10)} ms`;

for (const n of [5_000, 50_000]) {
  const facts = synth(n);
  console.log(`\n== ${n.toLocaleString('en')} incidents over 2025 (${ZONE}) ==`);
  const scratch = time(() => rollupFromScratch(facts, ZONE), 3);
  const rollup = scratch.value;
  const days = Object.keys(rollup.days).length;
  const cells = Object.values(rollup.days).reduce((s, d) => s + Object.keys(d).length, 0);
  const bytes = Buffer.byteLength(JSON.stringify(rollup));
  const largestDay = Math.max(...Object.values(rollup.days).map((d) => Buffer.byteLength(JSON.stringify(d))));
  console.log(`rollupFromScratch                 ${fmt(scratch.ms)}   (${String(days)} days, ${String(cells)} cells, ${(bytes / 1024).toFixed(0)} KB JSON, largest day ${(largestDay / 1024).toFixed(1)} KB)`);

  // One trigger update: an incident gets resolved (3 days touched at most).
  const target = facts[Math.floor(n / 2)] as IncidentFacts;
  const changed: IncidentFacts = { ...target, priority: target.priority === 'P1' ? 'P2' : 'P1' };
  const one = time(() => applyIncidentChange(rollup, target, changed), 200);
  console.log(`applyIncidentChange (1 update)    ${fmt(one.ms)}`);

  if (n === 5_000) {
    let incremental: ReportRollup = emptyRollup(ZONE);
    const inc = time(() => {
      incremental = emptyRollup(ZONE);
      for (const f of facts) incremental = applyIncidentChange(incremental, undefined, f);
      return incremental;
    });
    console.log(`applyIncidentChange x ${String(n)}       ${fmt(inc.ms)}   equals scratch: ${String(isDeepStrictEqual(inc.value, rollup))}`);
  }

  const all = ReportFilterSchema.parse({ includeRestricted: true });
  const p1 = ReportFilterSchema.parse({ priorities: ['P1'], services: ['決済API', '認証'] });
  for (const [label, from, to] of [
    ['month', '2025-06-01', '2025-06-30'],
    ['quarter', '2025-04-01', '2025-06-30'],
    ['year', '2025-01-01', '2025-12-31'],
  ] as const) {
    const period = ReportPeriodSchema.parse({ from, to });
    const r = time(() => buildReport(rollup, period, all), 20);
    const f = time(() => buildReport(rollup, period, p1), 20);
    console.log(`buildReport ${label.padEnd(8)} all         ${fmt(r.ms)}   opened ${String(r.value.totals.opened)}, ttr compliance ${((r.value.sla.find((s) => s.metricId === 'ttr')?.compliance ?? 0) * 100).toFixed(2)}%, MTTR ${String(r.value.mttr.wallMinutes)} min`);
    console.log(`buildReport ${label.padEnd(8)} P1 x 2 svc  ${fmt(f.ms)}   opened ${String(f.value.totals.opened)}`);
  }
  const year = buildReport(rollup, ReportPeriodSchema.parse({ from: '2025-01-01', to: '2025-12-31' }), all);
  const csv = time(() => reportToCsv(year, 'ja'), 20);
  console.log(`reportToCsv (year, ja)            ${fmt(csv.ms)}   ${(Buffer.byteLength(csv.value) / 1024).toFixed(1)} KB`);
  console.log(`ratio scratch / year report       ${(scratch.ms / time(() => buildReport(rollup, ReportPeriodSchema.parse({ from: '2025-01-01', to: '2025-12-31' }), all), 20).ms).toFixed(1)}x`);
}

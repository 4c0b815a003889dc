/**
 * Business-time arithmetic: this engine vs moment-business-time (+ moment-timezone) on the same
 * calendar — weekdays 09:00-18:00 Asia/Tokyo with the Japanese public holidays of 2025-2027.
 * 1. Correctness: 10,000 random "add N business minutes" and "business time between" cases; prints
 *    the number of mismatches.
 * 2. Throughput of each operation; prints ops/s and the ratio (goal: >= 10x).
 * Run: npx tsx bench/business-time.bench.ts
 */
import moment from 'moment-timezone';
import 'moment-business-time';
import { japaneseHolidays } from '../src/config/holidays/jp-holidays';
import { CalendarDefinitionSchema, addBusinessMs, businessMsBetween, compileCalendar } from '../src/domain/calendar';

const ZONE = 'Asia/Tokyo';
const CASES = 10_000;
const holidays = japaneseHolidays([2025, 2026, 2027]);
const day = [{ start: '09:00', end: '18:00' }];

const ours = compileCalendar(
  CalendarDefinitionSchema.parse({
    id: 'bench',
    labels: { ja: 'ベンチ', en: 'Bench' },
    timeZone: ZONE,
    hours: { kind: 'weekly', week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] } },
    holidays,
  }),
);

// moment-business-time reads its calendar from the global locale.
moment.updateLocale('en', {
  workinghours: { 0: null, 1: ['09:00:00', '18:00:00'], 2: ['09:00:00', '18:00:00'], 3: ['09:00:00', '18:00:00'], 4: ['09:00:00', '18:00:00'], 5: ['09:00:00', '18:00:00'], 6: null },
  holidays: holidays.map((h) => (h.kind === 'date' ? h.date : '')),
});

// Deterministic pseudo-random cases (mulberry32), whole seconds within 2025.
let seed = 0x5eed;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const start2025 = Date.UTC(2024, 11, 31, 15); // 2025-01-01 00:00 JST
const year = 365 * 86_400_000;
const cases = Array.from({ length: CASES }, () => {
  const from = start2025 + Math.floor((rand() * year) / 1000) * 1000;
  const minutes = 1 + Math.floor(rand() * 5 * 9 * 60); // up to a business week
  const to = from + Math.floor((rand() * 14 * 86_400_000) / 1000) * 1000; // up to two weeks later
  return { from, minutes, to };
});

type MomentBT = moment.Moment & {
  addWorkingTime(n: number, unit: string): moment.Moment;
  workingDiff(other: moment.Moment, unit: string, precise?: boolean): number;
};
const m = (ms: number): MomentBT => moment.tz(ms, ZONE) as MomentBT;

const oursAdd = (c: (typeof cases)[number]): number => {
  const r = addBusinessMs(ours, c.from, c.minutes * 60_000);
  return r.ok ? r.value : Number.NaN;
};
const theirsAdd = (c: (typeof cases)[number]): number => m(c.from).addWorkingTime(c.minutes, 'minutes').valueOf();
const oursBetween = (c: (typeof cases)[number]): number => businessMsBetween(ours, c.from, c.to);
const theirsBetween = (c: (typeof cases)[number]): number => m(c.to).workingDiff(m(c.from), 'milliseconds', true);

// 1. Same answers?
let addMismatches = 0;
let betweenMismatches = 0;
const examples: string[] = [];
for (const c of cases) {
  const a = oursAdd(c);
  const b = theirsAdd(c);
  if (a !== b) {
    addMismatches++;
    if (examples.length < 5) examples.push(`add ${String(c.minutes)} min from ${new Date(c.from).toISOString()}: ours ${new Date(a).toISOString()}, moment ${new Date(b).toISOString()}`);
  }
  const x = oursBetween(c);
  const y = theirsBetween(c);
  if (x !== y) {
    betweenMismatches++;
    if (examples.length < 5) examples.push(`between ${new Date(c.from).toISOString()} and ${new Date(c.to).toISOString()}: ours ${String(x)} ms, moment ${String(y)} ms`);
  }
}
console.log(`calendar: weekdays 09:00-18:00 ${ZONE}, ${String(holidays.length)} Japanese holidays (2025-2027)`);
console.log(`correctness on ${String(CASES)} random cases: add mismatches ${String(addMismatches)}, between mismatches ${String(betweenMismatches)}`);
for (const e of examples) console.log(`  e.g. ${e}`);

// 2. Throughput.
function opsPerSecond(fn: (c: (typeof cases)[number]) => number, minMs: number): number {
  let sink = 0;
  let ops = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const c of cases) sink += fn(c);
    ops += cases.length;
    elapsed = performance.now() - t0;
  }
  if (sink === 42) console.log(''); // keep the work observable
  return (ops / elapsed) * 1000;
}
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
for (const [name, oursFn, theirsFn] of [
  ['add business minutes', oursAdd, theirsAdd],
  ['business time between', oursBetween, theirsBetween],
] as const) {
  opsPerSecond(oursFn, 200); // warm-up (JIT, year caches)
  const o = opsPerSecond(oursFn, 1000);
  const t = opsPerSecond(theirsFn, 2000);
  console.log(`${name}: ours ${fmt(o)} ops/s, moment-business-time ${fmt(t)} ops/s, ratio ${(o / t).toFixed(0)}x`);
}

/**
 * Runs the calendar and SLA suites once per process time zone. The engine never uses the host zone, so
 * every run must pass unchanged; a failure under one TZ means host-local time leaked into the code.
 * Usage: npm run test:tz  (extra arguments are passed to vitest)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ZONES = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Australia/Lord_Howe'];
const SUITES = ['tests/domain/calendar', 'tests/domain/sla', 'tests/config/v2'];
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

const failed: string[] = [];
for (const zone of ZONES) {
  const offset = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(-new Date(Date.UTC(2025,0,15)).getTimezoneOffset()))'], { env: { ...process.env, TZ: zone }, encoding: 'utf8' }).stdout;
  console.log(`\n=== TZ=${zone} (host offset in January: ${offset} min) ===`);
  const run = spawnSync(process.execPath, [vitest, 'run', ...SUITES, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TZ: zone } });
  if (run.status !== 0) failed.push(zone);
}
if (failed.length > 0) {
  console.error(`\ncalendar/SLA suites failed under TZ=${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\ncalendar/SLA suites passed under TZ=${ZONES.join(', ')}`);

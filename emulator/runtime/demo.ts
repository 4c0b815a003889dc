/**
 * `npm run demo`: build the Custom UI pages, start the local Jira site with a seeded demo project and
 * print the URLs to open.
 *
 *   npm run demo                      build, seed, serve on $PORT or 8080 (a free port if busy)
 *   npm run demo -- --no-build        skip the Vite builds (frames show what is already built, or a placeholder)
 *   npm run demo -- --port 0          any free port
 *   npm run demo -- --frozen          the clock stands still (default: it follows the wall clock)
 */
import './node-interop';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ForgeRuntime } from './forge-runtime';
import { startEmulatorServer, type EmulatorServer } from './host/server';
import { REPO_ROOT } from './manifest';
import { seedDemo, type DemoSeedSummary } from './seed/demo-seed';

export interface DemoOptions {
  port?: number;
  build?: boolean;
  running?: boolean;
  log?: (line: string) => void;
}

export interface Demo {
  runtime: ForgeRuntime;
  server: EmulatorServer;
  summary: DemoSeedSummary;
  urls: { label: string; url: string }[];
  stop(): Promise<void>;
}

/** Build what exists with the project's own `build:ui` script; a failed build is reported, not fatal. */
export function buildUi(log: (line: string) => void): boolean {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (pkg.scripts?.['build:ui'] === undefined) {
    log('no build:ui script yet: frames will show placeholders');
    return false;
  }
  log('building Custom UI pages (npm run build:ui) ...');
  const res = spawnSync('npm', ['run', '--silent', 'build:ui'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    // A page served to a browser is a production build, whatever NODE_ENV the caller runs under (vitest sets 'test').
    env: { ...process.env, NODE_ENV: 'production', npm_config_loglevel: 'error' },
  });
  if (res.status !== 0) {
    log('build:ui failed: pages without a build show a placeholder; the site still starts');
    return false;
  }
  return true;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.build ?? true) buildUi(log);
  const runtime = await ForgeRuntime.create({ running: options.running ?? true, start: Math.floor(Date.now() / 60_000) * 60_000 });
  try {
    const summary = await seedDemo(runtime, { log: (l) => log(`seed: ${l}`) });
    const server = await startEmulatorServer(runtime, {
      port: options.port ?? 8080,
      seed: (rt) => seedDemo(rt),
      defaultUser: summary.users.agent,
    });
    const u = summary.users;
    const key = summary.projectKey;
    const firstIncident = summary.incidents.find((k) => !summary.restricted.includes(k)) ?? `${key}-1`;
    const urls = [
      { label: 'Issue view (agent)', url: `${server.url}/browse/${firstIncident}?as=${u.agent}` },
      { label: 'Issue view in Japanese', url: `${server.url}/browse/${firstIncident}?as=${u.agent}&locale=ja-JP` },
      { label: 'Issue list', url: `${server.url}/projects/${key}/issues?as=${u.agent}` },
      { label: 'Project settings (admin)', url: `${server.url}/projects/${key}/settings/apps/incident-desk?as=${u.admin}` },
      { label: 'Reports (manager)', url: `${server.url}/projects/${key}/apps/incident-desk?as=${u.manager}` },
      { label: 'As CSIRT (sees security incidents)', url: `${server.url}/projects/${key}/issues?as=${u.csirt}` },
      { label: 'As an outsider (sees nothing)', url: `${server.url}/browse/${firstIncident}?as=${u.outsider}` },
      { label: 'Emulator state', url: `${server.url}/__emulator/state` },
    ];
    return {
      runtime,
      server,
      summary,
      urls,
      stop: async () => {
        await server.close();
        runtime.dispose();
      },
    };
  } catch (err) {
    runtime.dispose();
    throw err;
  }
}

function parseArgs(argv: string[]): DemoOptions {
  const out: DemoOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') out.build = false;
    else if (a === '--frozen') out.running = false;
    else if (a === '--port') out.port = Number(argv[++i]);
  }
  if (out.port === undefined && process.env.PORT !== undefined && process.env.PORT !== '') out.port = Number(process.env.PORT);
  if (out.port !== undefined && (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535)) {
    throw new Error(`Not a port: ${String(out.port)}`);
  }
  return out;
}

async function main(): Promise<void> {
  const demo = await startDemo(parseArgs(process.argv.slice(2)));
  const failed = demo.summary.appSteps.filter((s) => !s.ok);
  console.log('');
  console.log(`Incident Desk demo: ${demo.summary.incidents.length} incidents, ${demo.summary.problems.length} problems in ${demo.summary.projectKey}`);
  for (const s of failed) console.log(`  app step not done yet: ${s.step}: ${s.detail ?? ''}`);
  console.log('');
  for (const { label, url } of demo.urls) console.log(`  ${label.padEnd(36)} ${url}`);
  console.log('');
  console.log(`DEMO_URL=${demo.server.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => {
    void demo.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly = process.argv[1] !== undefined && existsSync(process.argv[1]) && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (invokedDirectly) {
  main().catch((err: unknown) => {
    console.error('[demo] failed to start:', err);
    process.exit(1);
  });
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface DemoProcess {
  url: string;
  /** Label -> URL, as the demo printed them. */
  links: Map<string, string>;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Run the real `npm run demo` (build included unless E2E_NO_BUILD=1) on a free port and wait for the
 * line it prints when the site is up. The child gets its own process group so stop() ends npm, tsx and node.
 */
export function startDemoProcess(): Promise<DemoProcess> {
  const args = ['run', '--silent', 'demo', '--', '--port', '0', '--frozen', ...(process.env.E2E_NO_BUILD === '1' ? ['--no-build'] : [])];
  const child: ChildProcess = spawn('npm', args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error' } });
  let out = '';
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.pid === undefined) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid, 'SIGTERM');
      setTimeout(() => {
        if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      }, 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`npm run demo did not come up in time:\n${out}`));
    }, 170_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const m = /^DEMO_URL=(\S+)$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const links = new Map<string, string>();
      for (const line of out.split('\n')) {
        const l = /^\s{2}(\S.*?)\s{2,}(http:\/\/\S+)$/.exec(line);
        if (l) links.set(l[1]!, l[2]!);
      }
      resolve({ url: m[1]!, links, output: () => out, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run demo exited with ${String(code)}:\n${out}`));
    });
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

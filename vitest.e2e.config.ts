import { defineConfig } from 'vitest/config';

/** Browser tests: start `npm run demo` and drive headless Chromium (Debian's /usr/bin/chromium) with playwright-core. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});

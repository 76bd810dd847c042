import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One vitest run covers the repo. Suffixes say where a test runs (docs/architecture.md#tests):
//   *.test.ts          unit and API tests (PGlite, and real Postgres when TEST_DATABASE_URL is set)
//   *.e2e.test.ts      real headless Chromium against a running server with the built apps
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.{ts,tsx}',
            'apps/*/src/**/*.test.{ts,tsx}',
            'sync-server/{src,test}/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', '**/*.e2e.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Vitest's default on 2 cores is one file at a time, but these files mostly wait (on Postgres, sockets,
          // child servers): two at once take about three quarters of the time.
          maxWorkers: Math.max(2, availableParallelism() - 1),
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // expect.poll's default of 1 s is less than a busy CI machine can take for a browser to act (a push
          // shown, a service worker reported); a real failure still fails, only later.
          expect: { poll: { timeout: 15_000 } },
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});

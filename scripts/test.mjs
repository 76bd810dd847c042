// `npm test`: everything CI checks, in one command — types, lint, migrations in sync, first-paint budgets, then all
// vitest projects (unit/API tests on PGlite, plus real Postgres when TEST_DATABASE_URL is set, and Chromium
// end-to-end tests).
import { existsSync } from 'node:fs';
import { bin, ensureAppsBuilt, ensureInstalled, pnpm, run } from './lib.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

await ensureInstalled();
await pnpm(['-r', '--workspace-concurrency=2', 'typecheck']);
await bin('tsc', ['--noEmit', '-p', 'test']);
await bin('biome', ['check', '.']);
await run(process.execPath, ['scripts/db-check.mjs']);

// The first-paint budgets read the built apps (test/budgets), so build them whether or not Chromium is here.
await ensureAppsBuilt();
await bin('tsx', ['test/budgets/check-budgets.ts']);

const projects = ['--project', 'unit'];
if (existsSync(chromium)) {
  projects.push('--project', 'e2e');
} else if (process.env.CI) {
  console.error(`Chromium not found at ${chromium}; CI must run the browser tests (.ci/run installs it).`);
  process.exit(1);
} else {
  console.warn(`\n⚠ Chromium not found at ${chromium}: skipping browser tests (apt-get install chromium).\n`);
}
if (!process.env.TEST_DATABASE_URL) {
  console.warn('⚠ TEST_DATABASE_URL is not set: API tests run on embedded PGlite only.');
}
await bin('vitest', ['run', ...projects, ...process.argv.slice(2)]);

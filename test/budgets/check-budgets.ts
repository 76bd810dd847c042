// Part of `npm test` (scripts/test.mjs), after the apps are built: fails when an app needs more JS + CSS before
// its first paint than its budget, and prints each file's share either way.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apps } from '../../sync-server/src/static/serve-apps';
import { type AppName, budgetReport, budgets, firstPaintFiles } from './first-paint';

const appsDir = fileURLToPath(new URL('../../apps', import.meta.url));
let failed = false;
for (const { name, base } of apps) {
  const files = await firstPaintFiles(join(appsDir, name, 'dist'), base);
  const report = budgetReport(name, files, budgets[name as AppName]);
  console.log(report.text);
  failed ||= report.over;
}
if (failed) {
  console.error('\nFirst-paint budget exceeded: load the code the first screen does not need with import().');
  process.exit(1);
}

// `pnpm bench <name>`: runs benchmarks/<name>.bench.ts (see docs/benchmarks.md). Not part of `npm test`.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bin, ensureAppsBuilt, ensureInstalled, root } from './lib.mjs';

const name = process.argv[2];
const dir = join(root, 'benchmarks');
const available = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => f.replace('.bench.ts', ''))
  : [];
if (!name || !available.includes(name)) {
  console.error(`Usage: pnpm bench <name>   (available: ${available.join(', ') || 'none yet'})`);
  process.exit(name ? 1 : 0);
}
await ensureInstalled();
// The web bench loads the built apps in Chromium.
if (name === 'web') await ensureAppsBuilt();
await bin('tsx', [join(dir, `${name}.bench.ts`), ...process.argv.slice(3)]);

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Browser tests run against the built apps (the service worker and precache only exist in a build), so build
// any app whose dist is missing or older than its sources or the shared packages it bundles.
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const apps = ['rider', 'driver', 'admin'];
const shared = [
  'packages/app-config',
  'packages/ui/src',
  'packages/client/src',
  'packages/domain/src',
  'packages/sync-protocol/src',
  'packages/planner/src',
  'packages/places/src',
  'public',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path)
    .filter((entry) => entry !== 'node_modules' && entry !== 'dist')
    .reduce((max, entry) => Math.max(max, newestMtime(join(path, entry))), s.mtimeMs);
}

export default function setup() {
  const sharedMtime = Math.max(...shared.map((p) => newestMtime(join(root, p))));
  for (const app of apps) {
    const dir = join(root, 'apps', app);
    const built = join(dir, 'dist', 'sw.js');
    const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
    const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) =>
      newestMtime(join(dir, p)),
    );
    if (builtAt > Math.max(sharedMtime, ...sources)) continue;
    console.log(`[e2e] building apps/${app}`);
    execFileSync(
      join(dir, 'node_modules', '.bin', 'vite'),
      ['build', '--configLoader', 'runner', '--logLevel', 'warn'],
      {
        cwd: dir,
        stdio: 'inherit',
      },
    );
    // As the app's build script does: the .br/.gz variants the server sends (sync-server/src/static).
    execFileSync(process.execPath, [join(root, 'scripts', 'precompress.mjs'), join(dir, 'dist')], {
      stdio: 'inherit',
    });
  }
}

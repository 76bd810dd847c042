// Shared by the root scripts: they must run with nothing but Node 20 and npm on the machine.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const pnpmVersion = '10.34.8';

export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

const localBin = (name) => join(root, 'node_modules', '.bin', name);

/** pnpm from the workspace once installed; before that, the pinned version through npx. */
export function pnpm(args, opts) {
  return existsSync(localBin('pnpm'))
    ? run(localBin('pnpm'), args, opts)
    : run('npx', ['-y', `pnpm@${pnpmVersion}`, ...args], opts);
}

export function bin(name, args, opts) {
  return run(localBin(name), args, opts);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export async function ensureInstalled() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing dependencies…');
  await pnpm(['install', '--frozen-lockfile']);
}

const appNames = ['rider', 'driver', 'admin'];

/** Builds the three PWAs when a build is missing or older than anything it is built from. */
export async function ensureAppsBuilt({ force = false } = {}) {
  const shared = Math.max(
    ...['packages', 'public'].map((d) => newestMtime(join(root, d))),
    newestMtime(join(root, 'pnpm-lock.yaml')),
  );
  const stale = appNames.filter((name) => {
    const built = join(root, 'apps', name, 'dist', 'index.html');
    if (force || !existsSync(built)) return true;
    const builtAt = statSync(built).mtimeMs;
    return builtAt < Math.max(shared, newestMtime(join(root, 'apps', name)));
  });
  if (stale.length === 0) return;
  console.log(`Building ${stale.join(', ')}…`);
  await pnpm(['-r', ...stale.flatMap((n) => ['--filter', `@kigaligo/${n}`]), 'build']);
}

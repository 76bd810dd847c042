import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The dependency rules of docs/architecture.md, checked on every import in the source tree:
// apps → packages except sync-protocol (documents through the client); sync-server → packages; packages never import apps or the server; domain imports zod only;
// benchmarks → packages and the server, by name. Inside the server: routes → services (features) → db, and
// features → the sync engine through its registration interface only, never back (serverLayerBroken).
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (entry === 'node_modules' || entry === 'dist') return [];
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts)$/.test(entry) ? [full] : [];
  });
}

const importPattern =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(importPattern)].map((m) => (m[1] ?? m[2])!);
}

function workspaces(): { kind: 'app' | 'package' | 'server' | 'bench'; name: string; dir: string }[] {
  const list = (parent: string) =>
    readdirSync(join(root, parent)).filter((d) => statSync(join(root, parent, d)).isDirectory());
  return [
    ...list('apps').map((name) => ({ kind: 'app' as const, name, dir: join(root, 'apps', name) })),
    ...list('packages').map((name) => ({
      kind: 'package' as const,
      name,
      dir: join(root, 'packages', name),
    })),
    { kind: 'server' as const, name: 'sync-server', dir: join(root, 'sync-server') },
    { kind: 'bench' as const, name: 'benchmarks', dir: join(root, 'benchmarks') },
  ];
}

type Workspace = ReturnType<typeof workspaces>[number];

/** Why `file` in `ws` may not import `spec`, or null when it may. */
function ruleBroken(ws: Workspace, file: string, spec: string): string | null {
  const isTest = /\.test\.tsx?$/.test(file);
  if (spec.startsWith('.')) {
    return resolve(dirname(file), spec).startsWith(ws.dir)
      ? null
      : `reaches outside its workspace with "${spec}"; import the package by name`;
  }
  const internal = /^@kigaligo\/([^/]+)/.exec(spec)?.[1];
  if (internal && ['rider', 'driver', 'admin'].includes(internal))
    return `imports the app ${spec}; nothing imports apps`;
  if (internal === 'sync-server' && ws.kind !== 'server' && ws.kind !== 'bench')
    return 'imports the server; only root tests and benchmarks may start it';
  // Apps read documents through packages/client's hooks and re-exported keys, never the protocol itself.
  if (internal === 'sync-protocol' && ws.kind === 'app')
    return 'imports sync-protocol; apps reach documents through @kigaligo/client (useRiderDoc, riderDocKeys…)';
  // Tests may use their runner and Node; the rules below are about what ships.
  if (isTest) return null;
  if (ws.name === 'domain' && spec !== 'zod' && !spec.startsWith('zod/'))
    return `domain may import zod only, not "${spec}"`;
  if (
    ['planner', 'places'].includes(ws.name) &&
    (spec.startsWith('node:') || ['fs', 'path'].includes(spec))
  ) {
    return `${ws.name} runs in browsers and workers, so no Node modules ("${spec}")`;
  }
  return null;
}

const serverSrc = join(root, 'sync-server/src');
/** The server's feature folders: the services routes call, each owning its rows and documents. */
const features = [
  'alerts',
  'audit',
  'auth',
  'booking',
  'evidence',
  'live',
  'network',
  'notifications',
  'outbox',
  'payments',
  'realtime',
  'reports',
  'seed',
  'tracking',
];
/** What builds the server and what only tests use: nothing below them imports these. */
const topLayer = ['routes', 'app', 'server', 'main', 'index', 'cli', 'config', 'test-support'];
/** What the sync engine stands on: the database, HTTP plumbing (upgrades, socket guards), token checks, errors. */
const belowSync = ['sync', 'db', 'http', 'auth', 'logger', 'domain-error'];

/** The top-level folder (or file, without extension) of a path under sync-server/src. */
function layerOf(path: string): string {
  return relative(serverSrc, path)
    .split(/[\\/]/)[0]!
    .replace(/\.tsx?$/, '');
}

/** Why a file of the server may not import `spec` (relative) under its layering rules, or null when it may. */
function serverLayerBroken(file: string, spec: string): string | null {
  if (!spec.startsWith('.') || !file.startsWith(serverSrc)) return null;
  const target = resolve(dirname(file), spec);
  if (!target.startsWith(serverSrc)) return null;
  const from = layerOf(file);
  const to = layerOf(target);
  if (from === to) return null;
  // server.ts and the test kits assemble everything; they may import every part.
  if (['server', 'test-support', 'bench'].includes(from) || /[\\/]test-support[\\/]/.test(file)) return null;
  const isTest = /\.test\.tsx?$/.test(file);
  if (isTest && to === 'test-support') return null;
  if (to === 'sync' && relative(join(serverSrc, 'sync'), target).replace(/\.ts$/, '') !== 'doc-type')
    return `imports the sync engine's "${spec}"; features plug in through sync/doc-type only`;
  if (from === 'sync' && !belowSync.includes(to))
    return `the sync engine imports "${spec}"; it knows no feature (they register a DocType)`;
  // Tests may start the whole server (test-support) and call any layer; the sync seam above holds for them too.
  if (isTest) return null;
  if (from === 'db') return `db/ imports "${spec}"; the schema and its client stand on nothing above them`;
  if (to === 'routes' && from !== 'app') return `imports the routes ("${spec}"); only app.ts mounts them`;
  if ((features.includes(from) || ['sync', 'db', 'http', 'static'].includes(from)) && topLayer.includes(to)) {
    return `${from}/ imports "${spec}", a layer above it (routes → services → db, never back)`;
  }
  return null;
}

function violations(ws: Workspace): string[] {
  let files: string[] = [];
  try {
    files = sourceFiles(ws.kind === 'bench' ? ws.dir : join(ws.dir, 'src'));
  } catch {
    return [];
  }
  return files.flatMap((file) =>
    importsOf(file).flatMap((spec) => {
      const broken =
        ruleBroken(ws, file, spec) ?? (ws.kind === 'server' ? serverLayerBroken(file, spec) : null);
      return broken ? [`${relative(root, file)}: ${broken}`] : [];
    }),
  );
}

describe('import boundaries', () => {
  it.each(workspaces().map((w) => [w.name, w] as const))('%s follows the dependency rules', (_name, ws) => {
    expect(violations(ws)).toEqual([]);
  });

  it('flags each kind of wrong-way import', () => {
    const domain: Workspace = { kind: 'package', name: 'domain', dir: join(root, 'packages/domain') };
    const file = join(domain.dir, 'src/x.ts');
    expect(ruleBroken(domain, file, 'drizzle-orm')).toMatch(/zod only/);
    expect(ruleBroken(domain, file, '../../../sync-server/src/app')).toMatch(/outside/);
    expect(ruleBroken(domain, file, '@kigaligo/rider')).toMatch(/apps/);
    expect(ruleBroken(domain, file, 'zod')).toBeNull();
    expect(importsOf(fileURLToPath(import.meta.url))).toContain('vitest');
    const rider: Workspace = { kind: 'app', name: 'rider', dir: join(root, 'apps/rider') };
    const riderFile = join(rider.dir, 'src/x.ts');
    expect(ruleBroken(rider, riderFile, '@kigaligo/sync-protocol')).toMatch(/through @kigaligo\/client/);
    expect(ruleBroken(rider, join(rider.dir, 'src/x.test.ts'), '@kigaligo/sync-protocol')).toMatch(
      /sync-protocol/,
    );
    expect(ruleBroken(rider, riderFile, '@kigaligo/client')).toBeNull();
  });

  it("flags wrong-way imports between the server's layers", () => {
    const at = (path: string) => join(serverSrc, path);
    expect(serverLayerBroken(at('sync/reconciler.ts'), '../booking/trip-docs')).toMatch(/knows no feature/);
    expect(serverLayerBroken(at('sync/sync-service.ts'), '../http/upgrades')).toBeNull();
    expect(serverLayerBroken(at('booking/trip-docs.ts'), '../sync/doc-store')).toMatch(/sync\/doc-type only/);
    expect(serverLayerBroken(at('booking/trip-docs.ts'), '../sync/doc-type')).toBeNull();
    expect(serverLayerBroken(at('booking/x.test.ts'), '../sync/reconciler')).toMatch(/doc-type only/);
    expect(serverLayerBroken(at('reports/file-report.ts'), '../routes/reports')).toMatch(/only app.ts/);
    expect(serverLayerBroken(at('payments/views.ts'), '../server')).toMatch(/layer above/);
    expect(serverLayerBroken(at('db/users.ts'), '../booking/trip-view')).toMatch(/db\//);
    expect(serverLayerBroken(at('routes/trips.ts'), '../booking/book-intent')).toBeNull();
    expect(serverLayerBroken(at('server.ts'), './sync/reconciler')).toBeNull();
    const bench: Workspace = { kind: 'bench', name: 'benchmarks', dir: join(root, 'benchmarks') };
    expect(ruleBroken(bench, join(bench.dir, 'x.ts'), '@kigaligo/sync-server')).toBeNull();
    expect(ruleBroken(bench, join(bench.dir, 'x.ts'), '../sync-server/src/db/schema')).toMatch(/outside/);
  });
});

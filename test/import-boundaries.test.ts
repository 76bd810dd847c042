import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The dependency rules of docs/architecture.md, checked on every import in the source tree:
// apps → packages; sync-server → packages; packages never import apps or the server; domain imports zod only.
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

function workspaces(): { kind: 'app' | 'package' | 'server'; name: string; dir: string }[] {
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
  if (internal === 'sync-server' && ws.kind !== 'server')
    return 'imports the server; only root tests may start it';
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

function violations(ws: Workspace): string[] {
  let files: string[] = [];
  try {
    files = sourceFiles(join(ws.dir, 'src'));
  } catch {
    return [];
  }
  return files.flatMap((file) =>
    importsOf(file).flatMap((spec) => {
      const broken = ruleBroken(ws, file, spec);
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
  });
});

// Fails when the drizzle schema changed without a generated migration: drizzle-kit diffs the schema against
// the latest snapshot in drizzle/meta and would write a new migration into a scratch copy of drizzle/.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './lib.mjs';

const serverDir = join(root, 'sync-server');
// drizzle-kit only accepts an --out path relative to its working directory.
const scratch = mkdtempSync(join(serverDir, '.db-check-'));
const sqlFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.sql'));
try {
  cpSync(join(root, 'drizzle'), scratch, { recursive: true });
  const out = execFileSync(
    join(serverDir, 'node_modules', '.bin', 'drizzle-kit'),
    [
      'generate',
      '--dialect',
      'postgresql',
      '--schema',
      './src/db/schema.ts',
      '--out',
      relative(serverDir, scratch),
    ],
    { cwd: serverDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (sqlFiles(scratch).length !== sqlFiles(join(root, 'drizzle')).length) {
    console.error(
      'The database schema changed without a migration: run `pnpm db:generate` and commit drizzle/.',
    );
    process.exit(1);
  }
  if (!/No schema changes/.test(out)) {
    console.error(`db:check could not compare the schema with drizzle/:\n${out}`);
    process.exit(1);
  }
  console.log('db:check: migrations match the schema');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

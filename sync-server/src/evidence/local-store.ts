import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { assertEvidenceKey, type EvidenceStore, evidenceKey } from './evidence-store';

const STALE_STAGING_MS = 60 * 60_000;

/**
 * Evidence as files under `root` (DATA_DIR/evidence): `objects/sha256/ab/<digest>`, staged uploads in `tmp/`.
 * Staging and objects share a file system, so `rename` moves a checked upload into place atomically: a reader
 * sees the whole file or none.
 */
export async function localEvidenceStore(root: string): Promise<EvidenceStore> {
  const base = resolve(root);
  const objects = join(base, 'objects');
  const stagingDir = join(base, 'tmp');
  await mkdir(objects, { recursive: true, mode: 0o700 });
  await mkdir(stagingDir, { recursive: true, mode: 0o700 });
  // Leftovers from uploads cut off by a crash; recent ones may belong to another process sharing the folder.
  for (const name of await readdir(stagingDir)) {
    const path = join(stagingDir, name);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > STALE_STAGING_MS) await rm(path, { force: true });
  }

  const pathOf = (key: string) => {
    const path = resolve(objects, assertEvidenceKey(key));
    // Defence in depth: the key pattern already rules this out.
    if (!path.startsWith(objects + sep)) throw new Error('Evidence path outside the store');
    return path;
  };

  return {
    kind: 'local',
    stagingDir,
    async put(sha256, stagedPath) {
      const key = evidenceKey(sha256);
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await rename(stagedPath, target);
      return key;
    },
    async open(key): Promise<Readable | null> {
      const path = pathOf(key);
      try {
        await stat(path);
      } catch {
        return null;
      }
      return createReadStream(path);
    },
    async close() {},
  };
}

// Writes <file>.br and <file>.gz next to every compressible file of a built app (`node precompress.mjs dist`),
// so the server sends compressed bytes without compressing on every request (sync-server/src/static).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

// Images and fonts are compressed already; these are text and worth it.
const compressible = /\.(?:js|mjs|css|html|json|webmanifest|svg|txt|map|xml)$/i;
// Below this the headers cost more than the compression saves.
const minBytes = 512;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && compressible.test(entry.name)) yield path;
  }
}

/** Compresses every eligible file under `dir`; keeps a variant only when it is smaller than the original. */
export async function precompress(dir) {
  let written = 0;
  for await (const path of files(dir)) {
    const raw = await readFile(path);
    if (raw.length < minBytes) continue;
    const [br, gzipped] = await Promise.all([
      brotli(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
      gz(raw, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    for (const [ext, bytes] of [
      ['br', br],
      ['gz', gzipped],
    ]) {
      if (bytes.length >= raw.length) continue;
      await writeFile(`${path}.${ext}`, bytes);
      written++;
    }
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node scripts/precompress.mjs <dist folder>');
    process.exit(1);
  }
  console.log(`precompressed ${await precompress(dir)} files in ${dir}`);
}

// The only module of @kigaligo/gtfs that touches Node: it opens a folder or a .zip on disk as a FeedSource
// read in chunks (what the server imports, whatever the feed's size), or as the file-name → text map that the
// pure parser takes for small feeds. Apps in the browser do the same with fetch + fflate.
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { strFromU8, unzipSync } from 'fflate';
import yauzl from 'yauzl';
import { parseFeed } from '../parse-feed';
import type { FeedSource } from '../parse-feed-stream';
import type { Feed } from '../types';

export interface OpenFeedSource extends FeedSource {
  /** Releases the zip's file handle (a no-op for a folder). */
  close(): void;
}

/**
 * A GTFS folder or zip as a FeedSource: each file read as a stream, a zip entry inflated as it is read (the
 * zip's central directory gives every entry's place, so files can be read in any order). In a zip, files in
 * one sub-folder are accepted too.
 */
export async function openFeedSource(path: string): Promise<OpenFeedSource> {
  if (statSync(path).isDirectory()) {
    return {
      names: readdirSync(path).filter((n) => n.endsWith('.txt')),
      open: (name) => createReadStream(join(path, name)),
      close() {},
    };
  }
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/') && entry.fileName.endsWith('.txt'))
        entries.set(basename(entry.fileName), entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  return {
    names: [...entries.keys()],
    async *open(name) {
      const entry = entries.get(name);
      if (!entry) throw new Error(`${name} is not in ${path}`);
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
      );
      yield* stream;
    },
    close: () => zip.close(),
  };
}

/** The .txt files of a GTFS folder or zip, as whole texts (small feeds). In a zip, files in one sub-folder are accepted too. */
export function readFeedFiles(path: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path)) {
      if (name.endsWith('.txt')) files[name] = readFileSync(join(path, name), 'utf8');
    }
    return files;
  }
  const entries = unzipSync(new Uint8Array(readFileSync(path)), { filter: (f) => f.name.endsWith('.txt') });
  for (const [name, data] of Object.entries(entries)) files[basename(name)] = strFromU8(data);
  return files;
}

/** Reads and validates a small feed; throws FeedError listing every problem. */
export function readFeed(path: string): Feed {
  return parseFeed(readFeedFiles(path));
}

// The only module of @kigaligo/gtfs that touches Node: it turns a folder or a .zip on disk into the
// file-name → text map that the pure parser takes. Apps in the browser do the same with fetch + fflate.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseFeed } from '../parse-feed';
import type { Feed } from '../types';

/** The .txt files of a GTFS folder or zip. In a zip, files in one sub-folder are accepted too. */
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

/** Reads and validates a feed; throws FeedError listing every problem. */
export function readFeed(path: string): Feed {
  return parseFeed(readFeedFiles(path));
}

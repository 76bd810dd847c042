import { CsvStream } from './csv';
import { FeedError, finishFeed } from './parse-feed';
import { tableReaders } from './parse-tables';
import type { Feed, FeedIssue } from './types';

/**
 * A feed's files read in chunks: from a folder or a zip on disk (`openFeedSource` in @kigaligo/gtfs/node), or
 * from memory (`memoryFeedSource`). Names are bare file names ("stops.txt").
 */
export interface FeedSource {
  /** The feed's .txt files. */
  readonly names: readonly string[];
  /** One file's bytes, in chunks of any size. */
  open(name: string): AsyncIterable<Uint8Array>;
}

/** Where a streamed parse is: rows of `file` read so far (the header not counted); `done` at its end. */
export interface ParseProgress {
  file: string;
  rows: number;
  bytes: number;
  done: boolean;
}

/** A progress report every this many rows of a file, besides the one at its end. */
export const PROGRESS_EVERY_ROWS = 50_000;

/** A feed given as file name → text, as a source (tests, and feeds already in memory). */
export function memoryFeedSource(files: Record<string, string>, chunkBytes = 64 * 1024): FeedSource {
  return {
    names: Object.keys(files),
    async *open(name) {
      const bytes = new TextEncoder().encode(files[name]);
      for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, i + chunkBytes);
    },
  };
}

/**
 * `parseFeed` for a feed read in chunks: each file goes through the CSV reader chunk by chunk, so no file is
 * ever one string; only the parsed entities are kept. Same checks, same FeedError (file, line, problem).
 */
export async function parseFeedStream(
  source: FeedSource,
  onProgress?: (p: ParseProgress) => void,
): Promise<Feed> {
  const issues: FeedIssue[] = [];
  const { tables, readers } = tableReaders(issues);
  for (const name of source.names) {
    const reader = readers.get(name);
    if (!reader) continue;
    let rows = -1;
    let bytes = 0;
    const csv = new CsvStream((r) => {
      reader.add(r);
      rows++;
      if (rows > 0 && rows % PROGRESS_EVERY_ROWS === 0)
        onProgress?.({ file: name, rows, bytes, done: false });
    });
    // A streaming decoder: a UTF-8 sequence split between two chunks is joined, not mangled.
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of source.open(name)) {
      bytes += chunk.length;
      csv.push(decoder.decode(chunk, { stream: true }));
    }
    csv.push(decoder.decode());
    csv.end();
    reader.problems(csv.problems);
    reader.end();
    onProgress?.({ file: name, rows: Math.max(rows, 0), bytes, done: true });
  }
  const r = finishFeed(new Set(source.names), tables, issues);
  if (!r.ok) throw new FeedError(r.issues);
  return r.feed;
}

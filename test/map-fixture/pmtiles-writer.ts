import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md). The `pmtiles`
 * package only reads archives and no maintained JavaScript writer exists, so this is the spec's layout for the
 * small archives our tests need: a 127-byte header, one gzipped root directory (no leaf directories, so at most
 * a few thousand tiles), gzipped JSON metadata, then the gzipped tiles in tile-id order ("clustered").
 */

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** An uncompressed Mapbox Vector Tile. */
  data: Uint8Array;
}

export interface ArchiveOptions {
  tiles: ArchiveTile[];
  /** The archive's JSON metadata: `vector_layers`, `attribution`, … */
  metadata: Record<string, unknown>;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** [lon, lat, zoom] a viewer opens at. */
  center: [number, number, number];
}

const HEADER_BYTES = 127;
/** The spec requires the header and root directory within the first 16 KiB, so a reader gets both at once. */
const ROOT_LIMIT = 16_384;
const GZIP = 2;
const MVT = 1;

interface DirectoryEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

export function writePmtiles({ tiles, metadata, bounds, center }: ArchiveOptions): Buffer {
  if (tiles.length === 0) throw new Error('an archive needs at least one tile');
  const sorted = tiles
    .map((t) => ({ tileId: zxyToTileId(t.z, t.x, t.y), z: t.z, body: gzipSync(t.data) }))
    .sort((a, b) => a.tileId - b.tileId);
  const entries: DirectoryEntry[] = [];
  let offset = 0;
  for (const t of sorted) {
    if (entries.at(-1)?.tileId === t.tileId) throw new Error(`tile ${t.tileId} given twice`);
    entries.push({ tileId: t.tileId, offset, length: t.body.length, runLength: 1 });
    offset += t.body.length;
  }
  const root = gzipSync(serializeDirectory(entries));
  if (HEADER_BYTES + root.length > ROOT_LIMIT) throw new Error('too many tiles for a root-only archive');
  const meta = gzipSync(JSON.stringify(metadata));
  const tileData = Buffer.concat(sorted.map((t) => t.body));
  const zooms = sorted.map((t) => t.z);

  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = HEADER_BYTES;
  const metaOffset = rootOffset + root.length;
  const dataOffset = metaOffset + meta.length;
  const u64 = [
    rootOffset,
    root.length,
    metaOffset,
    meta.length,
    dataOffset, // leaf directories: none, an empty section where the tiles start
    0,
    dataOffset,
    tileData.length,
    entries.length, // addressed tiles
    entries.length, // directory entries
    entries.length, // distinct tile contents
  ];
  u64.forEach((n, i) => {
    header.writeBigUInt64LE(BigInt(n), 8 + i * 8);
  });
  header.writeUInt8(1, 96); // clustered: tile data in directory order
  header.writeUInt8(GZIP, 97); // internal compression (directories, metadata)
  header.writeUInt8(GZIP, 98); // tile compression
  header.writeUInt8(MVT, 99);
  header.writeUInt8(Math.min(...zooms), 100);
  header.writeUInt8(Math.max(...zooms), 101);
  const e7 = (deg: number) => Math.round(deg * 1e7);
  header.writeInt32LE(e7(bounds[0]), 102);
  header.writeInt32LE(e7(bounds[1]), 106);
  header.writeInt32LE(e7(bounds[2]), 110);
  header.writeInt32LE(e7(bounds[3]), 114);
  header.writeUInt8(center[2], 118);
  header.writeInt32LE(e7(center[0]), 119);
  header.writeInt32LE(e7(center[1]), 123);
  return Buffer.concat([header, root, meta, tileData]);
}

/**
 * A directory as the spec lays it out: the entry count, then each column in turn as varints — tile ids as
 * deltas, run lengths, lengths, and offsets as 0 when an entry follows the previous one's bytes, else offset+1.
 */
export function serializeDirectory(entries: DirectoryEntry[]): Buffer {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    writeVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Buffer.from(out);
}

/** Unsigned LEB128; arithmetic rather than bit operators, which would cut tile ids above 2^31. */
function writeVarint(out: number[], value: number) {
  let n = value;
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

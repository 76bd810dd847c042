import { FetchSource, findTile, type Header, SharedPromiseCache, type Source, zxyToTileId } from 'pmtiles';
import { kigaliBounds } from './map-data';
import { mapRangeKey } from './map-range-key';

/**
 * "Save the Kigali map for offline": every byte range a map of Kigali at zooms 10–15 asks the configured PMTiles
 * archive for (header, directories, metadata, tiles), plus our glyphs and sprites, stored in the cache the
 * service worker answers from first and never evicts (public/map-tiles-sw.js). The keys and stored form are
 * the service worker's: a range kept as a 200 under `mapRangeKey`, its Content-Range set aside.
 */
export const SAVED_MAP_CACHE = 'kigaligo-map-saved';
/** What was saved and when, kept with the tiles so removing the cache forgets it too. */
const SAVED_MANIFEST = 'https://kigaligo.invalid/saved-map';
/** Street level without overloading a phone: zoom 15 is ≈5 m per pixel in Kigali. */
const ZOOMS = [10, 15] as const;
/** The glyph ranges and sprites we ship (public/map/basemap/NOTICE.md). */
const FONTS = ['Noto Sans Regular', 'Noto Sans Medium', 'Noto Sans Italic'];
const GLYPH_RANGES = ['0-255', '256-511', '8192-8447'];
const SPRITES = ['light.json', 'light.png', 'light@2x.json', 'light@2x.png'];

interface ByteRange {
  offset: number;
  length: number;
}

export interface MapDownload {
  pmtilesUrl: string;
  ranges: ByteRange[];
  /** Our glyph and sprite files, absolute URLs. */
  assets: string[];
  /** What the download will take: the ranges exactly, the assets as our server reports them. */
  bytes: number;
}

export interface SavedMap {
  pmtilesUrl: string;
  bytes: number;
  savedAt: string;
}

/** The archive as the map reads it, noting each range asked: header, root and leaf directories, metadata. */
class RecordingSource implements Source {
  readonly asked = new Map<number, number>();
  constructor(private readonly inner: FetchSource) {}
  getKey() {
    return this.inner.getKey();
  }
  getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string) {
    this.asked.set(offset, length);
    return this.inner.getBytes(offset, length, signal, etag);
  }
}

/** Tile columns and rows of Kigali's bounds at one zoom (Web Mercator). */
function tileSpan(z: number): { x: [number, number]; y: [number, number] } {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  const [[west, south], [east, north]] = kigaliBounds;
  return { x: [x(west), x(east)], y: [y(north), y(south)] };
}

/** Finds a tile's bytes through the directories (fetching those, which the download needs anyway). */
async function tileRange(
  cache: SharedPromiseCache,
  source: Source,
  header: Header,
  tileId: number,
  signal?: AbortSignal,
): Promise<ByteRange | null> {
  let offset = header.rootDirectoryOffset;
  let length = header.rootDirectoryLength;
  for (let depth = 0; depth <= 3; depth++) {
    const entry = findTile(await cache.getDirectory(source, offset, length, header, signal), tileId);
    if (!entry) return null;
    if (entry.runLength > 0) return { offset: header.tileDataOffset + entry.offset, length: entry.length };
    offset = header.leafDirectoryOffset + entry.offset;
    length = entry.length;
  }
  return null;
}

/** Works out what saving Kigali takes, reading only the archive's header and directories. */
export async function planMapDownload(
  pmtilesUrl: string,
  assetsUrl: string,
  signal?: AbortSignal,
): Promise<MapDownload> {
  const source = new RecordingSource(new FetchSource(pmtilesUrl));
  const cache = new SharedPromiseCache();
  const header = await cache.getHeader(source);
  const tiles = new Map<number, ByteRange>();
  for (let z = Math.max(ZOOMS[0], header.minZoom); z <= Math.min(ZOOMS[1], header.maxZoom); z++) {
    const span = tileSpan(z);
    for (let x = span.x[0]; x <= span.x[1]; x++) {
      for (let y = span.y[0]; y <= span.y[1]; y++) {
        const range = await tileRange(cache, source, header, zxyToTileId(z, x, y), signal);
        // Tiles with the same content share bytes (the sea, empty land): one range, stored once.
        if (range) tiles.set(range.offset, range);
      }
    }
  }
  source.asked.set(header.jsonMetadataOffset, header.jsonMetadataLength);
  const ranges = [...[...source.asked].map(([offset, length]) => ({ offset, length })), ...tiles.values()];
  const assets = [
    ...FONTS.flatMap((f) => GLYPH_RANGES.map((r) => `${assetsUrl}fonts/${encodeURIComponent(f)}/${r}.pbf`)),
    ...SPRITES.map((s) => `${assetsUrl}sprites/${s}`),
  ];
  const assetBytes = await Promise.all(
    assets.map((url) =>
      fetch(url, { method: 'HEAD', signal })
        .then((r) => Number(r.headers.get('content-length') ?? 0))
        .catch(() => 0),
    ),
  );
  const bytes = ranges.reduce((sum, r) => sum + r.length, 0) + assetBytes.reduce((sum, n) => sum + n, 0);
  return { pmtilesUrl, ranges, assets, bytes };
}

/**
 * Downloads a planned map into the saved cache, reporting bytes done. Cancelling (the signal) or a failure
 * removes what was stored: a half-saved map would look saved and draw holes offline.
 */
export async function saveMapDownload(
  plan: MapDownload,
  onProgress: (doneBytes: number) => void,
  signal: AbortSignal,
): Promise<SavedMap> {
  const cache = await caches.open(SAVED_MAP_CACHE);
  let done = 0;
  const store = async (key: string, res: Response) => {
    if (!res.ok) throw new Error(`${key}: HTTP ${res.status}`);
    const body = await res.arrayBuffer();
    const headers = new Headers({ 'content-length': String(body.byteLength) });
    for (const name of ['content-type', 'etag']) {
      const value = res.headers.get(name);
      if (value) headers.set(name, value);
    }
    if (res.status === 206) headers.set('x-kg-content-range', res.headers.get('content-range') ?? '');
    await cache.put(key, new Response(body, { status: 200, headers }));
    done += body.byteLength;
    onProgress(done);
  };
  const jobs: (() => Promise<void>)[] = [
    ...plan.ranges.map((r) => async () => {
      const range = `bytes=${r.offset}-${r.offset + r.length - 1}`;
      await store(
        mapRangeKey(plan.pmtilesUrl, r.offset, r.length),
        await fetch(plan.pmtilesUrl, { headers: { range }, signal }),
      );
    }),
    ...plan.assets.map((url) => async () => store(url, await fetch(url, { signal }))),
  ];
  try {
    // A few at a time: fast on a good connection without starving the rest of the app on a slow one.
    const queue = [...jobs];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          signal.throwIfAborted();
          await job();
        }
      }),
    );
    const saved: SavedMap = {
      pmtilesUrl: plan.pmtilesUrl,
      bytes: done,
      savedAt: new Date().toISOString(),
    };
    await cache.put(SAVED_MANIFEST, Response.json(saved));
    return saved;
  } catch (err) {
    await caches.delete(SAVED_MAP_CACHE);
    throw err;
  }
}

/** The saved map, or null when none is saved (or it was saved from another archive than `pmtilesUrl`). */
export async function savedMap(pmtilesUrl: string): Promise<SavedMap | null> {
  const hit = await (await caches.open(SAVED_MAP_CACHE)).match(SAVED_MANIFEST);
  const saved = (await hit?.json().catch(() => null)) as SavedMap | null;
  return saved?.pmtilesUrl === pmtilesUrl ? saved : null;
}

export async function removeSavedMap(): Promise<void> {
  await caches.delete(SAVED_MAP_CACHE);
}

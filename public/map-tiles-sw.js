// Imported by the rider and driver service workers (workbox importScripts), before workbox's own handlers.
// Keeps the map's basemap readable offline:
// - every map request the app makes to another origin (the configured style, its tiles, PMTiles byte ranges)
//   and our own glyphs and sprites (map/basemap/) are answered from a cache first, else fetched and kept;
// - what was fetched while browsing ("seen") is capped in bytes, least recently used dropped first;
// - what "Save the Kigali map for offline" downloaded (packages/ui/src/map/offline-map.ts) sits in its own cache,
//   never evicted, removed only by the rider or driver.
// PMTiles readers ask for byte ranges of one file: the Cache API cannot hold 206 answers nor match on the Range
// header, so each range is kept as a 200 under its own key (mapRangeKey, the same in offline-map.ts) and
// answered as a 206 again.

const MAP_SEEN_CACHE = 'kigaligo-map-seen';
const MAP_SAVED_CACHE = 'kigaligo-map-saved';
/** Where the seen cache's sizes and last uses are kept, inside the cache itself. */
const MAP_SEEN_INDEX = 'https://kigaligo.invalid/map-seen-index';
/** ≈ the central city at zooms 10–15 twice over; a phone's storage quota is far larger. */
const MAP_SEEN_CAP_BYTES = 40 * 1024 * 1024;

/**
 * Third-party origins the apps call that are not the map's: the payment and push providers' (the same list as
 * `stripeWebOrigins` and `fcmWebOrigins` in packages/domain/src/provider-origins.ts; test/map-tiles-sw.test.ts
 * checks each of those is left alone). Stripe.js and Stripe's answers must never come from the map cache.
 */
const PROVIDER_ORIGINS = [
  'https://js.stripe.com',
  'https://api.stripe.com',
  'https://hooks.stripe.com',
  'https://firebaseinstallations.googleapis.com',
  'https://fcmregistrations.googleapis.com',
];

/** Whether a request is one the map cache answers: a GET of the map's (cross-origin) or of our basemap assets. */
function isMapRequest(request, selfOrigin) {
  if (request.method !== 'GET') return false;
  const url = new URL(request.url);
  if (url.origin === selfOrigin) return url.pathname.includes('/map/basemap/');
  return !PROVIDER_ORIGINS.includes(url.origin);
}

/** The cache key of a byte range of a URL (a query parameter: the Cache API ignores fragments). */
function mapRangeKey(url, range) {
  return `${url}${url.includes('?') ? '&' : '?'}kg-range=${encodeURIComponent(range)}`;
}

/**
 * The cache logic, apart from the service worker's globals so a unit test can drive it with its own caches,
 * network and cap (test/map-tiles-sw.test.ts).
 */
function createMapTileCache({ caches, fetch, capBytes, now = Date.now }) {
  /** key → {bytes, used}; read from the cache once per worker life, written back after every change. */
  let index = null;
  let writing = Promise.resolve();

  async function loadIndex(seen) {
    if (!index) {
      const stored = await seen.match(MAP_SEEN_INDEX);
      index = new Map(stored ? Object.entries(await stored.json()) : []);
    }
    return index;
  }

  function saveIndex(seen) {
    const snapshot = JSON.stringify(Object.fromEntries(index));
    writing = writing.then(() =>
      seen.put(MAP_SEEN_INDEX, new Response(snapshot, { headers: { 'content-type': 'application/json' } })),
    );
    return writing;
  }

  /** A kept range answered as the range it was: 206 with its Content-Range. */
  function answer(kept, range) {
    if (!range) return kept;
    const headers = new Headers(kept.headers);
    headers.set('content-range', kept.headers.get('x-kg-content-range') ?? '');
    headers.delete('x-kg-content-range');
    return new Response(kept.body, { status: 206, headers });
  }

  /** The network answer as we keep it: ranges as a 200 with the Content-Range set aside. */
  async function keepable(res) {
    const body = await res.arrayBuffer();
    const headers = new Headers();
    for (const name of ['content-type', 'etag', 'cache-control']) {
      const value = res.headers.get(name);
      if (value) headers.set(name, value);
    }
    headers.set('content-length', String(body.byteLength));
    if (res.status === 206) headers.set('x-kg-content-range', res.headers.get('content-range') ?? '');
    return { body, response: new Response(body, { status: 200, headers }) };
  }

  async function evict(seen, entries) {
    let total = 0;
    for (const e of entries.values()) total += e.bytes;
    if (total <= capBytes) return;
    const oldest = [...entries].sort((a, b) => a[1].used - b[1].used);
    for (const [key, e] of oldest) {
      if (total <= capBytes) break;
      await seen.delete(key);
      entries.delete(key);
      total -= e.bytes;
    }
  }

  return {
    /** Answers one map request; `background` receives work that must finish after the answer is sent. */
    async handle(request, background = () => {}) {
      const range = request.headers.get('range');
      const key = range ? mapRangeKey(request.url, range) : request.url;
      // A PMTiles reader that saw the archive change asks again with cache 'reload': the network then.
      const fresh = request.cache === 'reload' || request.cache === 'no-store';
      const [saved, seen] = await Promise.all([caches.open(MAP_SAVED_CACHE), caches.open(MAP_SEEN_CACHE)]);
      if (!fresh) {
        const kept = (await saved.match(key)) ?? (await seen.match(key));
        if (kept) {
          const entries = await loadIndex(seen);
          const entry = entries.get(key);
          if (entry) {
            entry.used = now();
            background(saveIndex(seen));
          }
          return answer(kept, range);
        }
      }
      const res = await fetch(request);
      if (res.status !== 200 && res.status !== 206) return res;
      const { body, response } = await keepable(res.clone());
      const entries = await loadIndex(seen);
      background(
        (async () => {
          await seen.put(key, response);
          entries.set(key, { bytes: body.byteLength, used: now() });
          await evict(seen, entries);
          await saveIndex(seen);
        })(),
      );
      return res;
    },
  };
}

// In a service worker (not in the unit test's sandbox): take the map's requests.
if (typeof ServiceWorkerGlobalScope !== 'undefined' && self instanceof ServiceWorkerGlobalScope) {
  const mapTiles = createMapTileCache({
    caches: self.caches,
    fetch: (request) => self.fetch(request),
    capBytes: MAP_SEEN_CAP_BYTES,
  });
  self.addEventListener('fetch', (event) => {
    // Cross-origin GETs are the configured map's, but for the providers' (the CSP allows no other); ours, the
    // basemap assets. Anything else goes to the network as if there were no service worker.
    if (!isMapRequest(event.request, self.location.origin)) return;
    event.respondWith(mapTiles.handle(event.request, (work) => event.waitUntil(work.catch(() => {}))));
  });
}

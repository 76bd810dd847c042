import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { fcmWebOrigins, stripeWebOrigins } from '../packages/domain/src/provider-origins';
import { mapRangeKey } from '../packages/ui/src/map/map-range-key';

/** The shipped service-worker script, run in a sandbox: its functions, without a service worker around them. */
const script = readFileSync(new URL('../public/map-tiles-sw.js', import.meta.url), 'utf8');
interface TileCache {
  handle(request: Request, background?: (work: Promise<unknown>) => void): Promise<Response>;
}
const sandbox = { Response, Headers, URL, Map, JSON, Promise, Object, Date, encodeURIComponent };
runInNewContext(script, sandbox);
const {
  createMapTileCache,
  mapRangeKey: swRangeKey,
  isMapRequest,
} = sandbox as unknown as {
  createMapTileCache(options: object): TileCache;
  mapRangeKey(url: string, range: string): string;
  isMapRequest(request: Request, selfOrigin: string): boolean;
};

/** The Cache API over plain maps: what a service worker's `caches` does, for one test. */
function memoryCaches() {
  const stores = new Map<string, Map<string, { body: ArrayBuffer; init: ResponseInit }>>();
  const keyOf = (r: Request | string) => (typeof r === 'string' ? r : r.url);
  return {
    stores,
    async open(name: string) {
      const store = stores.get(name) ?? new Map();
      stores.set(name, store);
      return {
        async match(r: Request | string) {
          const hit = store.get(keyOf(r));
          return hit && new Response(hit.body.slice(0), hit.init);
        },
        async put(r: Request | string, res: Response) {
          const headers: Record<string, string> = {};
          res.headers.forEach((value, name) => {
            headers[name] = value;
          });
          store.set(keyOf(r), { body: await res.arrayBuffer(), init: { status: res.status, headers } });
        },
        async delete(r: Request | string) {
          return store.delete(keyOf(r));
        },
      };
    },
  };
}

const ARCHIVE = 'https://tiles.example.org/kigali.pmtiles';
const bytes = (n: number) => new Uint8Array(n).fill(7);

describe('the service worker map cache (public/map-tiles-sw.js)', () => {
  let caches: ReturnType<typeof memoryCaches>;
  let network: string[];
  let clock: number;
  let cache: TileCache;
  const pending: Promise<unknown>[] = [];
  const settle = async () => {
    while (pending.length) await pending.shift();
  };
  const get = async (range: string) => {
    const res = await cache.handle(new Request(ARCHIVE, { headers: { range } }), (w) => pending.push(w));
    await settle();
    return res;
  };

  beforeEach(() => {
    caches = memoryCaches();
    network = [];
    clock = 0;
    cache = createMapTileCache({
      caches,
      capBytes: 2500,
      now: () => ++clock,
      async fetch(request: Request) {
        const range = request.headers.get('range')!;
        network.push(range);
        const [start, end] = range.replace('bytes=', '').split('-').map(Number) as [number, number];
        return new Response(bytes(end - start + 1), {
          status: 206,
          headers: { 'content-range': `bytes ${start}-${end}/100000`, etag: '"v1"' },
        });
      },
    });
  });

  it('keys a range as the page-side download does', () => {
    expect(swRangeKey(ARCHIVE, 'bytes=0-16383')).toBe(mapRangeKey(ARCHIVE, 0, 16384));
    expect(swRangeKey(`${ARCHIVE}?v=2`, 'bytes=5-9')).toBe(mapRangeKey(`${ARCHIVE}?v=2`, 5, 5));
  });

  it('answers a range seen before from the cache, as the same 206', async () => {
    await get('bytes=0-999');
    const again = await get('bytes=0-999');
    expect(network).toEqual(['bytes=0-999']);
    expect(again.status).toBe(206);
    expect(again.headers.get('content-range')).toBe('bytes 0-999/100000');
    expect(again.headers.get('etag')).toBe('"v1"');
    expect((await again.arrayBuffer()).byteLength).toBe(1000);
  });

  it('drops the least recently used ranges once the seen tiles pass the cap', async () => {
    await get('bytes=0-999'); // A
    await get('bytes=1000-1999'); // B
    await get('bytes=0-999'); // A used again: B is now the oldest
    await get('bytes=2000-2999'); // C: 3000 bytes > 2500, B goes
    const seen = caches.stores.get('kigaligo-map-seen')!;
    expect(seen.has(mapRangeKey(ARCHIVE, 1000, 1000))).toBe(false);
    expect(seen.has(mapRangeKey(ARCHIVE, 0, 1000))).toBe(true);
    expect(seen.has(mapRangeKey(ARCHIVE, 2000, 1000))).toBe(true);
    await get('bytes=1000-1999');
    expect(network.at(-1)).toBe('bytes=1000-1999');
  });

  it('never evicts the saved map, and answers from it first', async () => {
    const saved = await caches.open('kigaligo-map-saved');
    await saved.put(
      mapRangeKey(ARCHIVE, 0, 2400),
      new Response(bytes(2400), { headers: { 'x-kg-content-range': 'bytes 0-2399/100000' } }),
    );
    const res = await get('bytes=0-2399');
    expect(res.status).toBe(206);
    expect(network).toEqual([]);
    await get('bytes=5000-7399'); // a seen range at the cap
    await get('bytes=8000-8999'); // pushes the other out
    expect(caches.stores.get('kigaligo-map-saved')!.size).toBe(1);
  });

  it('goes to the network when the reader asks to reload (the archive changed)', async () => {
    await get('bytes=0-999');
    await cache.handle(new Request(ARCHIVE, { headers: { range: 'bytes=0-999' }, cache: 'reload' }));
    expect(network).toEqual(['bytes=0-999', 'bytes=0-999']);
  });
});

describe('which requests the map cache answers', () => {
  const self = 'https://kigaligo.example';
  const get = (url: string) => new Request(url);

  it('takes the map’s cross-origin GETs and our basemap assets, nothing else of ours', () => {
    expect(isMapRequest(get('https://tiles.example/v1/14/9000/8000.pbf'), self)).toBe(true);
    expect(isMapRequest(get(`${self}/map/basemap/kigali.pmtiles`), self)).toBe(true);
    expect(isMapRequest(get(`${self}/api/config`), self)).toBe(false);
    expect(isMapRequest(new Request('https://tiles.example/x', { method: 'POST' }), self)).toBe(false);
  });

  it('never takes the payment and push providers’ requests: Stripe.js and its answers are never cached', () => {
    for (const origin of [...Object.values(stripeWebOrigins), ...Object.values(fcmWebOrigins)])
      expect(isMapRequest(get(`${origin}/anything`), self), origin).toBe(false);
    expect(isMapRequest(get('https://js.stripe.com/endive/stripe.js'), self)).toBe(false);
    expect(isMapRequest(get('https://api.stripe.com/v1/payment_intents/pi_1?client_secret=x'), self)).toBe(
      false,
    );
  });
});

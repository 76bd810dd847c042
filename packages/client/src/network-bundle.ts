/**
 * The planner bundle of the active feed, kept on the phone and revalidated by ETag: `GET /api/network/bundle`
 * with the copy's ETag in If-None-Match answers 304 until a new feed is imported, then the new bundle, which
 * replaces the copy — a new network reaches phones without reinstalling the app. Offline, the copy is used;
 * with no copy yet (first visit offline), the bundle the app shipped with (`fallbackUrl`, precached).
 */
export const NETWORK_CACHE = 'kigaligo-network-v1';
export const NETWORK_BUNDLE_URL = '/api/network/bundle';

export async function fetchNetworkBundle(fallbackUrl: string): Promise<string> {
  const cache = await globalThis.caches?.open(NETWORK_CACHE).catch(() => undefined);
  const copy = await cache?.match(NETWORK_BUNDLE_URL);
  const etag = copy?.headers.get('etag');
  try {
    // no-store: the revalidation is ours (the copy in the Cache API), not the browser's HTTP cache.
    const res = await fetch(NETWORK_BUNDLE_URL, {
      cache: 'no-store',
      headers: etag ? { 'If-None-Match': etag } : {},
    });
    if (res.status === 304 && copy) return await copy.text();
    if (!res.ok) throw new Error(`${NETWORK_BUNDLE_URL}: HTTP ${res.status}`);
    const text = await res.text();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const newTag = res.headers.get('etag');
    if (newTag) headers.etag = newTag;
    await cache?.put(NETWORK_BUNDLE_URL, new Response(text, { headers }));
    return text;
  } catch (err) {
    if (copy) return copy.text();
    const shipped = await fetch(fallbackUrl).catch(() => null);
    if (shipped?.ok) return shipped.text();
    throw err;
  }
}

/**
 * Static network data (places) survives offline twice over: the service worker precaches
 * it, and this keeps its own copy in the Cache API, so the planner still opens when the worker was never
 * installed (first visit cut short) or its precache was cleared by an update. Network first: a new feed
 * replaces the copy as soon as the rider is online.
 */
const CACHE = 'kigaligo-network-v1';

export async function fetchCached(url: string): Promise<string> {
  const cache = await caches.open(CACHE).catch(() => null);
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    const text = await res.text();
    await cache?.put(url, new Response(text, { headers: { 'content-type': 'application/json' } }));
    return text;
  } catch (err) {
    const hit = await cache?.match(url);
    if (hit) return hit.text();
    throw err;
  }
}

import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';

/** Smaller answers are sent as they are: gzip's header and the CPU cost outweigh the bytes saved. */
export const compressionThreshold = 1024;

// GTFS-Realtime protobuf is mostly repeated ids and plates, and shrinks by half or more.
const compressible = (type: string) =>
  COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || /^application\/x-protobuf(?:[;\s]|$)/i.test(type);

/**
 * Hono's compress only honours its threshold when the answer has a Content-Length, which `c.json()` does not
 * set. API answers of these types are built in memory anyway, so measure them before compress decides.
 */
const measureBody: MiddlewareHandler = async (c, next) => {
  await next();
  const type = c.res.headers.get('Content-Type');
  if (!c.res.body || c.res.headers.has('Content-Length') || !type || !compressible(type)) return;
  const body = new Uint8Array(await c.res.arrayBuffer());
  const sized = new Response(body, c.res);
  sized.headers.set('Content-Length', String(body.byteLength));
  c.res = sized;
};

/** gzip/deflate (as the client accepts) for API answers of at least `compressionThreshold` bytes, in this order. */
export const apiCompression: MiddlewareHandler[] = [
  compress({ threshold: compressionThreshold, contentTypeFilter: compressible }),
  measureBody,
];

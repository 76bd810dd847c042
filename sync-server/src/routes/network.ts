import { networkInfo } from '@kigaligo/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { documented } from '../http/api-docs';

/** Whether an If-None-Match header names this ETag (a list, weak validators and * included). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/**
 * The active transit network, public like the feed itself: what it is (version, content hash, time zone,
 * service area) and the planner bundle the apps keep for offline planning. The bundle's ETag is the feed's
 * content hash, so an app revalidating its copy gets a 304 until a new feed is imported.
 */
export const networkRoutes = new Hono<AppEnv>()
  .get(
    '/',
    documented({
      summary: 'The active transit feed: feed_info version, content hash, time zone, service area',
      audience: 'public',
      ok: { 200: z.object({ network: networkInfo }), 503: null },
      errors: [503],
    }),
    (c) => c.json({ network: c.var.deps.network.info() }),
  )
  .get(
    '/bundle',
    documented({
      summary: 'The offline planner bundle of the active feed',
      description: 'ETag is the feed hash; If-None-Match → 304.',
      audience: 'public',
      ok: { 200: { media: ['application/json'], schema: z.record(z.string(), z.unknown()) }, 304: null },
      headers: { ETag: { description: 'The feed’s content hash, quoted', schema: { type: 'string' } } },
      errors: [503],
    }),
    (c) => {
      const { text, etag } = c.var.deps.network.bundle();
      if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, { ETag: etag });
      return c.body(text, 200, { 'Content-Type': 'application/json; charset=utf-8', ETag: etag });
    },
  );

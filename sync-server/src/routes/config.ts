import { type AppConfig, appConfig } from '@kigaligo/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { documented } from '../http/api-docs';

/** Nothing configured: the apps draw their built-in schematic map, which needs no credit. */
const noMap: AppConfig['map'] = { attribution: '' };

/**
 * `GET /api/config`: what the apps need to know of the server's configuration, public and cacheable (it holds
 * no secret and changes only with a restart). The apps keep the last answer for offline starts.
 */
export const configRoutes = new Hono<AppEnv>().get(
  '/',
  documented({
    summary:
      'Public, cacheable app configuration: the map style, PMTiles archive and attribution, the identity provider, how cards are taken',
    audience: 'public',
    ok: { 200: appConfig },
    headers: { 'Cache-Control': { description: 'public, max-age=300', schema: { type: 'string' } } },
  }),
  (c) => {
    const { map, oidc, cardConfig } = c.var.deps;
    const body: AppConfig = {
      map: map ?? noMap,
      identityProvider: oidc ? { name: oidc.options.name } : null,
      card: cardConfig ?? { provider: 'sandbox' },
    };
    return c.json(body, 200, { 'Cache-Control': 'public, max-age=300' });
  },
);

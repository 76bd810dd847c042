import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import type { AppEnv } from '../app-env';
import { matchesEtag, readEncoded } from './encoded-file';

/** The built PWAs and the path each is served under (its Vite `base`). */
export const apps = [
  { name: 'driver', base: '/driver/' },
  { name: 'admin', base: '/admin/' },
  { name: 'rider', base: '/' },
] as const;

async function fileIfExists(path: string) {
  try {
    const s = await stat(path);
    return s.isFile() ? path : null;
  } catch {
    return null;
  }
}

function cacheControl(relative: string): string {
  // Vite fingerprints everything under assets/; the service worker, manifest and HTML must be revalidated or
  // an installed app never learns that a new version exists.
  return relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves apps/<name>/dist for each app. Unknown paths that look like navigations get the app's index.html
 * (client-side routing); unknown files get 404. Files go out in the best precompressed encoding the client takes,
 * with an ETag so unchanged files revalidate with a 304.
 */
export function serveApps(appsDir: string) {
  const router = new Hono<AppEnv>();
  router.get('*', async (c, next) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/api/') || path === '/api') return next();
    const app = apps.find((a) => path.startsWith(a.base) || `${path}/` === a.base);
    if (!app) return next();
    const root = join(appsDir, app.name, 'dist');
    if (!existsSync(root)) {
      return c.text(`The ${app.name} app is not built yet: run \`pnpm build\`.`, 503);
    }
    const relative = path.slice(app.base.length).replace(/^\/+/, '');
    const full = normalize(join(root, relative));
    // Refuse anything that escapes the app folder (../ in the path).
    if (full !== root && !full.startsWith(root + sep)) return next();
    let file = relative ? await fileIfExists(full) : null;
    let servedRelative = relative;
    if (!file) {
      if (/\.[a-z0-9]+$/i.test(relative)) return next();
      file = join(root, 'index.html');
      servedRelative = 'index.html';
    }
    const encoded = await readEncoded(file, c.req.header('Accept-Encoding'));
    const headers: Record<string, string> = {
      'Content-Type': getMimeType(file) ?? 'application/octet-stream',
      'Cache-Control': cacheControl(servedRelative),
      ETag: encoded.etag,
    };
    if (encoded.varies) headers.Vary = 'Accept-Encoding';
    // A revalidation of an unchanged file (index.html, the planner bundle, places) costs headers only.
    if (matchesEtag(c.req.header('If-None-Match'), encoded.etag)) return c.body(null, 304, headers);
    if (encoded.encoding) headers['Content-Encoding'] = encoded.encoding;
    return c.body(encoded.body, 200, headers);
  });
  return router;
}

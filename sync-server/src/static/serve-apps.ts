import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import type { AppEnv } from '../app-env';
import { type AppName, appHeaders, type CspProviders } from '../http/security-headers';
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

/** A browser navigation (typed URL, link, reload) rather than a script, image or probe asking for a file. */
const isNavigation = (accept: string | undefined) => /\btext\/html\b/i.test(accept ?? '');

/**
 * Serves apps/<name>/dist for each app, with the app's security headers. Navigations under /driver/ and
 * /admin/ that name no file get the app's index.html (the apps route by #hash, so this is only for
 * bookmarks and typed URLs); the rider app owns `/` itself and nothing below it, so `/healthz` or `/status`
 * never look like a healthy page. Everything else unknown falls through to the JSON 404. Files go out in the
 * best precompressed encoding the client takes, with an ETag so unchanged files revalidate with a 304.
 */
export function serveApps(appsDir: string, providers: CspProviders, trustProxy: boolean) {
  const router = new Hono<AppEnv>();
  const headers = Object.fromEntries(
    apps.map((a) => [a.name, appHeaders(a.name, providers, trustProxy)]),
  ) as Record<AppName, ReturnType<typeof appHeaders>>;
  router.get('*', async (c, next) => {
    // Malformed %-escapes never get here (http/well-formed-url.ts).
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
      const fallback = relative === '' || (app.base !== '/' && isNavigation(c.req.header('accept')));
      if (!fallback || /\.[a-z0-9]+$/i.test(relative)) return next();
      file = join(root, 'index.html');
      servedRelative = 'index.html';
    }
    const encoded = await readEncoded(file, c.req.header('Accept-Encoding'));
    const fileHeaders: Record<string, string> = {
      'Content-Type': getMimeType(file) ?? 'application/octet-stream',
      'Cache-Control': cacheControl(servedRelative),
      ETag: encoded.etag,
    };
    if (encoded.varies) fileHeaders.Vary = 'Accept-Encoding';
    await headers[app.name](c, async () => {
      // A revalidation of an unchanged file (index.html, the planner bundle, places) costs headers only.
      if (matchesEtag(c.req.header('If-None-Match'), encoded.etag)) {
        c.res = c.body(null, 304, fileHeaders);
        return;
      }
      if (encoded.encoding) fileHeaders['Content-Encoding'] = encoded.encoding;
      c.res = c.body(encoded.body, 200, fileHeaders);
    });
    return c.res;
  });
  return router;
}

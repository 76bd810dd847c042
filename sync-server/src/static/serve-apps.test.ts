import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env';
import { acceptedEncodings, matchesEtag } from './encoded-file';
import { serveApps } from './serve-apps';

const bundle = `export const stops = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `stop-${i}`))};\n`;
const html =
  '<!doctype html><html><head><title>KigaliGo</title></head><body><div id="root"></div></body></html>';

describe('serving the built apps', () => {
  let dir: string;
  let app: Hono<AppEnv>;
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kigaligo-static-'));
    const dist = join(dir, 'rider', 'dist');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await mkdir(join(dist, 'network'), { recursive: true });
    await writeFile(join(dist, 'index.html'), html);
    // As scripts/precompress.mjs leaves them: both variants of the bundle, only gzip of the data, none of icon.
    await writeFile(join(dist, 'assets', 'app-1a2b3c.js'), bundle);
    await writeFile(join(dist, 'assets', 'app-1a2b3c.js.br'), brotliCompressSync(bundle));
    await writeFile(join(dist, 'assets', 'app-1a2b3c.js.gz'), gzipSync(bundle));
    await writeFile(join(dist, 'network', 'kigali.places.json'), bundle);
    await writeFile(join(dist, 'network', 'kigali.places.json.gz'), gzipSync(bundle));
    await writeFile(join(dist, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    app = new Hono<AppEnv>().route('/', serveApps(dir, { fcm: false }, false));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('sends the brotli variant to clients that take it, with Vary and immutable caching for hashed files', async () => {
    const res = await get('/assets/app-1a2b3c.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('Content-Type')).toMatch(/javascript/);
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(bundle);
  });

  it('falls back to gzip, then to the original, as Accept-Encoding allows', async () => {
    const gz = await get('/assets/app-1a2b3c.js', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(bundle);

    const plain = await get('/assets/app-1a2b3c.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(bundle);

    const data = await get('/network/kigali.places.json', { 'Accept-Encoding': 'br, gzip' });
    expect(data.headers.get('Content-Encoding')).toBe('gzip');
    expect(data.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('answers 304 to a revalidation of an unchanged file, per encoding', async () => {
    const first = await get('/network/kigali.places.json', { 'Accept-Encoding': 'gzip' });
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/network/kigali.places.json', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': etag,
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);

    // The uncompressed bytes are another representation: another tag, so a cached gzip body never answers it.
    const plain = await get('/network/kigali.places.json', { 'If-None-Match': etag });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('ETag')).not.toBe(etag);
  });

  it('revalidates index.html on navigations and never varies files that have no compressed variant', async () => {
    const nav = await get('/', { 'Accept-Encoding': 'br', Accept: 'text/html' });
    expect(nav.status).toBe(200);
    expect(nav.headers.get('Cache-Control')).toBe('no-cache');
    expect(await nav.text()).toBe(html);

    const icon = await get('/icon.png', { 'Accept-Encoding': 'br' });
    expect(icon.headers.get('Content-Encoding')).toBeNull();
    expect(icon.headers.get('Vary')).toBeNull();
  });
});

describe('Accept-Encoding and If-None-Match parsing', () => {
  it('honours q=0 and the wildcard', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')].sort()).toEqual([
      'br',
      'deflate',
      'gzip',
      'zstd',
    ]);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5').has('br')).toBe(false);
    expect(acceptedEncodings('*;q=0.1, gzip;q=0').has('br')).toBe(true);
    expect(acceptedEncodings('*;q=0.1, gzip;q=0').has('gzip')).toBe(false);
    expect(acceptedEncodings(undefined).size).toBe(0);
    expect(acceptedEncodings('identity').has('br')).toBe(false);
  });

  it('compares tags weakly and accepts lists and *', () => {
    expect(matchesEtag('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesEtag('*', '"x"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});

import { readFile } from 'node:fs/promises';
import { type IncomingHttpHeaders, request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlAssets } from '../budgets/first-paint';
import { root, startTestServer, type TestServer } from './harness';

/** Like curl: the bytes as they travel, not decoded the way fetch() decodes them. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = request(url, { headers });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

// The acceptance, against the real built apps and a real server.
describe('compression on the wire', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it.each([
    ['rider', '/'],
    ['driver', '/driver/'],
    ['admin', '/admin/'],
  ])('sends every JS file the %s app loads first as brotli, immutable', async (app, base) => {
    const html = await rawGet(`${server.url}${base}`);
    const scripts = htmlAssets(html.body.toString()).filter((u) => u.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) {
      const res = await rawGet(`${server.url}${url}`, { 'Accept-Encoding': 'br' });
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['cache-control']).toContain('immutable');
      const built = await readFile(join(root, 'apps', app, 'dist', url.slice(base.length)));
      expect(res.body.length).toBeLessThan(built.length);
      expect(brotliDecompressSync(res.body).equals(built)).toBe(true);
    }
  });

  it('serves the planner bundle and places data compressed, with a 304 when unchanged', async () => {
    for (const path of ['/network/kigali.bundle.json', '/network/kigali.places.json']) {
      const res = await rawGet(`${server.url}${path}`, { 'Accept-Encoding': 'gzip, br' });
      expect(res.headers['content-encoding']).toBe('br');
      expect(JSON.parse(brotliDecompressSync(res.body).toString())).toBeTruthy();
      const etag = res.headers.etag!;
      const again = await rawGet(`${server.url}${path}`, {
        'Accept-Encoding': 'gzip, br',
        'If-None-Match': etag,
      });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });

  it('gzips JSON API answers above the threshold on the fly, and not the small ones', async () => {
    const res = await rawGet(`${server.url}/api/openapi.json`, { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.body).toString()).openapi).toMatch(/^3\./);
    const small = await rawGet(`${server.url}/api/health`, { 'Accept-Encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

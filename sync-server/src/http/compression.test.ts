import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, inflateSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCompression, compressionThreshold } from './compression';

const big = { stops: Array.from({ length: 300 }, (_, i) => ({ id: `stop-${i}`, name: `Stop ${i}` })) };
const protobuf = Buffer.from('\n\u0003bus'.repeat(800));

const app = new Hono()
  .use('/api/*', ...apiCompression)
  .get('/api/big', (c) => c.json(big))
  .get('/api/small', (c) => c.json({ ok: true }))
  .get('/api/feed', (c) => c.body(protobuf, 200, { 'Content-Type': 'application/x-protobuf' }))
  .get('/api/photo', (c) => c.body(Buffer.alloc(4096, 7), 200, { 'Content-Type': 'image/jpeg' }))
  .get('/api/raw', (c) => c.json(big, 200, { 'Cache-Control': 'no-transform' }));

describe('API compression', () => {
  it('gzips JSON above the threshold and leaves small answers alone', async () => {
    const res = await app.request('/api/big', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toMatch(/Accept-Encoding/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBeLessThan(JSON.stringify(big).length / 4);
    expect(JSON.parse(gunzipSync(bytes).toString())).toEqual(big);

    const small = await app.request('/api/small', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(small.headers.get('Content-Encoding')).toBeNull();
    expect(Number(small.headers.get('Content-Length'))).toBeLessThan(compressionThreshold);
    expect(await small.json()).toEqual({ ok: true });
  });

  it('compresses GTFS-Realtime protobuf but not images, and respects no-transform', async () => {
    const feed = await app.request('/api/feed', { headers: { 'Accept-Encoding': 'deflate' } });
    expect(feed.headers.get('Content-Encoding')).toBe('deflate');
    expect(inflateSync(Buffer.from(await feed.arrayBuffer()))).toEqual(protobuf);

    const photo = await app.request('/api/photo', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(photo.headers.get('Content-Encoding')).toBeNull();
    const raw = await app.request('/api/raw', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(raw.headers.get('Content-Encoding')).toBeNull();
  });

  it('sends plain JSON to clients that accept no encoding', async () => {
    const res = await app.request('/api/big');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(await res.json()).toEqual(big);
  });
});

describe('API compression through @hono/node-server', () => {
  let server: ReturnType<typeof serve>;
  let port: number;
  beforeAll(async () => {
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('streams the gzip body chunked and it decodes to the same JSON', async () => {
    const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        const req = request({
          port,
          host: '127.0.0.1',
          path: '/api/big',
          headers: { 'Accept-Encoding': 'gzip' },
        });
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end();
      },
    );
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers['content-length']).toBeUndefined();
    expect(JSON.parse(gunzipSync(body).toString())).toEqual(big);
  });
});

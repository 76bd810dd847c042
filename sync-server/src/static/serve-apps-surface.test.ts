import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestApp, type TestApp } from '../test-support/test-app';

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('serving the apps: SPA fallback, JSON 404s, security headers', () => {
  let t: TestApp;
  let appsDir: string;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    appsDir = await mkdtemp(join(tmpdir(), 'kigaligo-apps-'));
    for (const name of ['rider', 'driver', 'admin']) {
      await mkdir(join(appsDir, name, 'dist', 'assets'), { recursive: true });
      await writeFile(join(appsDir, name, 'dist', 'index.html'), `<!doctype html><title>${name}</title>`);
      await writeFile(join(appsDir, name, 'dist', 'assets', 'main-abc.js'), 'console.log(1)');
      await writeFile(join(appsDir, name, 'dist', 'sw.js'), 'self.skipWaiting()');
    }
    app = createApp(
      {
        ...t.deps,
        pushConfig: { mode: 'fcm', firebase: { apiKey: 'k', projectId: 'p', appId: 'a' }, vapidKey: 'v' },
        map: {
          styleUrl: 'https://tiles.example/styles/kigali.json',
          pmtilesUrl: 'https://tiles.example/rwanda.pmtiles',
          attribution: '© OpenStreetMap',
        },
      },
      { appsDir },
    );
  });
  afterAll(async () => {
    await t.dispose();
    await rm(appsDir, { recursive: true, force: true });
  });
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

  it.each([
    ['/', 'rider'],
    ['/driver/', 'driver'],
    ['/driver', 'driver'],
    ['/admin/', 'admin'],
  ])('serves %s as the %s app', async (path, name) => {
    const res = await get(path, html);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<title>${name}</title>`);
  });

  it('falls back to index.html only for navigations under /driver/ and /admin/', async () => {
    expect(await (await get('/admin/reports/42', html)).text()).toContain('<title>admin</title>');
    expect(await (await get('/driver/trip', html)).text()).toContain('<title>driver</title>');
    for (const res of [
      await get('/admin/reports/42'),
      await get('/driver/trip', { accept: 'application/json' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it.each(['/status', '/healthz', '/plan', '/sync', '/driver/missing.js', '/assets/missing.css'])(
    'answers %s with a JSON 404, navigation or not',
    async (path) => {
      for (const headers of [html, {}]) {
        const res = await get(path, headers);
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
    },
  );

  it('answers /metrics with Prometheus text, not an app page', async () => {
    const res = await get('/metrics', html);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it.each([
    '/%E0%A4%A',
    '/driver/%C0%AF',
    '/admin/%',
    '/api/admin/audit?targetId=%E0%A4%A',
    '/api/me/push-tokens/%ZZ',
  ])('answers the malformed %s with a 400 JSON', async (path) => {
    const res = await get(path, html);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'bad_url_encoding' } });
  });

  it('sends a strict CSP with exactly the configured providers, and no framing, on every app file', async () => {
    for (const path of ['/', '/driver/', '/admin/', '/assets/main-abc.js', '/driver/sw.js']) {
      const res = await get(path, html);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
      expect(directives).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': "'self'",
        'worker-src': "'self' blob:",
        'object-src': "'none'",
        'frame-ancestors': "'none'",
        // Style and PMTiles on one origin: listed once.
        'img-src': "'self' data: blob: https://tiles.example",
        'connect-src':
          "'self' https://tiles.example https://firebaseinstallations.googleapis.com https://fcmregistrations.googleapis.com",
      });
      expect(csp).not.toContain('unsafe');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin');
      // Plain HTTP and no trusted proxy: no HSTS.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('allows geolocation in the rider and driver apps only', async () => {
    const policy = async (path: string) => (await get(path, html)).headers.get('permissions-policy') ?? '';
    expect(await policy('/')).toContain('geolocation=(self)');
    expect(await policy('/driver/')).toContain('geolocation=(self)');
    expect(await policy('/admin/')).toContain('geolocation=()');
    expect(await policy('/admin/')).toContain('camera=()');
  });

  it('leaves out providers that are not configured', async () => {
    const bare = createApp({ ...t.deps, pushConfig: undefined }, { appsDir });
    const csp = (await bare.request('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("img-src 'self' data: blob:;");
    expect(csp).not.toMatch(/googleapis|tiles|stripe/);
    expect(csp).toContain("frame-src 'none';");
  });

  it("with Stripe configured, the rider app's CSP allows exactly Stripe.js's origins; the others none", async () => {
    const withStripe = createApp(
      { ...t.deps, pushConfig: undefined, cardConfig: { provider: 'stripe', publishableKey: 'pk_test_k' } },
      { appsDir },
    );
    const directives = async (path: string) => {
      const csp = (await withStripe.request(path, { headers: html })).headers.get('content-security-policy');
      return Object.fromEntries(
        (csp ?? '').split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
    };
    expect(await directives('/')).toMatchObject({
      'script-src': "'self' https://js.stripe.com",
      'frame-src': 'https://js.stripe.com https://hooks.stripe.com',
      'connect-src': "'self' https://api.stripe.com",
      'frame-ancestors': "'none'",
    });
    for (const path of ['/driver/', '/admin/']) {
      expect(JSON.stringify(await directives(path))).not.toContain('stripe');
      expect((await directives(path))['frame-src']).toBe("'none'");
    }
  });

  it('adds HSTS only over HTTPS, as told by a trusted proxy', async () => {
    const https = { ...html, 'x-forwarded-proto': 'https' };
    expect((await get('/', https)).headers.get('strict-transport-security')).toBeNull();
    const proxied = createApp({ ...t.deps, trustProxy: true }, { appsDir });
    for (const path of ['/', '/api/health']) {
      const res = await proxied.request(path, { headers: https });
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    }
    expect((await proxied.request('/', { headers: https })).headers.get('content-security-policy')).toContain(
      'upgrade-insecure-requests',
    );
    expect(
      (await proxied.request('/', { headers: html })).headers.get('strict-transport-security'),
    ).toBeNull();
  });

  it('marks API answers no-store and nosniff, errors included', async () => {
    const { accessToken } = await t.loginAs('rider');
    for (const [path, status] of [
      ['/api/health', 200],
      ['/api/stops', 401],
      ['/api/nothing-here', 404],
    ] as const) {
      const res = await get(path);
      expect(res.status).toBe(status);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    const me = await get('/api/me', { authorization: `Bearer ${accessToken}` });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps long caching for fingerprinted assets and revalidation for the rest', async () => {
    expect((await get('/assets/main-abc.js')).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get('/', html)).headers.get('cache-control')).toBe('no-cache');
  });
});

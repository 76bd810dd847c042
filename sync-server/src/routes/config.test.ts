import { appConfig } from '@kigaligo/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { mapConfigFromEnv } from '../config';
import { createTestApp, type TestApp } from '../test-support/test-app';

describe('GET /api/config', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.dispose());

  it('without map variables: public, cacheable, no map source (the apps draw their schematic)', async () => {
    const res = await t.request('GET', '/api/config');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await res.json()).toEqual({
      map: { attribution: '' },
      identityProvider: null,
      card: { provider: 'sandbox' },
    });
  });

  it('reports the configured map, and nothing else', async () => {
    const map = mapConfigFromEnv({
      MAP_STYLE_URL: 'https://tiles.example/styles/kigali.json',
      MAP_PMTILES_URL: 'https://tiles.example/rwanda.pmtiles',
      MAP_ATTRIBUTION: '© OpenStreetMap contributors',
    });
    const app = createApp({ ...t.deps, map });
    const res = await app.request('/api/config');
    const body = await res.json();
    expect(body).toEqual({
      map: {
        styleUrl: 'https://tiles.example/styles/kigali.json',
        pmtilesUrl: 'https://tiles.example/rwanda.pmtiles',
        attribution: '© OpenStreetMap contributors',
      },
      identityProvider: null,
      card: { provider: 'sandbox' },
    });
    expect(appConfig.parse(body)).toEqual(body);
  });

  it('with Stripe configured: the publishable key for Stripe.js, never the secret key', async () => {
    const app = createApp({
      ...t.deps,
      cardConfig: { provider: 'stripe', publishableKey: 'pk_test_51Kigali' },
    });
    const text = await (await app.request('/api/config')).text();
    expect(JSON.parse(text).card).toEqual({ provider: 'stripe', publishableKey: 'pk_test_51Kigali' });
    expect(text).not.toMatch(/sk_(test|live)_|whsec_/);
  });

  it('a start with a map variable that is no http(s) URL fails, naming the variable', () => {
    expect(() => mapConfigFromEnv({ MAP_STYLE_URL: 'tiles.example/style.json' })).toThrow(
      'MAP_STYLE_URL must be an absolute http(s) URL',
    );
    expect(() => mapConfigFromEnv({ MAP_PMTILES_URL: 'file:///srv/rwanda.pmtiles' })).toThrow(
      'MAP_PMTILES_URL must be an absolute http(s) URL',
    );
    expect(() => mapConfigFromEnv({ MAP_ATTRIBUTION: 'x'.repeat(501) })).toThrow('MAP_ATTRIBUTION');
    expect(mapConfigFromEnv({})).toEqual({ attribution: '' });
  });
});

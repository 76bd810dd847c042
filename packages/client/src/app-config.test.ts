import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Node has no Cache API: a minimal in-memory one (open / put / match), the part app-config uses.
function memoryCaches() {
  const stored = new Map<string, string>();
  return {
    stored,
    async open() {
      return {
        async put(url: string, res: Response) {
          stored.set(url, await res.text());
        },
        async match(url: string) {
          const text = stored.get(url);
          return text === undefined ? undefined : new Response(text);
        },
      };
    },
  };
}

const configured = {
  map: { styleUrl: 'https://tiles.example/style.json', attribution: '© OpenStreetMap contributors' },
  identityProvider: { name: 'Google' },
  card: { provider: 'stripe', publishableKey: 'pk_test_kigaligo' },
};

/** A fresh module each time: the configuration is asked once per page load. */
const load = async () => (await import('./app-config')).fetchAppConfig();

describe('fetchAppConfig', () => {
  let caches: ReturnType<typeof memoryCaches>;
  beforeEach(() => {
    vi.resetModules();
    caches = memoryCaches();
    vi.stubGlobal('caches', caches);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('online: the server’s answer, kept for later; offline: that copy', async () => {
    const fetch = vi.fn(async () => Response.json(configured));
    vi.stubGlobal('fetch', fetch);
    expect(await load()).toEqual(configured);
    expect(fetch).toHaveBeenCalledWith('/api/config', { cache: 'no-store' });
    expect(JSON.parse(caches.stored.get('/api/config')!)).toEqual(configured);

    vi.resetModules();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await load()).toEqual(configured);
  });

  it('asks once per page load', async () => {
    const fetch = vi.fn(async () => Response.json(configured));
    vi.stubGlobal('fetch', fetch);
    const { fetchAppConfig } = await import('./app-config');
    await Promise.all([fetchAppConfig(), fetchAppConfig()]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('offline with no copy, or an answer that is no configuration: nothing configured (the schematic)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await load()).toEqual({
      map: { attribution: '' },
      identityProvider: null,
      card: { provider: 'sandbox' },
    });

    vi.resetModules();
    const bad = { map: { styleUrl: 'javascript:alert(1)', attribution: '' } };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json(bad)),
    );
    expect(await load()).toEqual({
      map: { attribution: '' },
      identityProvider: null,
      card: { provider: 'sandbox' },
    });
    expect(caches.stored.size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client';
import { NetworkError, SignedOutError } from './api-error';
import { apiGet, apiRequest } from './api-routes';
import { createConnectivity } from './connectivity';
import { createSessionStore, type Session } from './session-store';

const me = apiGet('/api/me');

const rider = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'rider@demo.kigaligo.rw',
  name: 'Aline',
  phone: null,
  role: 'rider',
  suspended: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(
  handler: (path: string, init: RequestInit) => Response | Promise<Response>,
  expiresAt = 10 ** 15,
) {
  const store = createSessionStore({ key: 's', role: 'rider', storage: memoryStorage() });
  store.set({ user: rider, accessToken: 'a1', refreshToken: 'r1', expiresAt } as Session);
  const calls: string[] = [];
  const connectivity = createConnectivity();
  const api = createApiClient({
    store,
    connectivity,
    fetch: async (input, init = {}) => {
      const path = String(input);
      const auth = new Headers(init.headers).get('authorization') ?? '';
      calls.push(`${path} ${auth}`.trim());
      return handler(path, init);
    },
  });
  return { store, calls, api, connectivity };
}

const rotated = (n: number) => ({ user: rider, accessToken: `a${n}`, refreshToken: `r${n}`, expiresIn: 900 });

describe('api client token refresh', () => {
  it('refreshes once on 401 and retries with the new token, storing the rotated refresh token', async () => {
    const { api, calls, store } = setup((path, init) => {
      if (path === '/api/auth/refresh') return json(200, rotated(2));
      const auth = new Headers(init.headers).get('authorization');
      return auth === 'Bearer a2'
        ? json(200, { ok: true })
        : json(401, { error: { code: 'x', message: 'no' } });
    });
    await expect(api.request(me)).resolves.toEqual({ ok: true });
    expect(calls).toEqual(['/api/me Bearer a1', '/api/auth/refresh', '/api/me Bearer a2']);
    expect(store.get()?.refreshToken).toBe('r2');
  });

  it('signs out when the refresh is rejected', async () => {
    const { api, store } = setup(() => json(401, { error: { code: 'unauthorized', message: 'no' } }));
    await expect(api.request(me)).rejects.toBeInstanceOf(SignedOutError);
    expect(store.get()).toBeNull();
  });

  it('shares one refresh between concurrent requests (refresh tokens rotate)', async () => {
    let refreshes = 0;
    const { api } = setup((path, init) => {
      if (path === '/api/auth/refresh') return json(200, rotated(2 + refreshes++));
      const auth = new Headers(init.headers).get('authorization');
      return auth === 'Bearer a2' ? json(200, {}) : json(401, { error: { code: 'x', message: 'no' } });
    });
    await Promise.all([api.request(me), api.request(me), api.request(me)]);
    expect(refreshes).toBe(1);
  });

  it('refreshes before sending when the stored token has expired', async () => {
    const { api, calls } = setup((path) => json(200, path === '/api/auth/refresh' ? rotated(2) : {}), 0);
    await api.request(me);
    expect(calls).toEqual(['/api/auth/refresh', '/api/me Bearer a2']);
  });

  it('keeps the session and reports offline when the network fails', async () => {
    const { api, store, connectivity } = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.request(me)).rejects.toBeInstanceOf(NetworkError);
    expect(store.get()).not.toBeNull();
    expect(connectivity.isOnline()).toBe(false);
  });

  it('refreshAccessToken (for requests made outside `request`) refreshes a stale token but reuses one already replaced', async () => {
    const { api, calls } = setup((path) => json(200, path === '/api/auth/refresh' ? rotated(2) : {}));
    // Another tab (or an API call) already replaced the token the request was refused with.
    await expect(api.refreshAccessToken('a0')).resolves.toBe('a1');
    expect(calls).toEqual([]);
    await expect(api.refreshAccessToken('a1')).resolves.toBe('a2');
    expect(calls).toEqual(['/api/auth/refresh']);
  });

  it('sends extra headers (an Idempotency-Key) with the request and with its retry after a refresh', async () => {
    const keys: (string | null)[] = [];
    const { api } = setup((path, init) => {
      if (path === '/api/auth/refresh') return json(200, rotated(2));
      const h = new Headers(init.headers);
      keys.push(h.get('idempotency-key'));
      return h.get('authorization') === 'Bearer a2' ? json(201, { ok: true }) : json(401, {});
    });
    const payment = apiRequest('post', '/api/payments', { body: { tripId: 't-1', method: 'cash' } });
    await api.request(payment, { headers: { 'Idempotency-Key': 'k-1' } });
    expect(keys).toEqual(['k-1', 'k-1']);
  });
});

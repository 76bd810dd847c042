import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKigaliClient } from '../kigali-client';
import type { Session } from '../session-store';
import { registerForPush, sandboxToken } from './push-registration';

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

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/**
 * KigaliGo's side of registration: `/api/push/config` and `/api/me/push-tokens`. The Firebase JS SDK's side
 * (installations, FCM registrations) runs in Chromium: test/e2e/push-firebase.e2e.test.ts.
 */
function fakeBackends() {
  const seen: Seen[] = [];
  const state = { config: { mode: 'sandbox' } as Record<string, unknown> };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : {};
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const send = (status: number, value: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (req.url === '/api/push/config') return send(200, state.config);
      if (req.url === '/api/me/push-tokens') return send(201, { token: body.token });
      send(404, { error: { message: 'not found' } });
    });
  });
  return { server, seen, state };
}

const rider = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'rider@demo.kigaligo.rw',
  name: 'Aline',
  phone: null,
  role: 'rider',
  suspended: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('push registration', () => {
  const backends = fakeBackends();
  let base = '';
  const toLocal: typeof fetch = (input, init) => {
    const url = String(input)
      .replace('https://firebaseinstallations.googleapis.com', `${base}/installations`)
      .replace('https://fcmregistrations.googleapis.com', `${base}/registrations`);
    return fetch(url, init);
  };
  const client = () => {
    const storage = memoryStorage();
    const c = createKigaliClient({ role: 'rider', baseUrl: base, storage, fetch: toLocal });
    c.session.set({ user: rider, accessToken: 'a1', refreshToken: 'r1', expiresAt: 10 ** 15 } as Session);
    return { c, storage };
  };
  beforeAll(async () => {
    await new Promise<void>((r) => backends.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(backends.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => backends.server.close(r)));
  beforeEach(() => {
    backends.seen.length = 0;
  });

  it('in sandbox mode registers one stable token per device without asking for permission', async () => {
    backends.state.config = { mode: 'sandbox' };
    const { c, storage } = client();
    let asked = false;
    const env = {
      storage,
      requestPermission: async () => {
        asked = true;
        return 'granted' as const;
      },
    };
    expect(await registerForPush(c, env)).toEqual({ state: 'registered', mode: 'sandbox' });
    expect(await registerForPush(c, env)).toEqual({ state: 'registered', mode: 'sandbox' });
    const posts = backends.seen.filter((s) => s.url === '/api/me/push-tokens');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body).toEqual({
      token: expect.stringMatching(/^sandbox-web-[0-9a-f-]{36}$/),
      platform: 'web',
    });
    expect(posts[1]!.body.token).toBe(posts[0]!.body.token);
    expect(posts[0]!.headers.authorization).toBe('Bearer a1');
    expect(asked).toBe(false);
    expect(sandboxToken(storage, 'rider')).toBe(posts[0]!.body.token);
  });

  const fcm = {
    mode: 'fcm',
    firebase: { apiKey: 'AIza-test', projectId: 'kigaligo-test', appId: '1:1:web:1', messagingSenderId: '1' },
    vapidKey: 'BPublicVapidKey',
  };
  const registration = {} as ServiceWorkerRegistration;

  it('with FCM configured asks for permission, has the SDK register this service worker, and sends its token', async () => {
    backends.state.config = fcm;
    const { c, storage } = client();
    const asked: unknown[] = [];
    const result = await registerForPush(c, {
      storage,
      requestPermission: async () => 'granted',
      serviceWorker: async () => registration,
      fcmToken: async (opts) => {
        asked.push(opts);
        return 'fcm-token-from-google';
      },
    });
    expect(result).toEqual({ state: 'registered', mode: 'fcm' });
    expect(asked).toEqual([
      { firebase: fcm.firebase, vapidKey: fcm.vapidKey, registration, appName: 'kigaligo-rider' },
    ]);
    expect(backends.seen.find((s) => s.url === '/api/me/push-tokens')!.body).toEqual({
      token: 'fcm-token-from-google',
      platform: 'web',
    });
  });

  it('stops when the user blocks notifications or the configuration is incomplete, and reports SDK errors', async () => {
    const { c, storage } = client();
    const env = { storage, serviceWorker: async () => registration };
    const refused = async () => {
      throw new Error(
        'Messaging: A problem occurred while subscribing the user to FCM (token-subscribe-failed).',
      );
    };
    backends.state.config = fcm;
    expect(
      await registerForPush(c, { ...env, requestPermission: async () => 'denied', fcmToken: refused }),
    ).toEqual({ state: 'denied' });
    const failed = await registerForPush(c, {
      ...env,
      requestPermission: async () => 'granted',
      fcmToken: refused,
    });
    expect(failed).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/token-subscribe-failed/),
    });
    backends.state.config = {
      ...fcm,
      firebase: { apiKey: 'AIza-test', projectId: 'kigaligo-test', appId: '1:1:web:1' },
    };
    expect(
      await registerForPush(c, { ...env, requestPermission: async () => 'granted', fcmToken: refused }),
    ).toEqual({ state: 'unsupported' });
    expect(backends.seen.some((s) => s.url === '/api/me/push-tokens')).toBe(false);
  });
});

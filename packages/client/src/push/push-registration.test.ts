import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKigaliClient } from '../kigali-client';
import type { Session } from '../session-store';
import { base64UrlDecode, base64UrlEncode, generateFid, registrationBody } from './fcm-web';
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
 * One local server speaking both sides: KigaliGo's `/api/push/config` and `/api/me/push-tokens`, and the two
 * Google endpoints FCM web registration uses (reached through a fetch that swaps their host for this one).
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
      if (req.url === '/installations/v1/projects/kigaligo-test/installations') {
        if (req.headers['x-goog-api-key'] !== 'AIza-test')
          return send(403, { error: { message: 'bad key' } });
        return send(200, {
          fid: body.fid,
          refreshToken: 'r',
          authToken: { token: 'fis-auth', expiresIn: '604800s' },
        });
      }
      if (req.url === '/registrations/v1/projects/kigaligo-test/registrations') {
        if (req.headers['x-goog-firebase-installations-auth'] !== 'FIS fis-auth') {
          return send(401, { error: { message: 'no installation auth' } });
        }
        return send(200, { token: 'fcm-token-from-google' });
      }
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

  it('with FCM configured registers the push subscription with FCM and sends its token', async () => {
    const vapidKey = base64UrlEncode(new Uint8Array(65).fill(4));
    backends.state.config = {
      mode: 'fcm',
      firebase: { apiKey: 'AIza-test', projectId: 'kigaligo-test', appId: '1:1:web:1' },
      vapidKey,
    };
    const { c, storage } = client();
    const subscribed: unknown[] = [];
    const subscription = {
      endpoint: 'https://push.example/sub/1',
      getKey: (name: string) => new Uint8Array(name === 'auth' ? 16 : 65).fill(7).buffer,
    };
    const registration = {
      pushManager: {
        getSubscription: async () => null,
        subscribe: async (opts: unknown) => {
          subscribed.push(opts);
          return subscription;
        },
      },
    } as unknown as ServiceWorkerRegistration;
    const result = await registerForPush(c, {
      storage,
      fetch: toLocal,
      requestPermission: async () => 'granted',
      serviceWorker: async () => registration,
    });
    expect(result).toEqual({ state: 'registered', mode: 'fcm' });
    const install = backends.seen.find((s) => s.url.startsWith('/installations'))!;
    expect(install.body).toMatchObject({
      fid: expect.stringMatching(/^[cdef][\w-]{21}$/),
      authVersion: 'FIS_v2',
    });
    const reg = backends.seen.find((s) => s.url.startsWith('/registrations'))!;
    expect(reg.body).toEqual(
      registrationBody(
        {
          endpoint: subscription.endpoint,
          p256dh: base64UrlEncode(new Uint8Array(65).fill(7)),
          auth: base64UrlEncode(new Uint8Array(16).fill(7)),
        },
        vapidKey,
      ),
    );
    expect(subscribed[0]).toMatchObject({ userVisibleOnly: true });
    expect(backends.seen.find((s) => s.url === '/api/me/push-tokens')!.body).toEqual({
      token: 'fcm-token-from-google',
      platform: 'web',
    });
  });

  it('stops when the user blocks notifications, and reports FCM refusals', async () => {
    backends.state.config = {
      mode: 'fcm',
      firebase: { apiKey: 'wrong-key', projectId: 'kigaligo-test', appId: '1:1:web:1' },
      vapidKey: base64UrlEncode(new Uint8Array(65)),
    };
    const { c, storage } = client();
    const registration = {
      pushManager: {
        getSubscription: async () => ({
          endpoint: 'https://push.example/2',
          getKey: () => new ArrayBuffer(16),
        }),
      },
    } as unknown as ServiceWorkerRegistration;
    const env = { storage, fetch: toLocal, serviceWorker: async () => registration };
    expect(await registerForPush(c, { ...env, requestPermission: async () => 'denied' })).toEqual({
      state: 'denied',
    });
    const failed = await registerForPush(c, { ...env, requestPermission: async () => 'granted' });
    expect(failed).toEqual({ state: 'failed', message: 'Firebase installation: bad key' });
    expect(backends.seen.some((s) => s.url === '/api/me/push-tokens')).toBe(false);
  });
});

describe('FCM web helpers', () => {
  it('makes installation ids in the Firebase format', () => {
    for (let i = 0; i < 50; i++) expect(generateFid()).toMatch(/^[cdef][\w-]{21}$/);
  });
  it('round-trips base64url (VAPID keys, subscription keys)', () => {
    const bytes = Uint8Array.from({ length: 65 }, (_, i) => (i * 37) % 256);
    const text = base64UrlEncode(bytes);
    expect(text).not.toMatch(/[+/=]/);
    expect([...base64UrlDecode(text)]).toEqual([...bytes]);
  });
});

import { randomUUID } from 'node:crypto';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { closeCodes } from '@kigaligo/sync-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '../auth/tokens';
import { openDatabase } from '../db/client';
import { rawConnect, ticketFor } from '../test-support/sync-client';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { createTestDatabaseUrl, testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { isDatabaseUnavailable } from './db-unavailable';

/** A TCP relay to Postgres that the test can cut, as a network partition or a database restart would. */
async function cuttableRelay(target: URL): Promise<{ url: string; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    cut: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('isDatabaseUnavailable', () => {
  it('recognises connection failures through wrapping causes, and nothing else', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused]))).toBe(true);
    expect(isDatabaseUnavailable(new Error('PGlite is closed'))).toBe(true);
    // A constraint violation or a bad value is a bug or bad input, never "try later".
    expect(isDatabaseUnavailable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('nul'), { code: '22021' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x'))).toBe(false);
  });
});

describe.each(testDatabaseKinds)('503 + Retry-After when the database is unreachable, on %s', (kind) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    if (kind === 'pglite') {
      t = await createTestApp('pglite');
      token = (await t.loginAs('rider')).accessToken;
      // PGlite is in-process: closing it is its only way to be unreachable.
      await t.database.close();
    } else {
      // Nothing listens on this port: every connection attempt is refused.
      const probe = createServer();
      await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
      const port = (probe.address() as AddressInfo).port;
      await new Promise<void>((r) => probe.close(() => r()));
      const database = await openDatabase({
        databaseUrl: `postgres://postgres@127.0.0.1:${port}/x`,
        dataDir: '',
      });
      t = await createTestApp('postgres', { database });
      token = await signAccessToken(
        { userId: randomUUID(), role: 'rider', sessionId: randomUUID() },
        t.deps.jwtSecret,
      );
    }
  });
  afterAll(async () => {
    await t.dispose().catch(() => {});
  });

  it.each([
    ['POST', '/api/auth/login', { email: 'rider@kigaligo.rw', password: 'whatever-123' }, false],
    ['POST', '/api/auth/register', { email: 'new@example.rw', password: 'password-123', name: 'New' }, false],
    ['GET', '/api/me', undefined, true],
    ['GET', '/api/trips', undefined, true],
    ['GET', '/api/reports', undefined, true],
  ] as const)('%s %s answers 503 with Retry-After', async (method, path, body, auth) => {
    const res = await t.request(method, path, { ...(body ? { body } : {}), ...(auth ? { token } : {}) });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await res.json()).error.code).toBe('unavailable');
  });
});

describe.runIf(testDatabaseKinds.includes('postgres'))('the sync socket while Postgres is cut off', () => {
  it('closes with 1013 (try again later), not 1011', async () => {
    const created = await createTestDatabaseUrl();
    const relay = await cuttableRelay(new URL(created.url));
    const t = await startTestServer('postgres', { databaseUrl: relay.url });
    try {
      const s = await t.loginAs('rider');
      await relay.cut();
      // A report document needs its owner from the database before the socket is authorised.
      const c = rawConnect(
        t.server.url,
        `/sync/report:${randomUUID()}?ticket=${await ticketFor(t.server.url, s.accessToken)}`,
      );
      expect((await c.closed).code).toBe(closeCodes.tryAgainLater);
      const login = await fetch(`${t.server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'rider@kigaligo.rw', password: 'password-123' }),
      });
      expect(login.status).toBe(503);
      expect(login.headers.get('retry-after')).toBe('5');
    } finally {
      await t.stop().catch(() => {});
      await created.drop();
    }
  });
});

import { type AddressInfo, createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, resultRows } from '../db/client';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';

describe.each(testDatabaseKinds)('orchestrator health on %s', (kind) => {
  it('live and ready answer 200 while the database answers', async () => {
    const t = await createTestApp(kind);
    try {
      const live = await t.request('GET', '/api/health/live');
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
      const ready = await t.request('GET', '/api/health/ready');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok' });
    } finally {
      await t.dispose();
    }
  });

  it('ready names Redis or shutting down when those fail, and live stays 200', async () => {
    const t = await createTestApp(kind, {
      readiness: { redis: () => Promise.reject(new Error('redis connecting')), closing: () => true },
    });
    try {
      const ready = await t.request('GET', '/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('5');
      const body = await ready.json();
      expect(body.error.code).toBe('not_ready');
      expect(body.failed).toEqual(['closing', 'redis']);
      expect((await t.request('GET', '/api/health/live')).status).toBe(200);
    } finally {
      await t.dispose();
    }
  });

  it("ready names migrations when the database lacks this build's newest one, and is ready again once it is there", async () => {
    const t = await createTestApp(kind);
    try {
      // As a database restored from a backup taken before the last deploy would be.
      const [newest] = resultRows<{ id: number; hash: string; created_at: string }>(
        await t.database.db.execute(
          sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations) returning *`,
        ),
      );
      const ready = await t.request('GET', '/api/health/ready');
      expect(ready.status).toBe(503);
      expect((await ready.json()).failed).toEqual(['migrations']);
      await t.database.db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${newest!.id}, ${newest!.hash}, ${newest!.created_at})`,
      );
      expect((await t.request('GET', '/api/health/ready')).status).toBe(200);
    } finally {
      await t.dispose();
    }
  });

  describe('while the database is down', () => {
    let t: TestApp;
    beforeAll(async () => {
      if (kind === 'pglite') {
        t = await createTestApp('pglite');
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
      }
    });
    afterAll(async () => {
      await t.dispose().catch(() => {});
    });

    it('ready answers 503 naming the database, with Retry-After; live still answers 200', async () => {
      const ready = await t.request('GET', '/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('5');
      const body = await ready.json();
      expect(body.error).toEqual({ code: 'not_ready', message: 'Not ready: database' });
      expect(body.failed).toEqual(['database']);
      const live = await t.request('GET', '/api/health/live');
      expect(live.status).toBe(200);
    });
  });

  it('a running server is ready (Redis pinged when configured) and stops being ready once it closes', async () => {
    const redisUrl = process.env.TEST_REDIS_URL;
    const t = await startTestServer(kind, redisUrl ? { redisUrl } : {});
    try {
      expect(t.server.deps.readiness?.redis !== undefined).toBe(redisUrl !== undefined);
      const ready = await fetch(`${t.server.url}/api/health/ready`);
      expect(ready.status).toBe(200);
      const closed = t.server.close();
      expect(t.server.deps.readiness?.closing()).toBe(true);
      await closed;
    } finally {
      await t.stop();
    }
  });
});

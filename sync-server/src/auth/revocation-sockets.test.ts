import { randomUUID } from 'node:crypto';
import { closeCodes } from '@kigaligo/sync-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawConnect, ticketFor } from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { redisRevocationBus } from './session-revocations';

describe.each(testDatabaseKinds)('revoked sessions on open sockets (%s)', (kind) => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  it('closes the session’s /sync and /live sockets with 4401 at logout, and refuses its tickets after', async () => {
    const rider = await t.register(`sockets-${kind}@example.rw`);
    // Issued before the logout, used after it: the session's end ends unused tickets too.
    const unused = await ticketFor(t.server.url, rider.accessToken);
    const sync = rawConnect(
      t.server.url,
      `/sync/rider:${rider.user.id}?ticket=${await ticketFor(t.server.url, rider.accessToken)}`,
    );
    const live = rawConnect(
      t.server.url,
      `/live?ticket=${await ticketFor(t.server.url, rider.accessToken, 'live')}`,
    );
    await Promise.all([sync.opened, live.opened]);
    // The live channel's first snapshot shows the token passed its check.
    await expect.poll(() => live.received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const out = await fetch(`${t.server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: rider.refreshToken }),
    });
    expect(out.status).toBe(204);
    expect((await sync.closed).code).toBe(closeCodes.unauthenticated);
    expect((await live.closed).code).toBe(closeCodes.unauthenticated);
    const again = rawConnect(t.server.url, `/sync/rider:${rider.user.id}?ticket=${unused}`);
    expect((await again.closed).code).toBe(closeCodes.unauthenticated);
    await expect(ticketFor(t.server.url, rider.accessToken)).rejects.toMatchObject({ status: 401 });
  });
});

describe.runIf(process.env.TEST_REDIS_URL)('redisRevocationBus', () => {
  it('tells the other processes, not the sender', async () => {
    const url = process.env.TEST_REDIS_URL!;
    const [a, b] = await Promise.all([redisRevocationBus(url), redisRevocationBus(url)]);
    const heardByA: string[][] = [];
    const heardByB: string[][] = [];
    a.onRevoked((ids) => heardByA.push(ids));
    b.onRevoked((ids) => heardByB.push(ids));
    const ids = [randomUUID()];
    await a.publish(ids);
    await expect.poll(() => heardByB, { timeout: 5_000 }).toContainEqual(ids);
    expect(heardByA).not.toContainEqual(ids);
    await Promise.all([a.close(), b.close()]);
  });
});

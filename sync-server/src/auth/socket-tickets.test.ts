import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { memoryTicketStore, redisTicketStore, type TicketGrant, type TicketStore } from './socket-tickets';

const grant = (): TicketGrant => ({
  userId: randomUUID(),
  role: 'rider',
  sessionId: randomUUID(),
  purpose: 'sync',
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stores: [string, (ttlSeconds: number) => Promise<TicketStore>][] = [
  ['memory', async (ttl) => memoryTicketStore(ttl)],
];
if (process.env.TEST_REDIS_URL) {
  const url = process.env.TEST_REDIS_URL;
  stores.push(['redis', (ttl) => redisTicketStore(url, ttl, `kigaligo:test-tickets:${randomUUID()}:`)]);
}

describe.each(stores)('socket tickets in %s', (_kind, open) => {
  it('opens once: the grant it was issued for, then nothing', async () => {
    const store = await open(30);
    const g = grant();
    const ticket = await store.issue(g);
    expect(ticket).toMatch(/^[\w-]{43}$/);
    expect(await store.take(ticket)).toEqual(g);
    expect(await store.take(ticket)).toBeNull();
    await store.close();
  });

  it('expires unused', async () => {
    const store = await open(1);
    const ticket = await store.issue(grant());
    await sleep(1200);
    expect(await store.take(ticket)).toBeNull();
    await store.close();
  });

  it('refuses what it never issued, without a lookup for malformed ones', async () => {
    const store = await open(30);
    const ticket = await store.issue(grant());
    const forged = `${ticket.slice(0, -1)}${ticket.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of ['', 'x', forged, `${ticket}x`]) expect(await store.take(bad)).toBeNull();
    expect(await store.take(ticket)).not.toBeNull();
    await store.close();
  });
});

describe.runIf(process.env.TEST_REDIS_URL)('socket tickets across two processes (Redis)', () => {
  it('one process issues, the other redeems, and only once among them', async () => {
    const url = process.env.TEST_REDIS_URL!;
    const prefix = `kigaligo:test-tickets:${randomUUID()}:`;
    const [a, b] = await Promise.all([redisTicketStore(url, 30, prefix), redisTicketStore(url, 30, prefix)]);
    const g = grant();
    const ticket = await a.issue(g);
    // Both try at once: GETDEL lets exactly one of them have it.
    const taken = await Promise.all([b.take(ticket), a.take(ticket)]);
    expect(taken.filter(Boolean)).toEqual([g]);
    await Promise.all([a.close(), b.close()]);
  });
});

describe.each(testDatabaseKinds)('POST /api/sync/ticket on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  it('issues a ticket bound to the caller, its session and the socket it names', async () => {
    const rider = await t.loginAs('rider');
    const res = await t.request('POST', '/api/sync/ticket', {
      token: rider.accessToken,
      body: { purpose: 'live' },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.expiresIn).toBe(30);
    const claims = await t.deps.tickets.take(body.ticket);
    expect(claims).toMatchObject({ userId: rider.user.id, role: 'rider', purpose: 'live' });
    expect(claims?.sessionId).toEqual(expect.any(String));
  });

  it('wants a signed-in caller and a known purpose', async () => {
    const rider = await t.loginAs('rider');
    expect((await t.request('POST', '/api/sync/ticket', { body: { purpose: 'sync' } })).status).toBe(401);
    const bad = await t.request('POST', '/api/sync/ticket', {
      token: rider.accessToken,
      body: { purpose: 'x' },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('validation_failed');
  });
});

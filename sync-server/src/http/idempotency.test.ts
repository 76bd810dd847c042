import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { idempotencyKeys, reportEvents, safetyReports, users } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { IDEMPOTENCY_LEASE_SECONDS, keepAnswer, purgeIdempotencyKeys } from './idempotency';
import { requestFingerprint } from './request-fingerprint';

describe.each(testDatabaseKinds)('Idempotency-Key on admin decisions on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let reportId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = (await t.loginAs('admin')).accessToken;
    const [rider] = await t.database.db.select().from(users).where(eq(users.role, 'rider'));
    reportId = randomUUID();
    await t.database.db.insert(safetyReports).values({
      id: reportId,
      reporterId: rider!.id,
      category: 'overcharging',
      description: 'Charged twice the agreed fare.',
      occurredAt: new Date(),
      severity: 'low',
      severityScore: 10,
      submittedAt: new Date(),
    });
  });
  afterAll(() => t.dispose());

  const note = (text: string, key?: string, path = `/api/admin/reports/${reportId}/notes`) =>
    t.request('POST', path, {
      token: admin,
      body: { text },
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });
  const notes = async () =>
    (await t.database.db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId))).filter(
      (e) => e.kind === 'note',
    );

  it('a retried decision gets the first answer and acts once; without a key every call acts', async () => {
    const key = randomUUID();
    const first = await note('Called the rider back.', key);
    expect(first.status).toBe(201);
    const again = await note('Called the rider back.', key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await notes()).toHaveLength(1);
    expect((await note('A second note.')).status).toBe(201);
    expect(await notes()).toHaveLength(2);
  });

  it('replays refusals too, refuses a key reused for another request, and checks the key', async () => {
    const key = randomUUID();
    const refused = await note(' ', key);
    expect(refused.status).toBe(400);
    const replay = await note(' ', key);
    expect(replay.status).toBe(400);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    // Fixing the text is a new request: it needs a new key.
    const fixed = await note('Now with text', key);
    expect(fixed.status).toBe(422);
    expect(await notes()).toHaveLength(2);
    const other = await note('x'.repeat(20), key, `/api/admin/reports/${reportId}/replies`);
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('idempotency_key_reused');
    const bad = await note('A third note.', 'short');
    expect(bad.status).toBe(400);
    expect(await notes()).toHaveLength(2);
  });

  it('binds the key to the body: the same key with another text is refused (422) and stores nothing', async () => {
    const key = randomUUID();
    const before = (await notes()).length;
    expect((await note('Asked the driver for his side.', key)).status).toBe(201);
    const changed = await note('Asked the driver for her side.', key);
    expect(changed.status).toBe(422);
    expect(changed.headers.get('idempotent-replayed')).toBeNull();
    expect((await changed.json()).error.code).toBe('idempotency_key_reused');
    // The same body with its JSON written differently is the same request, replayed.
    const path = `/api/admin/reports/${reportId}/notes`;
    const spaced = await t.app.request(path, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: '{ "text" :  "Asked the driver for his side." }',
    });
    expect(spaced.status).toBe(201);
    expect(spaced.headers.get('idempotent-replayed')).toBe('true');
    expect(await notes()).toHaveLength(before + 1);
  });

  const claimRow = async (key: string, text: string, leaseUntil: Date) => {
    const path = `/api/admin/reports/${reportId}/notes`;
    const [me] = await t.database.db.select().from(users).where(eq(users.role, 'admin'));
    await t.database.db.insert(idempotencyKeys).values({
      userId: me!.id,
      key,
      method: 'POST',
      path,
      fingerprint: requestFingerprint('POST', path, JSON.stringify({ text })),
      leaseUntil,
    });
    return me!.id;
  };

  it('answers a retry while the first request runs with 409 request_in_progress and Retry-After', async () => {
    // A claimed key with no answer yet and a lease still running: the state while its first request works.
    const key = randomUUID();
    await claimRow(key, 'Still being written.', new Date(Date.now() + IDEMPOTENCY_LEASE_SECONDS * 1000));
    const before = (await notes()).length;
    const retry = await note('Still being written.', key);
    expect(retry.status).toBe(409);
    expect(retry.headers.get('retry-after')).toBe('1');
    expect((await retry.json()).error.code).toBe('request_in_progress');
    expect(await notes()).toHaveLength(before);
  });

  it('releases a key whose request died after claiming it once the lease has run out', async () => {
    const key = randomUUID();
    const userId = await claimRow(key, 'Written after a crash.', new Date(Date.now() - 1000));
    const before = (await notes()).length;
    const retry = await note('Written after a crash.', key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await notes()).toHaveLength(before + 1);
    const [row] = await t.database.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    expect(row!.status).toBe(201);
    const replay = await note('Written after a crash.', key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await notes()).toHaveLength(before + 1);
  });

  it('a request whose key was taken over cannot record its answer, and its transaction acts on nothing', async () => {
    // The state after the first request's lease ran out and its retry took the key (a new lease).
    const key = randomUUID();
    const userId = await claimRow(key, 'Overtaken.', new Date(Date.now() + 60_000));
    const before = (await notes()).length;
    const overtaken = { userId, key, leaseUntil: new Date(Date.now() - 1000), kept: false };
    const context = { get: () => overtaken } as unknown as Parameters<typeof keepAnswer>[0];
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.insert(reportEvents).values({ reportId, kind: 'note', actorId: userId, text: 'Overtaken.' });
        await keepAnswer(context, tx as Db, 201, { note: 'x' });
      }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'request_in_progress' });
    expect(await notes()).toHaveLength(before);
    const [row] = await t.database.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    expect(row!.status).toBeNull();
  });

  it('runs concurrent requests with one key once; the others are told to retry or get the answer', async () => {
    const key = randomUUID();
    const before = (await notes()).length;
    const answers = await Promise.all(Array.from({ length: 8 }, () => note('Sent from two tabs.', key)));
    expect(await notes()).toHaveLength(before + 1);
    const ran = answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null);
    expect(ran).toHaveLength(1);
    for (const a of answers) {
      if (a.status === 409) expect(a.headers.get('retry-after')).toBe('1');
      else expect(a.status).toBe(201);
    }
  });

  it('forgets answers after the replay window', async () => {
    const before = (await t.database.db.select().from(idempotencyKeys)).length;
    expect(before).toBeGreaterThan(0);
    expect(await purgeIdempotencyKeys(t.database.db, new Date(Date.now() + 25 * 3600_000))).toBe(before);
    expect(await t.database.db.select().from(idempotencyKeys)).toHaveLength(0);
  });
});

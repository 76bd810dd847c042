import { randomUUID } from 'node:crypto';
import type { SyncIssuesResponse } from '@kigaligo/domain';
import { docName, driverDoc, reportDoc, riderDoc } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileFailures, syncDocuments, syncUpdates, users } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe.each(testDatabaseKinds)('GET /api/admin/sync-issues on %s (SS12)', (kind) => {
  let t: TestApp;
  let admin: string;
  let rider: { id: string; name: string; token: string };
  const names = {
    rejected: '',
    retrying: '',
    stuck: '',
    fresh: '',
    reconciled: '',
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = (await t.loginAs('admin')).accessToken;
    const r = await t.loginAs('rider');
    rider = { id: r.user.id, name: r.user.name, token: r.accessToken };
    const db = t.database.db;
    const [driver] = await db
      .insert(users)
      .values({
        email: `${randomUUID()}@test.kigaligo.rw`,
        passwordHash: 'none',
        name: 'Jean D.',
        role: 'driver',
      })
      .returning();
    names.rejected = docName(riderDoc(rider.id));
    names.retrying = docName(driverDoc(driver!.id));
    names.stuck = docName(reportDoc(randomUUID()));
    names.fresh = docName(reportDoc(randomUUID()));
    names.reconciled = docName(reportDoc(randomUUID()));
    for (const docName of Object.values(names)) {
      await db
        .insert(syncDocuments)
        .values({ docName, ownerId: docName.startsWith('report') ? rider.id : null });
    }
    // Stuck: a change stored an hour ago and never reconciled; fresh: one stored just now; reconciled: caught up.
    const [old] = await db
      .insert(syncUpdates)
      .values({ docName: names.stuck, update: new Uint8Array([0, 0]), createdAt: minutesAgo(60) })
      .returning();
    await db.insert(syncUpdates).values({ docName: names.fresh, update: new Uint8Array([0, 0]) });
    const [done] = await db
      .insert(syncUpdates)
      .values({ docName: names.reconciled, update: new Uint8Array([0, 0]), createdAt: minutesAgo(60) })
      .returning();
    expect(old).toBeDefined();
    await db
      .update(syncDocuments)
      .set({ reconciledUpdateId: done!.id })
      .where(eq(syncDocuments.docName, names.reconciled));
    await db.insert(reconcileFailures).values([
      {
        docName: names.rejected,
        entryKey: `bookingIntents/${randomUUID()}`,
        userId: rider.id,
        code: 'invalid',
        message: 'origin.label: Contains a character that cannot be stored',
        fingerprint: 'f1',
        attempts: 1,
        firstFailedAt: minutesAgo(30),
        lastFailedAt: minutesAgo(30),
        rejectedAt: minutesAgo(30),
      },
      {
        docName: names.retrying,
        entryKey: `tripActions/${randomUUID()}`,
        userId: driver!.id,
        code: 'server_error',
        message: 'boom',
        fingerprint: 'f2',
        attempts: 2,
        firstFailedAt: minutesAgo(2),
        lastFailedAt: minutesAgo(1),
        nextAttemptAt: new Date(Date.now() + 60_000),
      },
    ]);
  });
  afterAll(() => t.dispose());

  const get = async (query: string, token = admin) => {
    const res = await t.request('GET', `/api/admin/sync-issues${query}`, { token });
    return {
      status: res.status,
      body: (await res.json()) as SyncIssuesResponse & { error?: { code: string } },
    };
  };

  it('is for admins only', async () => {
    expect((await t.request('GET', '/api/admin/sync-issues')).status).toBe(401);
    expect((await get('', rider.token)).status).toBe(403);
  });

  it('lists rejected and retrying entries with code, message, user, when and attempts, and stuck documents', async () => {
    const { status, body } = await get('');
    expect(status).toBe(200);
    expect(body.counts).toEqual({ rejected: 1, retrying: 1, stuck: 1 });
    const byDoc = new Map(body.issues.map((i) => [i.docName, i]));
    expect(byDoc.get(names.rejected)).toMatchObject({
      state: 'rejected',
      code: 'invalid',
      message: 'origin.label: Contains a character that cannot be stored',
      userId: rider.id,
      userName: rider.name,
      attempts: 1,
    });
    expect(byDoc.get(names.retrying)).toMatchObject({
      state: 'retrying',
      code: 'server_error',
      attempts: 2,
      userName: 'Jean D.',
    });
    expect(byDoc.get(names.stuck)).toMatchObject({
      state: 'stuck',
      entryKey: '*',
      userId: rider.id,
      attempts: 0,
    });
    expect(Date.parse(byDoc.get(names.stuck)!.since)).toBeLessThan(minutesAgo(59).getTime());
    // A change stored a moment ago is not stuck yet, and a reconciled document is no issue at all.
    expect(byDoc.has(names.fresh)).toBe(false);
    expect(byDoc.has(names.reconciled)).toBe(false);
  });

  it('filters by state and takes the stuck threshold from the query', async () => {
    expect((await get('?state=rejected')).body.issues.map((i) => i.docName)).toEqual([names.rejected]);
    expect((await get('?state=stuck')).body.issues.map((i) => i.docName)).toEqual([names.stuck]);
    const late = await get('?state=stuck&stuckAfterMinutes=120');
    expect(late.body.issues).toEqual([]);
    expect(late.body.counts.stuck).toBe(0);
  });

  it('refuses a bad query with 400 and its field', async () => {
    const bad = await get('?state=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('validation_failed');
    expect((await get('?stuckAfterMinutes=0')).status).toBe(400);
  });
});

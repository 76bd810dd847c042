import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys, reportEvents, safetyReports, users } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { purgeIdempotencyKeys } from './idempotency';

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
    const replay = await note('Now with text', key);
    expect(replay.status).toBe(400);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await notes()).toHaveLength(2);
    const other = await note('x'.repeat(20), key, `/api/admin/reports/${reportId}/replies`);
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('idempotency_key_reused');
    const bad = await note('A third note.', 'short');
    expect(bad.status).toBe(400);
    expect(await notes()).toHaveLength(2);
  });

  it('forgets answers after the replay window', async () => {
    const before = (await t.database.db.select().from(idempotencyKeys)).length;
    expect(before).toBeGreaterThan(0);
    expect(await purgeIdempotencyKeys(t.database.db, new Date(Date.now() + 25 * 3600_000))).toBe(before);
    expect(await t.database.db.select().from(idempotencyKeys)).toHaveLength(0);
  });
});

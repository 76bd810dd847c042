import { randomUUID } from 'node:crypto';
import { reportDocKeys } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, safetyReports, tripEvents, trips, users, vehicles } from '../db/schema';
import { sampleFiles } from '../test-support/evidence-samples';
import { watchReconciles } from '../test-support/reconcile-watch';
import { evidenceRefOf, openReport, reportFields, uploadEvidence } from '../test-support/report-kit';
import { waitFor } from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.each(testDatabaseKinds)('report document reconciler on %s', (kind) => {
  let t: TestServer;
  let rider: { id: string; token: string };
  let driverId: string;
  let vehicleId: string;
  beforeAll(async () => {
    t = await startTestServer(kind);
    const s = await t.loginAs('rider');
    rider = { id: s.user.id, token: s.accessToken };
    const d = await t.loginAs('driver');
    driverId = d.user.id;
    const [v] = await t.server.deps.database.db
      .select()
      .from(vehicles)
      .where(eq(vehicles.driverId, driverId));
    vehicleId = v!.id;
  });
  afterAll(() => t.stop());

  const db = () => t.server.deps.database.db;
  const row = async (id: string) =>
    (await db().select().from(safetyReports).where(eq(safetyReports.id, id)))[0];
  const stored = (docName: string, key: string) => () =>
    t.server.sync.rooms.get(docName)?.doc.getMap(reportDocKeys.report).has(key) ?? false;

  /** A trip of `riderId` in the demo driver's moto, in progress since five minutes before now (or completed). */
  async function tripInProgress(riderId: string, status: 'in_progress' | 'completed' = 'in_progress') {
    const id = randomUUID();
    const place = { lat: -1.95, lon: 30.06 };
    await db().insert(trips).values({
      id,
      riderId,
      driverId,
      vehicleId,
      kind: 'moto',
      status,
      origin: place,
      destination: place,
      fareAmount: 1200,
      intentId: randomUUID(),
      paymentMethod: 'cash',
      distanceMeters: 3000,
      departAt: new Date(),
    });
    await db()
      .insert(tripEvents)
      .values({
        tripId: id,
        actorId: driverId,
        toStatus: 'in_progress',
        createdAt: new Date(Date.now() - 5 * 60_000),
      });
    return id;
  }

  it('leaves a draft alone: no row, nothing written back', async () => {
    const r = await openReport(t.server.url, rider.token);
    const { submittedAt: _, ...draft } = reportFields();
    r.write(draft);
    await waitFor(stored(r.docName, 'category'), 10_000, 'draft stored');
    await t.server.reconciler.flush();
    await t.server.reconciler.run(r.docName, { force: true });
    expect(await row(r.reportId)).toBeUndefined();
    expect(r.server()).toEqual({});
    r.close();
  });

  it('waits for missing evidence, then files when it arrives; the reasons are stored', async () => {
    const photo = sampleFiles.jpeg(8192, 301);
    const r = await openReport(t.server.url, rider.token);
    const tripId = await tripInProgress(rider.id);
    r.write(
      reportFields({
        tripId,
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        description: 'Umumotari yankubise, he hit me and showed a knife. I need help.',
      }),
      [evidenceRefOf(photo, 'image/jpeg')],
    );
    await waitFor(() => Array.isArray(r.server().missingEvidence), 10_000, 'waiting state');
    expect(r.server()).toMatchObject({
      status: 'submitted',
      missingEvidence: [evidenceRefOf(photo, 'image/jpeg').sha256],
    });
    expect(await row(r.reportId)).toBeUndefined();

    // The upload itself files the waiting report (a forced reconcile: the document did not change).
    expect((await uploadEvidence(t.server.url, rider.token, photo, 'image/jpeg')).status).toBe(201);
    const filed = await row(r.reportId);
    expect(filed).toMatchObject({
      reporterId: rider.id,
      tripId,
      vehicleId,
      driverId,
      category: 'harassment',
      status: 'submitted',
      evidence: [evidenceRefOf(photo, 'image/jpeg').sha256],
    });
    const rules = (filed!.severityReasons as { rule: string }[]).map((x) => x.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'category.harassment',
        'keyword.physical_violence',
        'keyword.weapon',
        'keyword.distress',
        'trip.in_progress',
      ]),
    );
    expect(filed!.severity).toBe('critical');
    await waitFor(
      () => r.server().status === 'submitted' && !('missingEvidence' in r.server()),
      10_000,
      'filed',
    );
    expect(typeof r.server().receivedAt).toBe('string');

    // SS8: running again (forced) files nothing new, queues nothing new and writes nothing into the document.
    const before = JSON.stringify(r.server());
    const outboxBefore = (await db().select().from(outbox)).length;
    await t.server.reconciler.run(r.docName, { force: true });
    await t.server.reconciler.run(r.docName, { force: true });
    expect(await db().select().from(safetyReports).where(eq(safetyReports.id, r.reportId))).toHaveLength(1);
    expect((await db().select().from(outbox)).length).toBe(outboxBefore);
    expect(JSON.stringify(r.server())).toBe(before);

    // Later edits of a filed report do not change what admins act on.
    const reconciles = await watchReconciles(db(), t.server.reconciler, r.docName);
    const reconciledUpTo = reconciles.upTo;
    const upTo = reconciledUpTo();
    r.doc.getMap(reportDocKeys.report).set('description', 'Actually nothing happened at all, sorry.');
    await waitFor(() => reconciledUpTo() > upTo, 10_000, 'the edit reconciled');
    expect((await row(r.reportId))!.description).toMatch(/yankubise/);
    r.close();
  });

  it('refuses to file a trip that is not the reporter’s, or fields that fail validation, and says why', async () => {
    const [other] = await db()
      .insert(users)
      .values({ email: `other-${kind}@example.rw`, passwordHash: 'x', name: 'Other Rider', role: 'rider' })
      .returning();
    const othersTrip = await tripInProgress(other!.id, 'completed');
    const r = await openReport(t.server.url, rider.token);
    r.write(reportFields({ tripId: othersTrip }));
    await waitFor(() => Array.isArray(r.server().problems), 10_000, 'problems');
    expect(r.server().problems).toEqual([{ path: 'tripId', message: 'This trip is not one of yours' }]);

    r.doc.transact(() => {
      r.doc.getMap(reportDocKeys.report).delete('tripId');
      r.doc.getMap(reportDocKeys.report).set('description', 'short');
    });
    await waitFor(
      () => JSON.stringify(r.server().problems ?? []).includes('description'),
      10_000,
      'validation problem',
    );
    expect(await row(r.reportId)).toBeUndefined();

    // Fixed: filed, and the problems are gone.
    r.doc.getMap(reportDocKeys.report).set('description', 'The driver was rude and drove off with my bag.');
    await waitFor(() => r.server().status === 'submitted' && !('problems' in r.server()), 10_000, 'filed');
    expect(await row(r.reportId)).toMatchObject({ reporterId: rider.id, tripId: null });
    r.close();
  });
});

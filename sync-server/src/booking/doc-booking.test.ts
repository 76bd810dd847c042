import { randomUUID } from 'node:crypto';
import { type BookingIntent, CANCELLATION_FEE } from '@kigaligo/domain';
import {
  docName,
  driverDoc,
  driverDocKeys,
  rejectionKey,
  riderDoc,
  riderDocKeys,
} from '@kigaligo/sync-protocol';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shifts, tripEvents, trips } from '../db/schema';
import { storedUpdateIds } from '../test-support/stored-doc';
import { connectClient, waitFor } from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { makeDriverOnShift, makeIntent, makeUser } from '../test-support/trip-fixtures';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Entry = Record<string, unknown> | undefined;

function writeIntent(doc: Y.Doc, intent: Record<string, unknown> & { id: string }) {
  const entry = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>(riderDocKeys.bookingIntents).set(intent.id, entry);
  for (const [k, v] of Object.entries(intent)) entry.set(k, v);
}
function writeAction(doc: Y.Doc, action: { id: string; tripId: string; action: string; at?: string }) {
  const entry = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>(driverDocKeys.tripActions).set(action.id, entry);
  for (const [k, v] of Object.entries({ at: new Date().toISOString(), ...action })) entry.set(k, v);
}
const entry = (doc: Y.Doc, key: string, id: string) => doc.getMap(key).toJSON()[id] as Entry;

describe.each(testDatabaseKinds)('booking through synced documents on %s', (kind) => {
  let t: TestServer;
  let rider: Awaited<ReturnType<typeof makeUser>>;
  let fleet: Awaited<ReturnType<typeof makeDriverOnShift>>;
  let riderClient: ReturnType<typeof connectClient>;
  let driverClient: ReturnType<typeof connectClient>;
  let intent: BookingIntent;
  let tripId: string;
  beforeAll(async () => {
    t = await startTestServer(kind);
    const { db } = t.server.deps.database;
    rider = await makeUser(db, t.server.deps.jwtSecret, 'rider', 'Aline Uwase');
    fleet = await makeDriverOnShift(db, t.server.deps.jwtSecret);
    riderClient = connectClient(t.server.url, docName(riderDoc(rider.id)), rider.token);
    driverClient = connectClient(t.server.url, docName(driverDoc(fleet.driver.id)), fleet.driver.token);
    await waitFor(() => riderClient.provider.synced && driverClient.provider.synced);
  });
  afterAll(async () => {
    riderClient.provider.destroy();
    driverClient.provider.destroy();
    await t.stop();
  });

  const db = () => t.server.deps.database.db;
  const act = (action: string, id = randomUUID()) => {
    writeAction(driverClient.doc, { id, tripId, action });
    return id;
  };
  const result = (id: string) => entry(driverClient.doc, driverDocKeys.actionResults, id);

  it('books an intent made offline once the rider is back, and answers in both documents', async () => {
    riderClient.provider.disconnect();
    intent = makeIntent();
    writeIntent(riderClient.doc, intent);
    // Junk next to it gets a clear answer instead of failing the document.
    const junkId = randomUUID();
    writeIntent(riderClient.doc, { id: junkId, kind: 'moto' });
    void riderClient.connect();
    const decision = () => entry(riderClient.doc, riderDocKeys.bookingDecisions, intent.id);
    await waitFor(() => decision() !== undefined, 10_000, 'decision');
    expect(decision()).toMatchObject({
      status: 'confirmed',
      tripStatus: 'assigned',
      vehicle: { id: fleet.vehicleId, plate: fleet.plate },
      driver: { id: fleet.driver.id },
    });
    tripId = decision()!.tripId as string;
    await waitFor(
      () => entry(driverClient.doc, driverDocKeys.assignments, tripId) !== undefined,
      10_000,
      'assignment',
    );
    expect(entry(driverClient.doc, driverDocKeys.assignments, tripId)).toMatchObject({
      status: 'assigned',
      riderName: 'Aline',
    });
    await waitFor(() => entry(riderClient.doc, riderDocKeys.bookingDecisions, junkId) !== undefined);
    expect(entry(riderClient.doc, riderDocKeys.bookingDecisions, junkId)).toMatchObject({
      status: 'rejected',
      reason: 'invalid',
    });

    // The same intent through the API (a retry from another screen) is the same booking.
    const res = await fetch(`${t.server.url}/api/trips`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${rider.token}` },
      body: JSON.stringify(intent),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { decision: { tripId: string } }).decision.tripId).toBe(tripId);
    expect(await db().select().from(trips).where(eq(trips.intentId, intent.id))).toHaveLength(1);
  });

  it('an intent rewritten under its decided id is rejected in the document; the booked trip stands', async () => {
    // The intent id is the booking's idempotency key: another destination under it is not a new booking.
    const [before] = await db().select().from(trips).where(eq(trips.intentId, intent.id));
    const moved = {
      ...intent,
      destination: { lat: intent.destination.lat + 0.01, lon: intent.destination.lon },
    };
    writeIntent(riderClient.doc, moved);
    const rejection = () =>
      entry(riderClient.doc, riderDocKeys.rejections, rejectionKey(riderDocKeys.bookingIntents, intent.id));
    await waitFor(() => rejection() !== undefined, 10_000, 'rejection');
    expect(rejection()).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('idempotency_key_reused'),
    });
    const after = await db().select().from(trips).where(eq(trips.intentId, intent.id));
    expect(after).toEqual([before]);
    expect(entry(riderClient.doc, riderDocKeys.bookingDecisions, intent.id)).toMatchObject({ tripId });
    // Put back as it was booked, the intent is accepted again: the rejection goes.
    writeIntent(riderClient.doc, intent);
    await waitFor(() => rejection() === undefined, 10_000, 'rejection cleared');
  });

  it('applies driver actions from the document, refuses impossible ones and ignores replays', async () => {
    const accept = act('accept');
    await waitFor(() => result(accept) !== undefined, 10_000, 'accept result');
    expect(result(accept)).toMatchObject({ ok: true, tripStatus: 'accepted' });
    const complete = act('complete');
    await waitFor(() => result(complete) !== undefined, 10_000, 'complete result');
    expect(result(complete)).toMatchObject({
      ok: false,
      tripStatus: 'accepted',
      error: { code: 'invalid_transition', message: 'Cannot complete: the trip is accepted' },
    });
    // Replays: the device writes the accepted action again, and the API gets it too.
    writeAction(driverClient.doc, { id: accept, tripId, action: 'accept' });
    const replay = await fetch(`${t.server.url}/api/trips/${tripId}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fleet.driver.token}` },
      body: JSON.stringify({ id: accept, tripId, action: 'accept', at: new Date().toISOString() }),
    });
    expect(((await replay.json()) as { result: unknown }).result).toMatchObject({
      ok: true,
      tripStatus: 'accepted',
    });
    const arrive = act('arrive');
    await waitFor(() => result(arrive) !== undefined, 10_000, 'arrive result');
    expect(await db().select().from(tripEvents).where(eq(tripEvents.actionId, accept))).toHaveLength(1);
    const decision = () => entry(riderClient.doc, riderDocKeys.bookingDecisions, intent.id);
    await waitFor(() => decision()?.tripStatus === 'driver_arrived', 10_000, 'rider sees arrival');
  });

  it('cancels when the rider sets cancelRequestedAt, with the fee due after arrival', async () => {
    riderClient.doc
      .getMap<Y.Map<unknown>>(riderDocKeys.bookingIntents)
      .get(intent.id)!
      .set('cancelRequestedAt', new Date().toISOString());
    const decision = () => entry(riderClient.doc, riderDocKeys.bookingDecisions, intent.id);
    await waitFor(() => decision()?.tripStatus === 'cancelled', 10_000, 'cancelled');
    expect(decision()).toMatchObject({ cancellationFee: CANCELLATION_FEE.moto });
    await waitFor(() => entry(driverClient.doc, driverDocKeys.assignments, tripId)?.status === 'cancelled');
    // Offline-made and cancelled before it ever synced: nothing is booked.
    const never = makeIntent({ cancelRequestedAt: new Date().toISOString() });
    writeIntent(riderClient.doc, never);
    const later = makeIntent({ kind: 'car' });
    writeIntent(riderClient.doc, later);
    await waitFor(
      () => entry(riderClient.doc, riderDocKeys.bookingDecisions, later.id) !== undefined,
      10_000,
      'later',
    );
    expect(entry(riderClient.doc, riderDocKeys.bookingDecisions, later.id)).toMatchObject({
      reason: 'no_vehicle_available',
    });
    expect(entry(riderClient.doc, riderDocKeys.bookingDecisions, never.id)).toBeUndefined();
    expect(await db().select().from(trips).where(eq(trips.intentId, never.id))).toHaveLength(0);
  });

  it("honours the driver's synced 'taking rides' switch during the shift, and ignores one from before it", async () => {
    const name = docName(driverDoc(fleet.driver.id));
    // Waits for the reconcile of this very change: its update stored, then the reconciled mark at or past it (a
    // reconcile of an earlier update finishing meanwhile does not count).
    const setSwitch = async (status: 'off_duty' | 'available', changedAt: Date) => {
      const { last: before } = await storedUpdateIds(db(), name);
      const map = driverClient.doc.getMap(driverDocKeys.shift);
      driverClient.doc.transact(() => {
        map.set('status', status);
        map.set('changedAt', changedAt.toISOString());
      });
      const deadline = Date.now() + 10_000;
      let stored = before;
      while (stored <= before || (await storedUpdateIds(db(), name)).reconciled < stored) {
        if (Date.now() > deadline) throw new Error(`the switch to ${status} was not reconciled in 10 s`);
        await new Promise((r) => setTimeout(r, 20));
        if (stored <= before) stored = (await storedUpdateIds(db(), name)).last;
      }
    };
    const paused = async () =>
      (
        await db()
          .select({ paused: shifts.paused })
          .from(shifts)
          .where(and(eq(shifts.driverId, fleet.driver.id), isNull(shifts.endedAt)))
      )[0]?.paused;
    const book = async () => {
      const res = await fetch(`${t.server.url}/api/trips`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${rider.token}` },
        body: JSON.stringify(makeIntent()),
      });
      // biome-ignore lint/suspicious/noExplicitAny: the test reads the JSON loosely and asserts its shape
      return { status: res.status, body: (await res.json()) as any };
    };

    // Switched off yesterday, before this shift began: this shift is not paused.
    await setSwitch('off_duty', new Date(Date.now() - 24 * 3600_000));
    expect(await paused()).toBe(false);
    await setSwitch('off_duty', new Date());
    expect(await paused()).toBe(true);
    expect(await book()).toMatchObject({ status: 409, body: { error: { code: 'no_vehicle_available' } } });
    await setSwitch('available', new Date());
    expect(await paused()).toBe(false);
    expect(await book()).toMatchObject({
      status: 201,
      body: { trip: { status: 'assigned', vehicleId: fleet.vehicleId } },
    });
  });
});

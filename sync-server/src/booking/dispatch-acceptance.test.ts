import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MOTO_POSITION } from '../seed/demo-fleet';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { KIMIRONKO } from '../test-support/trip-fixtures';

// Shorter than the production answer window (the check used 10 s): the same mechanism, a shorter wait.
const ACCEPT_SECONDS = 4;

/**
 * The acceptance check, on a real listening server with its own dispatch worker and clock: with the
 * demo moto offered a ride its driver ignores, two answer windows later the booking no longer waits on that
 * driver, and the moto is offered to the next booking.
 */
describe.each(testDatabaseKinds)('an ignored offer on a running server (%s)', (kind) => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  beforeAll(async () => {
    s = await startTestServer(kind, { demoFleet: true, dispatchAcceptSeconds: ACCEPT_SECONDS });
    token = (await s.loginAs('rider')).accessToken;
    // A whole server on embedded PGlite (migrations, seed, GTFS import) takes long on a busy machine.
  }, 300_000);
  afterAll(() => s.stop());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${s.server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the test reads the JSON loosely and asserts its shape
    return { status: res.status, body: (await res.json()) as any };
  };
  const book = () =>
    call('POST', '/api/trips', {
      id: randomUUID(),
      kind: 'moto',
      origin: { ...DEMO_MOTO_POSITION, label: 'Downtown' },
      destination: { ...KIMIRONKO, label: 'Kimironko' },
      paymentMethod: 'cash',
      createdAt: new Date().toISOString(),
    });

  it('stops waiting on the demo driver and offers the moto to the next booking', async () => {
    const first = await book();
    expect(first.status).toBe(201);
    const moto = first.body.trip.vehicleId;
    expect(first.body.trip).toMatchObject({ status: 'assigned', offer: { attempt: 1 } });
    await new Promise((r) => setTimeout(r, 2 * ACCEPT_SECONDS * 1000));
    const later = await call('GET', `/api/trips/${first.body.trip.id}`);
    // The only vehicle did not answer and nobody else is on shift: the rider is told, nothing is charged.
    expect(later.body.trip).toMatchObject({
      status: 'rejected',
      rejectReason: 'no_driver_found',
      driverId: null,
    });
    const second = await book();
    expect(second.status).toBe(201);
    expect(second.body.trip).toMatchObject({ status: 'assigned', vehicleId: moto });
  }, 60_000);
});

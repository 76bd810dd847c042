import { and, desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positions, shifts, vehicles } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { makeUser } from '../test-support/trip-fixtures';
import { SHIFT_GRACE_MS } from './shifts';

const MIN = 60_000;
const at = (ms: number, id: string, i = 0) => ({
  id,
  lat: -1.95 + i * 0.0001,
  lon: 30.08,
  recordedAt: new Date(ms).toISOString(),
});

// Issue 11: a fix recorded while its driver was on shift on that vehicle is accepted whenever it arrives,
// judged by its recordedAt against the shift's start and end (± SHIFT_GRACE_MS), within the retention period.
describe.each(testDatabaseKinds)('fixes uploaded after the shift ended, on %s', (kind) => {
  let t: TestApp;
  let driver: { id: string; token: string };
  let vehicleId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    driver = await makeUser(t.database.db, t.deps.jwtSecret, 'driver');
    const [car] = await t.database.db.select().from(vehicles).where(eq(vehicles.plate, 'RAC 221 M'));
    vehicleId = car!.id;
  });
  afterAll(() => t.dispose());

  const post = (items: unknown[], token = driver.token) =>
    t.request('POST', `/api/vehicles/${vehicleId}/positions`, { token, body: { positions: items } });
  const stored = async (prefix: string) =>
    (
      await t.database.db
        .select({ id: positions.id })
        .from(positions)
        .where(like(positions.id, `${prefix}:%`))
    ).length;
  /** Starts and ends a shift through the API, then moves it to [start, end] as if it had been then. */
  async function pastShift(who: { id: string; token: string }, start: number, end: number) {
    expect((await t.request('POST', '/api/shifts', { token: who.token, body: { vehicleId } })).status).toBe(
      201,
    );
    expect((await t.request('POST', '/api/shifts/end', { token: who.token, body: {} })).status).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(shifts)
      .where(and(eq(shifts.driverId, who.id), eq(shifts.vehicleId, vehicleId)));
    expect(row!.endedAt).not.toBeNull();
    await t.database.db
      .update(shifts)
      .set({ startedAt: new Date(start), endedAt: new Date(end) })
      .where(eq(shifts.id, row!.id));
  }

  it('accepts, once, fixes recorded during the shift (and its grace) that arrive after it ended', async () => {
    const now = Date.now();
    const start = now - 60 * MIN;
    const end = now - 20 * MIN;
    await pastShift(driver, start, end);
    const queued = [
      at(start - SHIFT_GRACE_MS / 2, 'late-a:1', 0),
      ...Array.from({ length: 8 }, (_, i) => at(start + (i + 1) * 4 * MIN, `late-a:${i + 2}`, i + 1)),
      at(end + SHIFT_GRACE_MS / 2, 'late-a:10', 9),
    ];
    const first = await post(queued);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: 10, duplicates: 0, rejected: [] });
    // The phone did not hear the answer and sends them again: nothing is stored twice.
    expect(await (await post(queued)).json()).toEqual({ accepted: 0, duplicates: 10, rejected: [] });
    expect(await stored('late-a')).toBe(10);
  });

  it('refuses fixes recorded outside the shift: per fix in a mixed batch, the whole batch with 403 otherwise', async () => {
    const [shift] = await t.database.db.select().from(shifts).where(eq(shifts.driverId, driver.id));
    const start = shift!.startedAt.getTime();
    const end = shift!.endedAt!.getTime();
    const mixed = await post([
      at(start + MIN, 'late-b:1'),
      at(start - SHIFT_GRACE_MS - MIN, 'late-b:2'),
      at(end + SHIFT_GRACE_MS + MIN, 'late-b:3'),
    ]);
    expect(mixed.status).toBe(200);
    expect(await mixed.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { id: 'late-b:2', reason: 'outside_shift' },
        { id: 'late-b:3', reason: 'outside_shift' },
      ],
    });
    const after = await post([at(end + 5 * MIN, 'late-c:1'), at(end + 6 * MIN, 'late-c:2')]);
    expect(after.status).toBe(403);
    expect((await after.json()).error.code).toBe('outside_shift');
    expect(await stored('late-c')).toBe(0);
  });

  it('keeps each shift to its driver: the next driver on the vehicle cannot post for the earlier shift', async () => {
    const next = await makeUser(t.database.db, t.deps.jwtSecret, 'driver');
    const [shift] = await t.database.db.select().from(shifts).where(eq(shifts.driverId, driver.id));
    expect((await t.request('POST', '/api/shifts', { token: next.token, body: { vehicleId } })).status).toBe(
      201,
    );
    const during = shift!.startedAt.getTime() + 2 * MIN;
    const refused = await post([at(during, 'late-d:1')], next.token);
    expect(refused.status).toBe(403);
    // ...while the first driver's late fixes still count, though someone else drives the vehicle now.
    expect(await (await post([at(during + 1000, 'late-e:1')])).json()).toMatchObject({ accepted: 1 });
    expect((await t.request('POST', '/api/shifts/end', { token: next.token, body: {} })).status).toBe(200);
  });

  it('refuses fixes older than the retention period, even from a shift', async () => {
    const now = Date.now();
    const other = await makeUser(t.database.db, t.deps.jwtSecret, 'driver');
    await pastShift(other, now - 40 * 24 * 3600_000, now - 10 * MIN);
    const res = await post(
      [at(now - 31 * 24 * 3600_000, 'late-f:1'), at(now - 20 * MIN, 'late-f:2')],
      other.token,
    );
    expect(await res.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [{ id: 'late-f:1', reason: 'past_retention' }],
    });
  });

  it('ends a shift the phone queued offline at the time it was pressed, never later than now', async () => {
    const now = Date.now();
    const queued = await makeUser(t.database.db, t.deps.jwtSecret, 'driver');
    expect(
      (await t.request('POST', '/api/shifts', { token: queued.token, body: { vehicleId } })).status,
    ).toBe(201);
    await t.database.db
      .update(shifts)
      .set({ startedAt: new Date(now - 30 * MIN) })
      .where(eq(shifts.driverId, queued.id));
    const pressed = new Date(now - 10 * MIN).toISOString();
    const ended = await t.request('POST', '/api/shifts/end', {
      token: queued.token,
      body: { endedAt: pressed },
    });
    expect(ended.status).toBe(200);
    const [row] = await t.database.db.select().from(shifts).where(eq(shifts.driverId, queued.id));
    expect(row!.endedAt!.toISOString()).toBe(pressed);
    const res = await post([at(now - 15 * MIN, 'late-g:1'), at(now - 5 * MIN, 'late-g:2', 1)], queued.token);
    expect(await res.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [{ id: 'late-g:2', reason: 'outside_shift' }],
    });
    // A time in the future is now; one before the start is the start.
    expect(
      (await t.request('POST', '/api/shifts', { token: queued.token, body: { vehicleId } })).status,
    ).toBe(201);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(
      (await t.request('POST', '/api/shifts/end', { token: queued.token, body: { endedAt: future } })).status,
    ).toBe(200);
    const [latest] = await t.database.db
      .select()
      .from(shifts)
      .where(eq(shifts.driverId, queued.id))
      .orderBy(desc(shifts.startedAt));
    expect(latest!.endedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    const bad = await t.request('POST', '/api/shifts/end', {
      token: queued.token,
      body: { endedAt: 'yesterday' },
    });
    expect(bad.status).toBe(400);
  });
});

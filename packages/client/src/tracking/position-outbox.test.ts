import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { type NewFix, PositionOutbox } from './position-outbox';
import { TrackingDatabase } from './tracking-database';

const dbs: TrackingDatabase[] = [];
function open(user = crypto.randomUUID()) {
  const db = new TrackingDatabase(user);
  dbs.push(db);
  return { outbox: new PositionOutbox(db), user };
}
afterEach(async () => {
  const all = dbs.splice(0);
  for (const db of all) db.close();
  for (const db of all) await Dexie.delete(db.name);
});

const fix = (i: number): NewFix => ({
  lat: -1.95 + i * 1e-4,
  lon: 30.06,
  recordedAt: new Date(Date.UTC(2026, 10, 24, 8, 0, i)).toISOString(),
});
const ID = /^[A-Za-z0-9_-]{4,64}:\d{1,12}$/;

describe('PositionOutbox', () => {
  it('gives every fix a server-valid id whose sequence keeps growing across reopening the database', async () => {
    const { outbox, user } = open();
    const a = await outbox.record('v1', fix(0));
    const b = await outbox.record('v1', fix(1));
    outbox.db.close();
    const again = open(user).outbox;
    const c = await again.record('v1', fix(2));
    expect([a.id, b.id, c.id].every((id) => ID.test(id))).toBe(true);
    expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
    // Same device id after the reopen, so the ids of one device never collide.
    expect(new Set([a, b, c].map((r) => r.id.split(':')[0])).size).toBe(1);
  });

  it('keeps sequence numbers unique when many fixes are recorded at once (two tabs, one database)', async () => {
    const { outbox, user } = open();
    const other = open(user).outbox;
    const rows = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? outbox : other).record('v1', fix(i))),
    );
    expect(new Set(rows.map((r) => r.id)).size).toBe(40);
    expect(await outbox.waiting()).toBe(40);
  });

  it('batches at most the limit, oldest first, one vehicle per batch in recording order', async () => {
    const { outbox } = open();
    for (let i = 0; i < 7; i++) await outbox.record(i < 5 ? 'v1' : 'v2', fix(i));
    await outbox.record('v1', fix(7));
    const batch = await outbox.nextBatch(3);
    expect(batch?.vehicleId).toBe('v1');
    expect(batch?.rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    const all = await outbox.nextBatch(500);
    expect(all?.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 8]);
  });

  it('removes only the answered batch, keeps rejected fixes aside with their reason', async () => {
    const { outbox } = open();
    for (let i = 0; i < 5; i++) await outbox.record('v1', fix(i));
    const batch = (await outbox.nextBatch(3))!;
    await outbox.record('v1', fix(5));
    const [, second, third] = batch.rows;
    await outbox.settle(
      batch,
      {
        accepted: 1,
        duplicates: 0,
        rejected: [
          { id: second!.id, reason: 'outside_service_area' },
          { id: third!.id, reason: 'outside_service_area' },
        ],
      },
      1234,
    );
    const state = await outbox.state();
    expect(state).toEqual({
      waiting: 3,
      rejected: 2,
      reasons: [{ reason: 'outside_service_area', count: 2 }],
      lastUploadAt: 1234,
    });
    expect((await outbox.nextBatch())?.rows.map((r) => r.seq)).toEqual([4, 5, 6]);
  });

  it('settling the same batch twice (a replay after a lost answer) changes nothing more', async () => {
    const { outbox } = open();
    for (let i = 0; i < 3; i++) await outbox.record('v1', fix(i));
    const batch = (await outbox.nextBatch())!;
    const answer = { accepted: 3, duplicates: 0, rejected: [] };
    await outbox.settle(batch, answer);
    await outbox.settle(batch, { accepted: 0, duplicates: 3, rejected: [] });
    expect((await outbox.state()).waiting).toBe(0);
  });

  it('remembers the last recorded position for a resumed simulation', async () => {
    const { outbox } = open();
    expect(await outbox.lastPosition()).toBeNull();
    await outbox.record('v1', fix(3));
    expect(await outbox.lastPosition()).toEqual({ lat: fix(3).lat, lon: 30.06 });
  });
});

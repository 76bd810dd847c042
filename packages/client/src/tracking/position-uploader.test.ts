import 'fake-indexeddb/auto';
import type { Position, PositionBatchResult } from '@kigaligo/domain';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, NetworkError } from '../api-error';
import { PositionOutbox } from './position-outbox';
import { PositionUploader, type UploadProblem } from './position-uploader';
import { TrackingDatabase } from './tracking-database';

const dbs: TrackingDatabase[] = [];
const uploaders: PositionUploader[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const u of uploaders.splice(0)) u.destroy();
  const all = dbs.splice(0);
  for (const db of all) db.close();
  for (const db of all) await Dexie.delete(db.name);
});

/** A server that stores ids once and answers like POST /api/vehicles/:id/positions. */
function fakeServer() {
  const stored = new Map<string, Position>();
  const calls: number[] = [];
  let failWith: Error | null = null;
  const post = vi.fn(async (_vehicleId: string, positions: Position[]): Promise<PositionBatchResult> => {
    calls.push(positions.length);
    if (failWith) throw failWith;
    let accepted = 0;
    let duplicates = 0;
    const rejected: PositionBatchResult['rejected'] = [];
    for (const p of positions) {
      if (p.lat > 0) rejected.push({ id: p.id, reason: 'outside_service_area' });
      else if (stored.has(p.id)) duplicates++;
      else {
        stored.set(p.id, p);
        accepted++;
      }
    }
    return { accepted, duplicates, rejected };
  });
  return { stored, calls, post, fail: (e: Error | null) => (failWith = e) };
}

function setup(online = () => true) {
  const db = new TrackingDatabase(crypto.randomUUID());
  dbs.push(db);
  const outbox = new PositionOutbox(db);
  const server = fakeServer();
  const problems: UploadProblem[] = [];
  const uploader = new PositionUploader({
    outbox,
    post: server.post,
    isOnline: online,
    onProblem: (p) => problems.push(p),
    batchSize: 500,
  });
  uploaders.push(uploader);
  return { outbox, server, uploader, problems };
}

const at = (i: number) => new Date(Date.UTC(2026, 10, 24, 6, 0, 0) + i * 1000).toISOString();
async function record(outbox: PositionOutbox, n: number, start = 0) {
  for (let i = start; i < start + n; i++)
    await outbox.record('v1', { lat: -1.95, lon: 30.06 + i * 1e-5, recordedAt: at(i) });
}

describe('PositionUploader', () => {
  it('uploads a long offline backlog in batches of ≤500, each fix stored exactly once, in order', async () => {
    const { outbox, server, uploader } = setup();
    await record(outbox, 1234);
    await uploader.flush();
    expect(server.calls).toEqual([500, 500, 234]);
    expect(server.stored.size).toBe(1234);
    const times = [...server.stored.values()].map((p) => p.recordedAt);
    expect(times).toEqual([...times].sort());
    expect(await outbox.waiting()).toBe(0);
    expect(uploader.retrying).toBe(false);
  });

  it('does nothing (no request, no timer) when nothing is waiting', async () => {
    const { server, uploader } = setup();
    await uploader.flush();
    uploader.kick();
    await uploader.flush();
    expect(server.post).not.toHaveBeenCalled();
    expect(uploader.retrying).toBe(false);
  });

  it('waits for the online event while offline instead of polling', async () => {
    let online = false;
    const { outbox, server, uploader, problems } = setup(() => online);
    await record(outbox, 3);
    await uploader.flush();
    expect(server.post).not.toHaveBeenCalled();
    expect(uploader.retrying).toBe(false);
    expect(problems).toEqual(['offline']);
    online = true;
    uploader.kick(true);
    await uploader.flush();
    expect(server.stored.size).toBe(3);
    expect(problems.at(-1)).toBeNull();
  });

  it('keeps every fix through network failures and retries with backoff; a replay counts as duplicate', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { outbox, server, uploader, problems } = setup();
    await record(outbox, 10);
    server.fail(new NetworkError(new TypeError('fetch failed')));
    await uploader.flush();
    expect(await outbox.waiting()).toBe(10);
    expect(uploader.retrying).toBe(true);
    expect(problems).toEqual(['offline']);
    // New fixes during the backoff do not trigger extra requests.
    await record(outbox, 1, 10);
    uploader.kick();
    expect(server.calls).toHaveLength(1);
    server.fail(null);
    await vi.runOnlyPendingTimersAsync();
    await uploader.flush();
    expect(server.stored.size).toBe(11);
    expect(await outbox.waiting()).toBe(0);
    // The answer was lost the first time: the same ids again are duplicates, not new rows.
    await outbox.db.fixes.bulkAdd(
      [...server.stored.values()].slice(0, 2).map((p, i) => ({ ...p, seq: 100 + i, vehicleId: 'v1' })),
    );
    await uploader.flush();
    expect(server.stored.size).toBe(11);
  });

  it('keeps a batch the server refused as a whole (403) and shows it as refused', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { outbox, server, uploader, problems } = setup();
    await record(outbox, 2);
    server.fail(new ApiRequestError(403, 'not_on_shift', 'Not on shift'));
    await uploader.flush();
    expect(await outbox.waiting()).toBe(2);
    expect(problems).toEqual(['refused']);
    expect(uploader.retrying).toBe(true);
  });

  it('settles a batch refused as recorded outside any shift (403 outside_shift): rejected, not retried', async () => {
    const { outbox, server, uploader, problems } = setup();
    await record(outbox, 3);
    server.fail(new ApiRequestError(403, 'outside_shift', 'Not recorded during one of your shifts'));
    await uploader.flush();
    expect(server.calls).toEqual([3]);
    expect(await outbox.state()).toMatchObject({
      waiting: 0,
      rejected: 3,
      reasons: [{ reason: 'outside_shift', count: 3 }],
    });
    expect(uploader.retrying).toBe(false);
    expect(problems).not.toContain('refused');
  });

  it('moves rejected fixes out of the queue with their reasons', async () => {
    const { outbox, uploader } = setup();
    await record(outbox, 2);
    await outbox.record('v1', { lat: 1.5, lon: 30.06, recordedAt: at(5) });
    await uploader.flush();
    expect(await outbox.state()).toMatchObject({
      waiting: 0,
      rejected: 1,
      reasons: [{ reason: 'outside_service_area', count: 1 }],
    });
  });
});

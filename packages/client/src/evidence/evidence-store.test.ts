import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceDatabase } from './evidence-database';
import { sha256Hex } from './evidence-hash';
import { EvidenceRejected, evidenceLimits } from './evidence-limits';
import { EvidenceStore } from './evidence-store';

const dbs: EvidenceDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const file = (head: number[], size: number, type = '') => {
  const bytes = new Uint8Array(size);
  bytes.set(head);
  bytes[size - 1] = size % 251;
  return new Blob([bytes], { type });
};
const mp4 = (size: number) => file([0, 0, 0, 0x18, ...Array.from('ftypisom', (c) => c.charCodeAt(0))], size);

/** Stands in for the canvas (not in Node): "re-encodes" to a small JPEG and records what it was given. */
function fakeResize(seen: Blob[], fail = false) {
  return async (image: Blob) => {
    seen.push(image);
    if (fail) throw new EvidenceRejected({ code: 'unreadable' });
    return file(JPEG, 1000 + (image.size % 97));
  };
}

function setup(resize = fakeResize([])) {
  const db = new EvidenceDatabase(crypto.randomUUID());
  dbs.push(db);
  return new EvidenceStore(db, { resize });
}

async function rejection(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EvidenceRejected);
  return (err as EvidenceRejected).problem;
}

describe('EvidenceStore.add', () => {
  it('re-encodes every photo (JPEG or PNG, whatever its name says) and names it by its digest', async () => {
    const seen: Blob[] = [];
    const store = setup(fakeResize(seen));
    const ref = await store.add(file(PNG, 3_000_000, 'image/png'));
    expect(seen).toHaveLength(1);
    expect(ref.mime).toBe('image/jpeg');
    const stored = await store.blob(ref.sha256);
    expect(stored?.size).toBe(ref.bytes);
    expect(await sha256Hex(stored!)).toBe(ref.sha256);
    expect((await store.row(ref.sha256))?.upload).toBe('local');
  });

  it('keeps videos as recorded', async () => {
    const seen: Blob[] = [];
    const store = setup(fakeResize(seen));
    const clip = mp4(4096);
    const ref = await store.add(clip);
    expect(seen).toHaveLength(0);
    expect(ref).toEqual({ sha256: await sha256Hex(clip), mime: 'video/mp4', bytes: 4096 });
  });

  it('stores the same content once, attached twice', async () => {
    const store = setup();
    const a = await store.add(mp4(1024));
    const b = await store.add(mp4(1024));
    expect(b).toEqual(a);
    expect(await store.db.evidence.count()).toBe(1);
  });

  it('refuses a video over the limit, with the limit for the message, and stores nothing', async () => {
    const store = setup();
    const problem = await rejection(store.add(mp4(evidenceLimits.maxVideoBytes + 1)));
    expect(problem).toEqual({ code: 'too_large', limit: evidenceLimits.maxVideoBytes });
    expect(await store.db.evidence.count()).toBe(0);
  });

  it('refuses what is not a photo or a video, whatever its type claims', async () => {
    const store = setup();
    const pdf = new Blob([new TextEncoder().encode('%PDF-1.7 not a photo')], { type: 'video/mp4' });
    expect(await rejection(store.add(pdf))).toEqual({ code: 'unsupported_type' });
    expect(await rejection(store.add(new Blob([], { type: 'image/jpeg' })))).toEqual({ code: 'empty' });
  });

  it('calls an undecodable HEIC photo unsupported, and a broken JPEG unreadable', async () => {
    const store = setup(fakeResize([], true));
    const heic = file([0, 0, 0, 0x18, ...Array.from('ftypheic', (c) => c.charCodeAt(0))], 512, 'image/heic');
    expect(await rejection(store.add(heic))).toEqual({ code: 'unsupported_type' });
    expect(await rejection(store.add(file(JPEG, 512, 'image/jpeg')))).toEqual({ code: 'unreadable' });
  });
});

describe('EvidenceStore queue', () => {
  it('queues only local files, oldest first, and reports their status live', async () => {
    const store = setup();
    const a = await store.add(mp4(1000));
    const b = await store.add(mp4(2000));
    const seen: Record<string, { state: string }>[] = [];
    const stop = store.watch([a.sha256, b.sha256, 'f'.repeat(64)], (s) => seen.push(s));
    await store.queue([b.sha256]);
    await store.queue([a.sha256]);
    expect((await store.nextQueued())?.sha256).toBe(b.sha256);
    await store.settle(b.sha256, { upload: 'uploaded' });
    await store.queue([b.sha256]);
    expect((await store.row(b.sha256))?.upload).toBe('uploaded');
    expect(await store.waitingCount()).toBe(1);
    await expect
      .poll(() => seen.at(-1))
      .toEqual({
        [a.sha256]: { state: 'queued' },
        [b.sha256]: { state: 'uploaded' },
        ['f'.repeat(64)]: { state: 'missing' },
      });
    stop();
  });
});

describe('pruning', () => {
  it('deletes what nothing keeps, except files still waiting to be sent', async () => {
    const store = setup();
    const draft = await store.add(file(JPEG, 2000, 'image/jpeg'));
    const removed = await store.add(file(JPEG, 3000, 'image/jpeg'));
    const waiting = await store.add(file(JPEG, 4000, 'image/jpeg'));
    await store.queue([waiting.sha256]);
    const filed = await store.put(new Uint8Array([...JPEG, 1, 2, 3]).buffer, 'image/jpeg', 'uploaded');
    const stillUnfiled = await store.put(new Uint8Array([...JPEG, 4, 5, 6]).buffer, 'image/jpeg', 'uploaded');

    const keep = new Set([draft.sha256, stillUnfiled.sha256]);
    // Just stored: a photo is in the store a moment before the draft names it.
    expect(await store.prune(keep)).toBe(0);
    expect(await store.prune(keep, 10 * 60_000, Date.now() + 11 * 60_000)).toBe(2);
    expect(await store.row(draft.sha256)).toBeDefined();
    expect(await store.row(stillUnfiled.sha256)).toBeDefined();
    expect(await store.row(waiting.sha256)).toBeDefined();
    expect(await store.row(removed.sha256)).toBeUndefined();
    expect(await store.row(filed.sha256)).toBeUndefined();
  });
});

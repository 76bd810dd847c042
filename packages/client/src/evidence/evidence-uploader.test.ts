import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceDatabase } from './evidence-database';
import { downloadEvidence, putEvidence } from './evidence-http';
import { EvidenceStore } from './evidence-store';
import { type EvidenceServer, startEvidenceServer } from './evidence-test-server.test-support';
import { EvidenceUploader, type EvidenceUploadProblem } from './evidence-uploader';

let server: EvidenceServer;
beforeAll(async () => {
  server = await startEvidenceServer();
});
afterAll(() => server.close());

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  server.stored.clear();
  server.puts.length = 0;
});

/** A minimal but real MP4 header followed by distinct content, so each clip has its own digest. */
function clip(label: string, size = 2048): Blob {
  const bytes = new Uint8Array(size);
  bytes.set([0, 0, 0, 0x18, ...Array.from('ftypisom', (c) => c.charCodeAt(0))]);
  bytes.set(new TextEncoder().encode(label), 32);
  return new Blob([bytes], { type: 'video/mp4' });
}
const digest = async (b: Blob) =>
  createHash('sha256')
    .update(new Uint8Array(await b.arrayBuffer()))
    .digest('hex');

function setup(online = { value: true }) {
  const db = new EvidenceDatabase(crypto.randomUUID());
  const store = new EvidenceStore(db, { download: (sha) => downloadEvidence(server.client, sha) });
  const problems: EvidenceUploadProblem[] = [];
  const uploader = new EvidenceUploader({
    store,
    put: (ref, blob) => putEvidence(server.client, ref, blob),
    isOnline: () => online.value,
    onProblem: (p) => problems.push(p),
  });
  cleanups.push(async () => {
    uploader.destroy();
    db.close();
    await Dexie.delete(db.name);
  });
  return { store, uploader, problems, online };
}

describe('EvidenceUploader against the evidence endpoint', () => {
  it('sends nothing for drafts, then every queued file once, oldest first, with its digest as name', async () => {
    const { store, uploader } = setup();
    const a = await store.add(clip('first'));
    const b = await store.add(clip('second'));
    await uploader.flush();
    expect(server.puts).toEqual([]);

    await store.queue([a.sha256]);
    await store.queue([b.sha256]);
    await uploader.flush();
    expect(server.puts).toEqual([
      { sha256: a.sha256, status: 201 },
      { sha256: b.sha256, status: 201 },
    ]);
    expect(server.stored.get(a.sha256)?.mime).toBe('video/mp4');
    expect((await store.row(a.sha256))?.upload).toBe('uploaded');
    await uploader.flush();
    expect(server.puts).toHaveLength(2);
    expect(uploader.retrying).toBe(false);
  });

  it('waits while offline without trying, then resumes from IndexedDB in a new session', async () => {
    const { store, uploader, problems, online } = setup({ value: false });
    const ref = await store.add(clip('offline'));
    await store.queue([ref.sha256]);
    await uploader.flush();
    expect(server.puts).toEqual([]);
    expect(problems).toEqual(['offline']);
    expect(uploader.retrying).toBe(false);

    // A reload: a new uploader over the same database finds the queued file.
    uploader.destroy();
    online.value = true;
    const again = new EvidenceUploader({
      store,
      put: (r, blob) => putEvidence(server.client, r, blob),
      isOnline: () => true,
    });
    cleanups.push(() => again.destroy());
    await again.flush();
    expect(server.puts).toEqual([{ sha256: ref.sha256, status: 201 }]);
  });

  it('retries after a 5xx with backoff, keeping the file and the reason meanwhile', async () => {
    const { store, uploader, problems } = setup();
    const ref = await store.add(clip('flaky'));
    await store.queue([ref.sha256]);
    server.failNext(503);
    await uploader.flush();
    expect(uploader.retrying).toBe(true);
    expect(problems).toEqual(['server']);
    const waiting = await store.row(ref.sha256);
    expect(waiting).toMatchObject({ upload: 'queued', attempts: 1, error: { status: 503 } });

    uploader.kick(true);
    await uploader.flush();
    expect((await store.row(ref.sha256))?.upload).toBe('uploaded');
    expect(problems.at(-1)).toBeNull();
  });

  it('treats content the server already has as done (200): a lost answer or another device', async () => {
    const { store, uploader } = setup();
    const blob = clip('shared');
    const sha = await digest(blob);
    server.stored.set(sha, { mime: 'video/mp4', bytes: Buffer.from(await blob.arrayBuffer()) });
    const ref = await store.add(blob);
    await store.queue([ref.sha256]);
    await uploader.flush();
    expect(server.puts).toEqual([{ sha256: sha, status: 200 }]);
    expect((await store.row(sha))?.upload).toBe('uploaded');
  });

  it('keeps a refused file with the server’s reason and goes on with the next', async () => {
    const { store, uploader } = setup();
    const bad = await store.add(clip('refused'));
    const good = await store.add(clip('fine'));
    server.refuse(bad.sha256, 415, 'unsupported_media_type');
    await store.queue([bad.sha256, good.sha256]);
    await uploader.flush();
    expect(await store.row(bad.sha256)).toMatchObject({
      upload: 'refused',
      error: { status: 415, code: 'unsupported_media_type' },
    });
    expect((await store.row(good.sha256))?.upload).toBe('uploaded');
    expect(uploader.retrying).toBe(false);
  });

  it('refreshes an expired access token once and sends the file', async () => {
    const { store, uploader } = setup();
    const ref = await store.add(clip('token'));
    await store.queue([ref.sha256]);
    server.expireToken();
    await uploader.flush();
    expect(server.puts).toEqual([{ sha256: ref.sha256, status: 201 }]);
  });

  it('downloads evidence it does not have (admins), checks its digest and keeps it for offline', async () => {
    const { store } = setup();
    const blob = clip('downloaded');
    const sha = await digest(blob);
    server.stored.set(sha, { mime: 'video/mp4', bytes: Buffer.from(await blob.arrayBuffer()) });
    const got = await store.load(sha);
    expect(got.type).toBe('video/mp4');
    expect(await digest(got)).toBe(sha);
    server.stored.clear();
    expect(await digest(await store.load(sha))).toBe(sha);
    expect((await store.row(sha))?.upload).toBe('uploaded');
  });

  it('refuses a download whose bytes do not match the digest asked for', async () => {
    const { store } = setup();
    const wrong = clip('tampered');
    const name = await digest(clip('the real one'));
    server.stored.set(name, { mime: 'video/mp4', bytes: Buffer.from(await wrong.arrayBuffer()) });
    await expect(store.load(name)).rejects.toThrow(/does not match/);
    expect(await store.row(name)).toBeUndefined();
  });
});

import { docName, riderDoc, riderDocKeys } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { savedRoutes } from '../db/schema';
import { watchReconciles } from '../test-support/reconcile-watch';
import { connectClient, waitFor } from '../test-support/sync-client';
import { createTestDatabaseUrl } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { serviceUrl } from '../test-support/test-services';

const redisUrl = serviceUrl('TEST_REDIS_URL', 'sync across processes (Redis)');
const canRun = Boolean(redisUrl && serviceUrl('TEST_DATABASE_URL', 'sync across processes (Postgres)'));

// SS9: several processes share one Postgres and fan out through Redis. PGlite cannot be shared between
// processes, so this runs on the real server only.
describe.runIf(canRun)('two server processes with Redis', () => {
  let one: Awaited<ReturnType<typeof startTestServer>>;
  let two: Awaited<ReturnType<typeof startTestServer>>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await createTestDatabaseUrl();
    drop = created.drop;
    // Quiet documents leave memory within half a second (SS5), so they do also between the steps below.
    const syncSleepAfterMs = 300;
    one = await startTestServer('postgres', { databaseUrl: created.url, redisUrl, syncSleepAfterMs });
    two = await startTestServer('postgres', {
      databaseUrl: created.url,
      redisUrl,
      seed: false,
      syncSleepAfterMs,
    });
  });
  afterAll(async () => {
    await one.stop();
    await two.stop();
    await drop();
  });

  it('clients on different processes converge and each change is reconciled once', async () => {
    const session = await one.loginAs('rider');
    // Both processes verify tokens with the key kept in the shared database.
    expect(two.server.deps.jwtSecret).toBe(one.server.deps.jwtSecret);
    const name = docName(riderDoc(session.user.id));
    const watches = await Promise.all(
      [one, two].map((p) => watchReconciles(p.server.deps.database.db, p.server.reconciler, name)),
    );
    const a = connectClient(one.server.url, name, session.accessToken);
    const b = connectClient(two.server.url, name, session.accessToken);
    await waitFor(() => a.provider.synced && b.provider.synced);

    a.doc.getMap('preferences').set('language', 'rw');
    await waitFor(() => b.doc.getMap('preferences').get('language') === 'rw', 10_000, 'a → b');
    b.doc.getMap('preferences').set('home', 'Remera');
    await waitFor(() => a.doc.getMap('preferences').get('home') === 'Remera', 10_000, 'b → a');

    const entry = new Y.Map<unknown>();
    a.doc.getMap(riderDocKeys.savedRoutes).set('r1', entry);
    entry.set('id', 'r1');
    entry.set('name', 'To work');
    entry.set('origin', { lat: -1.95, lon: 30.06 });
    entry.set('destination', { lat: -1.94, lon: 30.08 });
    entry.set('createdAt', new Date().toISOString());
    const savedAt = (d: Y.Doc) =>
      (d.getMap<Y.Map<unknown>>(riderDocKeys.savedRoutes).get('r1')?.get('serverSavedAt') as string) ?? null;
    await waitFor(() => savedAt(a.doc) !== null && savedAt(b.doc) !== null, 10_000, 'write-back on both');
    expect(savedAt(a.doc)).toBe(savedAt(b.doc));
    const rows = await one.server.deps.database.db
      .select()
      .from(savedRoutes)
      .where(eq(savedRoutes.riderId, session.user.id));
    expect(rows.map((r) => r.id)).toEqual(['r1']);

    // Every reconcile either process scheduled (the write-back triggers one more) has finished.
    await Promise.all([one.server.reconciler.flush(), two.server.reconciler.flush()]);
    const reached = watches.flatMap((w) => w.runs());
    expect(new Set(reached).size).toBe(reached.length);
    a.provider.destroy();
    b.provider.destroy();
  });

  it('SS5: a document asleep on one process passes on what a client of the other process stored', async () => {
    const session = await one.loginAs('rider');
    const name = docName(riderDoc(session.user.id));
    const a = connectClient(one.server.url, name, session.accessToken);
    const b = connectClient(two.server.url, name, session.accessToken);
    await waitFor(() => a.provider.synced && b.provider.synced);
    await waitFor(() => one.server.sync.rooms.get(name)?.asleep === true, 10_000, 'asleep on one');
    b.doc.getMap('preferences').set('language', 'fr');
    await waitFor(() => a.doc.getMap('preferences').get('language') === 'fr', 10_000, 'two → one');
    a.provider.destroy();
    b.provider.destroy();
  });
});

import { docName, riderDoc, riderDocKeys } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { savedRoutes } from '../db/schema';
import { connectClient, waitFor } from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

function saveRoute(doc: Y.Doc, id: string, name: string) {
  const entry = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>(riderDocKeys.savedRoutes).set(id, entry);
  entry.set('id', id);
  entry.set('name', name);
  entry.set('origin', { lat: -1.940645, lon: 30.044477, label: 'Nyabugogo' });
  entry.set('destination', { lat: -1.949596, lon: 30.12557, label: 'Kimironko' });
  entry.set('createdAt', new Date().toISOString());
}

describe.each(testDatabaseKinds)('reconciliation on %s', (kind) => {
  let t: TestServer;
  let rider: { id: string; token: string };
  beforeAll(async () => {
    t = await startTestServer(kind);
    const s = await t.loginAs('rider');
    rider = { id: s.user.id, token: s.accessToken };
  });
  afterAll(() => t.stop());

  const rows = () =>
    t.server.deps.database.db.select().from(savedRoutes).where(eq(savedRoutes.riderId, rider.id));

  it('SS7: two clients edit offline, reconnect, converge, and the rows match the document', async () => {
    const name = docName(riderDoc(rider.id));
    const phone = connectClient(t.server.url, name, rider.token);
    const laptop = connectClient(t.server.url, name, rider.token);
    await waitFor(() => phone.provider.synced && laptop.provider.synced);
    phone.provider.disconnect();
    laptop.provider.disconnect();

    saveRoute(phone.doc, 'r-home', 'Home');
    saveRoute(phone.doc, 'r-gym', 'Gym');
    saveRoute(laptop.doc, 'r-work', 'Work');
    phone.doc.getMap(riderDocKeys.savedRoutes).delete('r-gym');

    void phone.connect();
    void laptop.connect();
    const keys = (d: Y.Doc) => [...d.getMap(riderDocKeys.savedRoutes).keys()].sort();
    await waitFor(() => keys(phone.doc).length === 2 && keys(laptop.doc).length === 2, 10_000, 'converge');
    expect(keys(phone.doc)).toEqual(['r-home', 'r-work']);
    expect(phone.doc.getMap(riderDocKeys.savedRoutes).toJSON()).toEqual(
      laptop.doc.getMap(riderDocKeys.savedRoutes).toJSON(),
    );

    // SS8: the server writes its confirmation back into the document once the rows exist.
    const confirmed = (d: Y.Doc) =>
      [...d.getMap<Y.Map<unknown>>(riderDocKeys.savedRoutes).values()].every((e) => e.has('serverSavedAt'));
    await waitFor(() => confirmed(phone.doc) && confirmed(laptop.doc), 10_000, 'write-back');
    const stored = await rows();
    expect(stored.map((r) => [r.id, r.name]).sort()).toEqual([
      ['r-home', 'Home'],
      ['r-work', 'Work'],
    ]);

    // Deleting in the document deletes the row.
    laptop.doc.getMap(riderDocKeys.savedRoutes).delete('r-work');
    await waitFor(() => !phone.doc.getMap(riderDocKeys.savedRoutes).has('r-work'));
    await t.server.reconciler.run(name);
    expect((await rows()).map((r) => r.id)).toEqual(['r-home']);
    phone.provider.destroy();
    laptop.provider.destroy();
  });

  it('SS8: reconciling again changes nothing, and invalid entries are skipped, not fatal', async () => {
    const name = docName(riderDoc(rider.id));
    const c = connectClient(t.server.url, name, rider.token);
    await waitFor(() => c.provider.synced);
    const bad = new Y.Map<unknown>();
    c.doc.getMap(riderDocKeys.savedRoutes).set('r-bad', bad);
    bad.set('id', 'r-bad');
    bad.set('name', '');
    await waitFor(
      () => t.server.sync.rooms.get(name)?.doc.getMap(riderDocKeys.savedRoutes).has('r-bad') ?? false,
    );
    await t.server.reconciler.run(name);
    await t.server.reconciler.run(name);
    expect((await rows()).map((r) => r.id)).toEqual(['r-home']);
    c.provider.destroy();
  });
});

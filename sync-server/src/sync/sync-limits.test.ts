import {
  closeCodes,
  docName,
  MIN_PROTOCOL_VERSION,
  messageTypes,
  reportDoc,
  riderDoc,
  syncLimits,
} from '@kigaligo/sync-protocol';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { connectAckedClient, rawConnect, ticketFor, waitFor } from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { makeUser } from '../test-support/trip-fixtures';
import { DocStore } from './doc-store';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** A y-websocket update message setting `preferences[key] = value`, as a device would send it. */
function updateMessage(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('preferences').set(key, value);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageTypes.sync);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

/** SS6: every limit closes with its final code, and what the refused connection sent is not stored. */
describe.each(testDatabaseKinds)('sync limits on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  const newRider = () => makeUser(t.server.deps.database.db, t.server.deps.jwtSecret, 'rider');
  async function storedPreferences(docName: string): Promise<Record<string, unknown>> {
    const stored = await new DocStore(t.server.deps.database.db).load(docName);
    const doc = new Y.Doc();
    if (stored.state) Y.applyUpdate(doc, stored.state);
    return doc.getMap('preferences').toJSON();
  }

  it('SS6: a client older than the minimum protocol is closed with 4426 and its update is not stored', async () => {
    const rider = await newRider();
    const name = docName(riderDoc(rider.id));
    const c = rawConnect(
      t.server.url,
      `/sync/${name}?ticket=${await ticketFor(t.server.url, rider.token)}&v=${MIN_PROTOCOL_VERSION - 1}`,
    );
    await c.opened;
    c.ws.send(updateMessage('old', 'client'));
    expect((await c.closed).code).toBe(closeCodes.upgradeRequired);
    expect(c.received).toHaveLength(0);
    expect(await storedPreferences(name)).toEqual({});
  });

  it(`SS6: connection ${syncLimits.maxConnectionsPerUser + 1} of one user is closed with 4429 and stores nothing`, async () => {
    const rider = await newRider();
    const name = docName(riderDoc(rider.id));
    // Each socket its own ticket: a ticket opens one connection.
    const ticket = () => ticketFor(t.server.url, rider.token);
    const path = (tk: string) => `/sync/${name}?ticket=${tk}&v=2`;
    const tickets = await Promise.all(Array.from({ length: syncLimits.maxConnectionsPerUser }, ticket));
    const open = tickets.map((tk) => rawConnect(t.server.url, path(tk)));
    await Promise.all(open.map((c) => c.opened));
    // Each accepted connection gets the server's sync step 1: all of them are counted by now.
    await waitFor(() => open.every((c) => c.received.length > 0), 20_000, 'accepted connections');
    const extra = rawConnect(t.server.url, path(await ticket()));
    await extra.opened;
    extra.ws.send(updateMessage('extra', 'connection'));
    expect((await extra.closed).code).toBe(closeCodes.rateLimited);
    expect(extra.received).toHaveLength(0);
    // One of the others closing frees a place.
    open.pop()!.ws.close();
    const again = connectAckedClient(t.server.url, name, rider.token);
    await waitFor(() => again.provider.synced, 10_000, 'a place freed');
    for (const c of open) c.ws.close();
    again.provider.destroy();
    await waitFor(() => !t.server.sync.rooms.has(name), 20_000, 'unload');
    expect(await storedPreferences(name)).toEqual({});
  });

  it('SS6: sockets that go away while they are authorised do not count against the connection limit', async () => {
    const rider = await newRider();
    // A report's owner is read from the database: these sockets close while the server waits for it.
    const name = docName(reportDoc(crypto.randomUUID()));
    // Tickets first, then all sockets at once, each terminated as soon as it opens.
    const tickets = await Promise.all(
      Array.from({ length: syncLimits.maxConnectionsPerUser + 6 }, () =>
        ticketFor(t.server.url, rider.token),
      ),
    );
    const gone = tickets.map((tk) => rawConnect(t.server.url, `/sync/${name}?ticket=${tk}&v=2`));
    for (const c of gone) c.ws.on('open', () => c.ws.terminate());
    await Promise.all(gone.map((c) => c.closed));
    const next = connectAckedClient(t.server.url, name, rider.token);
    await waitFor(() => next.provider.synced, 10_000, 'the next connection accepted');
    next.provider.destroy();
  });

  it('SS6: a burst over the message rate is closed with 4429; nothing after the limit is stored', async () => {
    const rider = await newRider();
    const name = docName(riderDoc(rider.id));
    const c = rawConnect(
      t.server.url,
      `/sync/${name}?ticket=${await ticketFor(t.server.url, rider.token)}&v=2`,
    );
    await c.opened;
    const sent = syncLimits.messageBurst + 100;
    for (let i = 0; i < sent; i++) c.ws.send(updateMessage(`k${i}`, 'v'));
    expect((await c.closed).code).toBe(closeCodes.rateLimited);
    // The document leaves memory only after its queue is flushed (SS5): by then all that passed is stored.
    await waitFor(() => !t.server.sync.rooms.has(name), 20_000, 'unload');
    // What passed the limit was stored; the message that met it and everything after were dropped.
    const keys = Object.keys(await storedPreferences(name));
    expect(keys.length).toBeGreaterThanOrEqual(syncLimits.messageBurst - 1);
    expect(keys.length).toBeLessThan(sent);
    expect(keys.sort()).toEqual(Array.from({ length: keys.length }, (_, i) => `k${i}`).sort());
  });

  it('SS11: a malformed message closes only its sender, with 4400; the document and its other clients carry on', async () => {
    const rider = await newRider();
    const name = docName(riderDoc(rider.id));
    const open = async () => {
      const c = rawConnect(
        t.server.url,
        `/sync/${name}?ticket=${await ticketFor(t.server.url, rider.token)}&v=2`,
      );
      await c.opened;
      return c;
    };
    const good = await open();
    const bad = await open();
    good.ws.send(updateMessage('before', 'good'));
    await expect.poll(() => storedPreferences(name), { timeout: 10_000 }).toEqual({ before: 'good' });
    // An awareness update whose state is not JSON: client 7, clock 1, state "{{{".
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageTypes.awareness);
    encoding.writeVarUint8Array(encoder, Uint8Array.of(1, 7, 1, 3, 0x7b, 0x7b, 0x7b));
    bad.ws.send(encoding.toUint8Array(encoder));
    expect((await bad.closed).code).toBe(closeCodes.badRequest);
    good.ws.send(updateMessage('after', 'good'));
    await expect
      .poll(() => storedPreferences(name), { timeout: 10_000 })
      .toEqual({ before: 'good', after: 'good' });
    expect(good.ws.readyState).toBe(good.ws.OPEN);
    good.ws.close();
  });

  it('SS6: an update that would grow the document past 8 MiB is closed with 4413 and not stored', async () => {
    const rider = await newRider();
    const name = docName(riderDoc(rider.id));
    const c = connectAckedClient(t.server.url, name, rider.token);
    await waitFor(() => c.provider.synced, 10_000, 'sync');
    const closes: number[] = [];
    c.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });
    // Each under the 1 MiB message limit; eight of them fit, the ninth does not.
    const chunk = 'x'.repeat(950 * 1024);
    for (let i = 0; i < 8; i++) {
      c.doc.getMap('preferences').set(`part${i}`, chunk);
      await c.saved();
    }
    c.doc.getMap('preferences').set('part8', chunk);
    await waitFor(() => closes.length > 0, 20_000, 'close');
    expect(closes).toEqual([closeCodes.tooLarge]);
    c.provider.destroy();
    await waitFor(() => !t.server.sync.rooms.has(name), 20_000, 'unload');
    const stored = await storedPreferences(name);
    expect(Object.keys(stored).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `part${i}`));
  });
});

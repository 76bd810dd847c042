import { randomUUID } from 'node:crypto';
import { closeCodes, decodeStoredAck, docName, readStateVector, riderDoc } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { signAccessToken } from '../auth/tokens';
import { syncUpdates } from '../db/schema';
import {
  connectAckedClient,
  connectClient,
  rawConnect,
  ticketFor,
  waitFor,
} from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { DocStore } from './doc-store';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.each(testDatabaseKinds)('sync endpoint on %s', (kind) => {
  let t: TestServer;
  let rider: { id: string; token: string };
  beforeAll(async () => {
    t = await startTestServer(kind);
    const s = await t.loginAs('rider');
    rider = { id: s.user.id, token: s.accessToken };
  });
  afterAll(() => t.stop());

  it('SS0: the stock y-websocket client connects and syncs a document', async () => {
    const a = connectClient(t.server.url, docName(riderDoc(rider.id)), rider.token);
    await waitFor(() => a.provider.synced, 10_000, 'sync');
    a.doc.getMap('preferences').set('language', 'rw');
    const b = connectClient(t.server.url, docName(riderDoc(rider.id)), rider.token);
    await waitFor(() => b.doc.getMap('preferences').get('language') === 'rw', 10_000, 'second client');
    a.provider.destroy();
    b.provider.destroy();
  });

  it('SS4: acknowledges what is durably stored with the stored state vector', async () => {
    const doc = new Y.Doc();
    const acks: Map<number, number>[] = [];
    const c = connectClient(t.server.url, docName(riderDoc(rider.id)), rider.token, doc, { ack: '1' });
    // Stock clients ignore message type 100; we listen on the raw socket to see it.
    await waitFor(() => c.provider.wsconnected, 10_000, 'connect');
    c.provider.ws!.addEventListener('message', (event: MessageEvent) => {
      const sv = decodeStoredAck(new Uint8Array(event.data as ArrayBuffer));
      if (sv) acks.push(readStateVector(sv));
    });
    await waitFor(() => c.provider.synced);
    doc.getMap('preferences').set('home', 'Kimironko');
    const clock = Y.getState(doc.store, doc.clientID);
    await waitFor(() => acks.some((a) => (a.get(doc.clientID) ?? 0) >= clock), 10_000, 'ack');
    c.provider.destroy();
    // What was acknowledged is in the database: a fresh load has it.
    const stored = await new DocStore(t.server.deps.database.db).load(docName(riderDoc(rider.id)));
    const check = new Y.Doc();
    Y.applyUpdate(check, stored.state!);
    expect(check.getMap('preferences').get('home')).toBe('Kimironko');
  });

  it('SS3/SS4: a burst of updates is stored as a few merged appends, each acknowledged and seen by others', async () => {
    const name = docName(riderDoc(rider.id));
    const doc = new Y.Doc();
    const acks: Map<number, number>[] = [];
    const writer = connectClient(t.server.url, name, rider.token, doc, { ack: '1' });
    const reader = connectClient(t.server.url, name, rider.token);
    await waitFor(() => writer.provider.synced && reader.provider.synced, 10_000, 'sync');
    writer.provider.ws!.addEventListener('message', (event: MessageEvent) => {
      const sv = decodeStoredAck(new Uint8Array(event.data as ArrayBuffer));
      if (sv) acks.push(readStateVector(sv));
    });
    const rows = async () =>
      (await t.server.deps.database.db.select().from(syncUpdates).where(eq(syncUpdates.docName, name)))
        .length;
    const before = await rows();
    // Each transaction is its own message on the socket: 50 messages in one burst.
    for (let i = 0; i < 50; i += 1) doc.getMap('burst').set(`k${i}`, i);
    const clock = Y.getState(doc.store, doc.clientID);
    await waitFor(() => acks.some((a) => (a.get(doc.clientID) ?? 0) >= clock), 10_000, 'ack');
    await waitFor(() => reader.doc.getMap('burst').size === 50, 10_000, 'broadcast');
    expect(await rows()).toBeLessThan(before + 50);
    writer.provider.destroy();
    reader.provider.destroy();
    // Everything acknowledged is in the database.
    const stored = await new DocStore(t.server.deps.database.db).load(name);
    const check = new Y.Doc();
    Y.applyUpdate(check, stored.state!);
    expect(check.getMap('burst').toJSON()).toEqual(doc.getMap('burst').toJSON());
  });

  it('SS1/SS2: refuses with 4401/4403 and sends no document content', async () => {
    const other = await t.register(`other-${kind}@example.rw`);
    const driver = await t.loginAs('driver');
    const expired = await signAccessToken(
      { userId: rider.id, role: 'rider', sessionId: randomUUID() },
      t.server.deps.jwtSecret,
      Math.floor(Date.now() / 1000) - 3600,
    );
    const ticket = (token: string) => ticketFor(t.server.url, token);
    const spent = await ticket(rider.token);
    const first = rawConnect(t.server.url, `/sync/rider:${rider.id}?ticket=${spent}`);
    await first.opened;
    first.ws.close();
    const cases: [string, string, number][] = [
      ['no ticket', `/sync/rider:${rider.id}`, closeCodes.unauthenticated],
      ['bad ticket', `/sync/rider:${rider.id}?ticket=abc.def.ghi`, closeCodes.unauthenticated],
      // Access tokens never open a socket, valid or not: they must not travel in URLs (SS0). Only apps from
      // before tickets send one, and signing in again cannot help them: they are told to update (final).
      ['a valid access token', `/sync/rider:${rider.id}?token=${rider.token}`, closeCodes.upgradeRequired],
      ['an expired token', `/sync/rider:${rider.id}?token=${expired}`, closeCodes.upgradeRequired],
      ['a used ticket', `/sync/rider:${rider.id}?ticket=${spent}`, closeCodes.unauthenticated],
      [
        'a ticket for /live',
        `/sync/rider:${rider.id}?ticket=${await ticketFor(t.server.url, rider.token, 'live')}`,
        closeCodes.unauthenticated,
      ],
      [
        "another rider's document",
        `/sync/rider:${rider.id}?ticket=${await ticket(other.accessToken)}`,
        closeCodes.forbidden,
      ],
      [
        "a driver on a rider's document",
        `/sync/rider:${rider.id}?ticket=${await ticket(driver.accessToken)}`,
        closeCodes.forbidden,
      ],
      [
        'an unknown document type',
        `/sync/bank:${rider.id}?ticket=${await ticket(rider.token)}`,
        closeCodes.unknownDocument,
      ],
    ];
    for (const [name, path, code] of cases) {
      const c = rawConnect(t.server.url, path);
      const closed = await c.closed;
      expect(closed.code, name).toBe(code);
      expect(c.received, name).toHaveLength(0);
    }
  });

  it('SS2: admins read a rider document but their writes are dropped', async () => {
    const owner = connectClient(t.server.url, docName(riderDoc(rider.id)), rider.token);
    await waitFor(() => owner.provider.synced);
    owner.doc.getMap('preferences').set('work', 'Kacyiru');
    const admin = await t.loginAs('admin');
    const a = connectAckedClient(t.server.url, docName(riderDoc(rider.id)), admin.accessToken);
    await waitFor(() => a.doc.getMap('preferences').get('work') === 'Kacyiru', 10_000, 'admin read');
    a.doc.getMap('preferences').set('work', 'HACKED');
    // The server has handled the admin's update (and dropped it) once this round trip is answered.
    await a.handled();
    expect(owner.doc.getMap('preferences').get('work')).toBe('Kacyiru');
    const stored = await new DocStore(t.server.deps.database.db).load(docName(riderDoc(rider.id)));
    const check = new Y.Doc();
    Y.applyUpdate(check, stored.state!);
    expect(check.getMap('preferences').get('work')).toBe('Kacyiru');
    a.provider.destroy();
    owner.provider.destroy();
  });

  it('SS6: an oversized message closes the connection once with 4413, and the client does not reconnect', async () => {
    const c = connectClient(t.server.url, docName(riderDoc(rider.id)), rider.token);
    await waitFor(() => c.provider.synced);
    const closes: number[] = [];
    c.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });
    c.doc.getMap('preferences').set('blob', 'x'.repeat(1.5 * 1024 * 1024));
    await waitFor(() => closes.length > 0, 10_000, 'close');
    await new Promise((r) => setTimeout(r, 1500));
    expect(closes).toEqual([closeCodes.tooLarge]);
    expect(c.provider.wsconnected).toBe(false);
    c.provider.destroy();
  });

  it('SS5: a document leaves memory when its last client leaves, and reloads from storage', async () => {
    const name = docName(riderDoc(rider.id));
    const c = connectClient(t.server.url, name, rider.token);
    await waitFor(() => c.provider.synced);
    expect(t.server.sync.rooms.has(name)).toBe(true);
    c.provider.destroy();
    await waitFor(() => !t.server.sync.rooms.has(name), 5000, 'unload');
    const again = connectClient(t.server.url, name, rider.token);
    await waitFor(() => again.doc.getMap('preferences').get('home') === 'Kimironko', 10_000, 'reload');
    again.provider.destroy();
  });

  it('SS10: a client that writes a server-only key is refused with 4403 and nothing of it is stored', async () => {
    const name = docName(riderDoc(rider.id));
    await t.server.sync.serverWrite(name, (doc) => {
      doc.getMap('bookingDecisions').set('intent-1', new Y.Map([['status', 'rejected']]));
    });
    const c = connectAckedClient(t.server.url, name, rider.token);
    await waitFor(() => c.provider.synced);
    // Echoing what the server wrote is fine (every reconnect does it); changing it is not.
    expect(c.doc.getMap('bookingDecisions').size).toBe(1);
    const closes: number[] = [];
    c.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });
    c.doc.getMap('preferences').set('ok', 'yes');
    await c.saved();
    expect(closes).toEqual([]);
    c.doc.getMap('bookingDecisions').set('intent-2', new Y.Map([['status', 'confirmed']]));
    await waitFor(() => closes.length > 0, 10_000, 'close');
    expect(closes).toEqual([closeCodes.forbidden]);
    c.provider.destroy();
    const stored = await new (await import('./doc-store')).DocStore(t.server.deps.database.db).load(name);
    const check = new Y.Doc();
    Y.applyUpdate(check, stored.state!);
    expect([...check.getMap('bookingDecisions').keys()]).toEqual(['intent-1']);
    expect(check.getMap('preferences').get('ok')).toBe('yes');
  });

  it('SS10, SS12: a forged rejection (or a forged removal of one) is refused with 4403 and not stored', async () => {
    const name = docName(riderDoc(rider.id));
    // The entry stays too, so a reconcile running meanwhile keeps (or rewrites) its rejection rather than dropping it.
    await t.server.sync.serverWrite(name, (doc) => {
      doc.getMap('bookingIntents').set('a-1', 'not an intent');
      doc.getMap('rejections').set('bookingIntents/a-1', new Y.Map([['code', 'invalid']]));
    });
    const c = connectAckedClient(t.server.url, name, rider.token);
    await waitFor(() => c.provider.synced);
    const closes: number[] = [];
    c.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });
    // Hiding the rejection from the rider's other devices would make the failure silent again.
    c.doc.getMap('rejections').delete('bookingIntents/a-1');
    await waitFor(() => closes.length > 0, 10_000, 'close');
    expect(closes).toEqual([closeCodes.forbidden]);
    c.provider.destroy();
    const stored = await new (await import('./doc-store')).DocStore(t.server.deps.database.db).load(name);
    const check = new Y.Doc();
    Y.applyUpdate(check, stored.state!);
    expect([...check.getMap('rejections').keys()]).toEqual(['bookingIntents/a-1']);
  });
});

describe.each(testDatabaseKinds)('quiet documents on %s (SS5)', (kind) => {
  let t: TestServer;
  let rider: { id: string; token: string };
  beforeAll(async () => {
    t = await startTestServer(kind, { syncSleepAfterMs: 300 });
    const s = await t.loginAs('rider');
    rider = { id: s.user.id, token: s.accessToken };
  });
  afterAll(() => t.stop());

  it('a quiet document leaves memory while its clients stay connected; presence still passes; the next update loads it', async () => {
    const name = docName(riderDoc(rider.id));
    const phone = connectClient(t.server.url, name, rider.token);
    const laptop = connectClient(t.server.url, name, rider.token);
    await waitFor(() => phone.provider.synced && laptop.provider.synced);
    phone.doc.getMap('preferences').set('language', 'rw');
    await waitFor(() => laptop.doc.getMap('preferences').get('language') === 'rw', 10_000, 'first update');
    const presenceOf = (on: typeof phone, of: typeof phone) =>
      on.provider.awareness.getStates().get(of.doc.clientID) as { user?: string } | undefined;
    phone.provider.awareness.setLocalStateField('user', 'phone');
    await waitFor(() => presenceOf(laptop, phone)?.user === 'phone', 10_000, 'presence');

    const room = t.server.sync.rooms.get(name)!;
    await waitFor(() => room.asleep, 10_000, 'asleep');
    expect(phone.provider.wsconnected && laptop.provider.wsconnected).toBe(true);
    // Presence is relayed without loading the document.
    phone.provider.awareness.setLocalStateField('user', 'phone, later');
    await waitFor(() => presenceOf(laptop, phone)?.user === 'phone, later', 10_000, 'presence asleep');
    expect(room.asleep).toBe(true);

    // The next update loads it from the database, is stored, and passes on.
    laptop.doc.getMap('preferences').set('home', 'Kimironko');
    await waitFor(() => phone.doc.getMap('preferences').get('home') === 'Kimironko', 10_000, 'after sleep');
    expect(t.server.sync.rooms.get(name)).toBe(room);
    // A newcomer gets the whole document, and who is present.
    await waitFor(() => room.asleep, 10_000, 'asleep again');
    const tablet = connectClient(t.server.url, name, rider.token);
    await waitFor(() => tablet.provider.synced);
    expect(tablet.doc.getMap('preferences').toJSON()).toMatchObject({ language: 'rw', home: 'Kimironko' });
    await waitFor(() => presenceOf(tablet, phone)?.user === 'phone, later', 10_000, 'presence to newcomer');
    // A closed connection's presence leaves the others.
    phone.provider.destroy();
    await waitFor(() => presenceOf(laptop, phone) === undefined, 10_000, 'presence removed');
    laptop.provider.destroy();
    tablet.provider.destroy();
  });
});

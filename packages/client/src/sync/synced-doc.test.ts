import 'fake-indexeddb/auto';
import { closeCodes } from '@kigaligo/sync-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { SignedOutError } from '../api-error';
import { FakeServer, waitFor } from './fake-socket.test-support';
import { SyncEngine } from './sync-engine';

const engines: SyncEngine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) {
    const name = e.db.name;
    e.destroy();
    await e.db.delete().catch(() => indexedDB.deleteDatabase(name));
  }
});

/** An engine whose tickets are `ticket-1`, `ticket-2`, …, unless `getTicket` says otherwise. */
function engine(server: FakeServer, userId: string, getTicket?: () => Promise<string>) {
  let n = 0;
  const e = new SyncEngine({
    userId,
    serverUrl: 'ws://test/sync',
    getTicket: getTicket ?? (async () => `ticket-${++n}`),
    WebSocket: server.WebSocket,
    maxBackoffMs: 20,
    closeDelayMs: 0,
  });
  engines.push(e);
  return e;
}

const user = () => crypto.randomUUID();
const prefs = (d: { doc: import('yjs').Doc }) => d.doc.getMap('preferences');

describe('SyncedDoc', () => {
  it('is saved once the server acks, and the server has the edit', async () => {
    const server = new FakeServer();
    const e = engine(server, user());
    const doc = e.open('rider:1');
    await doc.loaded;
    await waitFor(() => doc.getStatus().state === 'online');
    prefs(doc).set('home', 'Kimironko');
    await waitFor(() => doc.getStatus().lastConfirmedAt !== null && doc.getStatus().pending === 0);
    expect(server.doc.getMap('preferences').get('home')).toBe('Kimironko');
    expect(e.getStatus()).toMatchObject({ state: 'online', pending: 0, documents: 1 });
  });

  it('keeps offline edits across a restart and sends them when the server is back', async () => {
    const server = new FakeServer();
    server.reachable = false;
    const id = user();
    const first = engine(server, id);
    const doc = first.open('rider:1');
    await doc.loaded;
    prefs(doc).set('home', 'Remera');
    prefs(doc).set('work', 'Kacyiru');
    await waitFor(() => doc.getStatus().pending === 2);
    expect(doc.getStatus().state).toBe('offline');
    first.destroy();

    // "App restart": a new engine over the same IndexedDB database, server reachable again.
    server.reachable = true;
    const second = engine(server, id);
    const again = second.open('rider:1');
    await again.loaded;
    expect(prefs(again).toJSON()).toEqual({ home: 'Remera', work: 'Kacyiru' });
    await waitFor(() => again.getStatus().state === 'online' && again.getStatus().pending === 0);
    expect(server.doc.getMap('preferences').toJSON()).toEqual({ home: 'Remera', work: 'Kacyiru' });
  });

  it('counts changes the server received but has not acknowledged as waiting', async () => {
    const server = new FakeServer();
    server.acks = false;
    const doc = engine(server, user()).open('rider:1');
    await doc.loaded;
    await waitFor(() => doc.getStatus().state === 'online');
    prefs(doc).set('home', 'Nyamirambo');
    await waitFor(() => server.doc.getMap('preferences').has('home'));
    await waitFor(() => doc.getStatus().pending === 1);
    server.ack(server.sockets.at(-1)!);
    await waitFor(() => doc.getStatus().pending === 0);
  });

  it('tries one new ticket on 4401 and reconnects with it; each connection has its own ticket', async () => {
    const server = new FakeServer();
    server.refuse = (url) =>
      new URL(url).searchParams.get('ticket') === 'ticket-1' ? closeCodes.unauthenticated : null;
    const doc = engine(server, user()).open('rider:1');
    await doc.loaded;
    await waitFor(() => doc.getStatus().state === 'online');
    expect(server.sockets.map((s) => new URL(s.url).searchParams.get('ticket'))).toEqual([
      'ticket-1',
      'ticket-2',
    ]);
    expect(server.sockets.at(-1)!.url).not.toContain('token');
    server.sockets.at(-1)!.closeWith(closeCodes.serverRestart);
    await waitFor(() => server.sockets.length === 3 && doc.getStatus().state === 'online');
    expect(new URL(server.sockets.at(-1)!.url).searchParams.get('ticket')).toBe('ticket-3');
  });

  it('stops with "signed-out" when the new ticket is refused too, or no ticket can be had', async () => {
    const server = new FakeServer();
    server.refuse = () => closeCodes.unauthenticated;
    const doc = engine(server, user()).open('rider:1');
    await waitFor(() => doc.getStatus().state === 'error');
    expect(doc.getStatus().error).toBe('signed-out');
    const attempts = server.sockets.length;
    expect(attempts).toBe(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.sockets.length).toBe(attempts);

    const refusing = new FakeServer();
    const d2 = engine(refusing, user(), async () => {
      throw new SignedOutError();
    }).open('rider:2');
    await waitFor(() => d2.getStatus().error === 'signed-out');
    expect(refusing.sockets).toHaveLength(0);
  });

  it('keeps backing off while no ticket can be fetched (offline), then connects', async () => {
    const server = new FakeServer();
    let reachable = false;
    let asked = 0;
    const doc = engine(server, user(), async () => {
      asked++;
      if (!reachable) throw new TypeError('Failed to fetch');
      return 'late';
    }).open('rider:1');
    await waitFor(() => asked > 2);
    expect(doc.getStatus().state).toBe('offline');
    expect(server.sockets).toHaveLength(0);
    reachable = true;
    await waitFor(() => doc.getStatus().state === 'online');
  });

  it.each([
    [closeCodes.forbidden, 'forbidden'],
    [closeCodes.tooLarge, 'too-large'],
    [closeCodes.upgradeRequired, 'upgrade-required'],
    [closeCodes.rateLimited, 'rate-limited'],
    [closeCodes.unknownDocument, 'unknown-document'],
  ])('treats close code %i as final (%s) and does not reconnect', async (code, reason) => {
    const server = new FakeServer();
    server.refuse = () => code;
    const doc = engine(server, user()).open('rider:1');
    await waitFor(() => doc.getStatus().state === 'error');
    expect(doc.getStatus().error).toBe(reason);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.sockets).toHaveLength(1);
  });

  it('reconnects after a server restart (1012)', async () => {
    const server = new FakeServer();
    const doc = engine(server, user()).open('rider:1');
    await waitFor(() => doc.getStatus().state === 'online');
    server.sockets[0]!.closeWith(closeCodes.serverRestart);
    await waitFor(() => doc.getStatus().state === 'offline');
    await waitFor(() => doc.getStatus().state === 'online' && server.sockets.length === 2);
  });
});

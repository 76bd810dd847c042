import { decodeStoredAck } from '@kigaligo/sync-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../test-support/test-databases';
import { DocRoom, type SyncConnection } from './doc-room';
import { type Appended, DocStore } from './doc-store';
import { localFanout } from './fanout';

/** A store whose appends wait until the test lets them commit: "the process was killed before the commit". */
class GatedStore extends DocStore {
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;

  hold(): void {
    this.gate = new Promise((resolve) => {
      this.open = resolve;
    });
  }

  release(): void {
    this.open?.();
    this.gate = null;
  }

  override async append(docName: string, update: Uint8Array, moveMark = false): Promise<Appended> {
    if (this.gate) await this.gate;
    return super.append(docName, update, moveMark);
  }
}

/** A connection that keeps the stored acknowledgements it is sent, as state vectors. */
function connection(userId: string): SyncConnection & { acks: Map<number, number>[] } {
  const acks: Map<number, number>[] = [];
  return {
    userId,
    sessionId: `session-${userId}`,
    access: 'write',
    wantsAck: true,
    awarenessIds: new Set(),
    acks,
    send(message) {
      const sv = decodeStoredAck(message);
      if (sv) acks.push(Y.decodeStateVector(sv));
    },
    close() {},
  };
}

function edit(doc: Y.Doc, key: string): Uint8Array {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array) => {
    update = u;
  };
  doc.on('update', capture);
  doc.getMap('k').set(key, key);
  doc.off('update', capture);
  return update!;
}

describe.each(testDatabaseKinds)('document room on %s (SS4)', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('an update that adds nothing is acknowledged only after the append of the batch it arrived in commits', async () => {
    const store = new GatedStore(database.db);
    const name = 'rider:room-ack-order';
    await store.ensure(name, null);
    const room = new DocRoom(name, store, localFanout(), () => {});
    const writer = connection('writer');
    const echo = connection('echo');
    room.connections.add(writer);
    room.connections.add(echo);
    const client = new Y.Doc();
    const first = edit(client, 'first');
    await room.submit(first, writer);

    store.hold();
    const acksBefore = echo.acks.length;
    const second = edit(client, 'second');
    // One batch: a new update, and one the document already holds (a client re-sending after a reconnect).
    const stored = room.submit(second, writer);
    const known = room.submit(first, echo);
    expect(await known).toBe(false);
    // An ack now would carry `second`'s clock, applied in memory but not yet stored.
    await new Promise((r) => setTimeout(r, 50));
    expect(echo.acks.length).toBe(acksBefore);

    store.release();
    expect(await stored).toBe(true);
    const last = echo.acks.at(-1)!;
    expect(last.get(client.clientID)).toBe(
      Y.decodeStateVector(Y.encodeStateVector(client)).get(client.clientID),
    );
    const reloaded = new Y.Doc();
    const { state } = await store.load(name);
    Y.applyUpdate(reloaded, state!);
    expect(reloaded.getMap('k').get('second')).toBe('second');
    room.destroy();
  });

  it('a batch that adds nothing at all is acknowledged at once', async () => {
    const store = new GatedStore(database.db);
    const name = 'rider:room-ack-known';
    await store.ensure(name, null);
    const room = new DocRoom(name, store, localFanout(), () => {});
    const echo = connection('echo');
    room.connections.add(echo);
    const client = new Y.Doc();
    const first = edit(client, 'first');
    await room.submit(first, echo);
    const acks = echo.acks.length;
    expect(await room.submit(first, echo)).toBe(false);
    await room.flush();
    expect(echo.acks.length).toBe(acks + 1);
    room.destroy();
  });
});

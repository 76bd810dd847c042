import 'fake-indexeddb/auto';
import { docName, riderDoc } from '@kigaligo/sync-protocol';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncDatabase } from './sync-database';
import { UpdateLog } from './update-log';

const dbs: SyncDatabase[] = [];
function open(user = crypto.randomUUID()) {
  const db = new SyncDatabase(user);
  dbs.push(db);
  return { db, log: new UpdateLog(db, docName(riderDoc(user))), user };
}
afterEach(async () => {
  const all = dbs.splice(0);
  for (const db of all) db.close();
  for (const db of all) await Dexie.delete(db.name);
});

/** Makes one local change and returns its update with the metadata SyncedDoc stores. */
function edit(doc: Y.Doc, key: string, value: string) {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array) => {
    update = u;
  };
  doc.on('update', capture);
  doc.getMap('preferences').set(key, value);
  doc.off('update', capture);
  return { update: update!, meta: { client: doc.clientID, clock: Y.getState(doc.store, doc.clientID) } };
}

const sv = (doc: Y.Doc) => new Map([...Y.decodeStateVector(Y.encodeStateVector(doc))]);

describe('UpdateLog', () => {
  it('reloads every stored update into a fresh document', async () => {
    const { log } = open();
    const doc = new Y.Doc();
    for (const [k, v] of [
      ['home', 'Kimironko'],
      ['work', 'Nyarugenge'],
      ['home', 'Remera'],
    ] as const) {
      const { update, meta } = edit(doc, k, v);
      await log.append(update, meta);
    }
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await log.load())!);
    expect(copy.getMap('preferences').toJSON()).toEqual({ home: 'Remera', work: 'Nyarugenge' });
  });

  it('counts local updates until a stored ack covers their clock; remote updates never count', async () => {
    const { log } = open();
    const doc = new Y.Doc();
    const first = edit(doc, 'home', 'Kimironko');
    const ackedAfterFirst = sv(doc);
    const second = edit(doc, 'work', 'Kacyiru');
    await log.append(first.update, first.meta);
    await log.append(second.update, second.meta);
    await log.append(edit(new Y.Doc(), 'lang', 'rw').update);
    expect((await log.state()).pending).toBe(2);
    await log.recordAck(ackedAfterFirst, 1000);
    expect(await log.state()).toEqual({ pending: 1, lastConfirmedAt: 1000 });
    // An older ack arriving late (another tab's socket) must not un-confirm anything.
    await log.recordAck(new Map(), 2000);
    expect((await log.state()).pending).toBe(1);
    await log.recordAck(sv(doc), 3000);
    expect(await log.state()).toEqual({ pending: 0, lastConfirmedAt: 3000 });
  });

  it('compacts settled rows into one and keeps pending rows (and their count) as they are', async () => {
    const { db, log } = open();
    const doc = new Y.Doc();
    for (let i = 0; i < 10; i++) {
      const { update, meta } = edit(doc, 'home', `place ${i}`);
      await log.append(update, meta);
    }
    await log.recordAck(sv(doc));
    const pending = edit(doc, 'work', 'Gikondo');
    await log.append(pending.update, pending.meta);
    expect(await log.compact(5)).toBe(true);
    expect(await db.updates.count()).toBe(2);
    expect((await log.state()).pending).toBe(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await log.load())!);
    expect(copy.getMap('preferences').toJSON()).toEqual({ home: 'place 9', work: 'Gikondo' });
  });

  it('lets two tabs (two connections to one database) append and compact without losing rows', async () => {
    const { user, log: a } = open();
    const db2 = new SyncDatabase(user);
    dbs.push(db2);
    const b = new UpdateLog(db2, a.doc);
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      const ea = edit(docA, `a${i}`, 'x');
      const eb = edit(docB, `b${i}`, 'y');
      writes.push(a.append(ea.update, ea.meta), b.append(eb.update, eb.meta));
      if (i % 5 === 0) writes.push(a.compact(2), b.compact(2));
    }
    await Promise.all(writes);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await b.load())!);
    expect(Object.keys(copy.getMap('preferences').toJSON())).toHaveLength(40);
    expect((await a.state()).pending).toBe(40);
  });

  it('notifies watchers when the state changes', async () => {
    const { log } = open();
    const seen: number[] = [];
    const stop = log.watch((s) => seen.push(s.pending));
    const doc = new Y.Doc();
    const { update, meta } = edit(doc, 'home', 'Kicukiro');
    await log.append(update, meta);
    await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(seen.at(-1)).toBe(1);
  });
});

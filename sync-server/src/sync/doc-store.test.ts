import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../test-support/test-databases';
import { DocStore } from './doc-store';

/** Keys of the map `k` in a stored state: what a room loading the document would start from. */
function keysOf(state: Uint8Array | null): Set<string> {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  const keys = new Set(doc.getMap('k').keys());
  doc.destroy();
  return keys;
}

function updateSetting(key: string): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array | undefined;
  doc.on('update', (u: Uint8Array) => {
    update = u;
  });
  doc.getMap('k').set(key, key);
  doc.destroy();
  return update!;
}

describe.each(testDatabaseKinds)('document store on %s (SS3, SS5)', (kind) => {
  let database: TestDatabase;
  let store: DocStore;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    store = new DocStore(database.db);
  });
  afterAll(() => database.dispose());

  it('compaction keeps every update and the log restarts after the snapshot', async () => {
    const name = 'rider:store-compact';
    await store.ensure(name, null);
    for (let i = 0; i < 5; i++) await store.append(name, updateSetting(`a${i}`));
    await store.compact(name);
    const { id: last } = await store.append(name, updateSetting('after'));
    const loaded = await store.load(name);
    expect([...keysOf(loaded.state)].sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'after']);
    expect(loaded.lastUpdateId).toBe(last);
  });

  it('an update the reconciler does not read moves the mark over itself only when nothing before it waits', async () => {
    const name = 'rider:store-mark';
    await store.ensure(name, null);
    // Nothing before it: the mark moves in the same statement.
    const first = await store.append(name, updateSetting('pref'), true);
    expect(first.markMoved).toBe(true);
    expect(await store.reconciledUpTo(name)).toBe(first.id);
    // An update the reconciler reads is not reconciled yet: a later unread one must not move the mark past it.
    const read = await store.append(name, updateSetting('intent'));
    expect(read.markMoved).toBe(false);
    const after = await store.append(name, updateSetting('pref2'), true);
    expect(after.markMoved).toBe(false);
    expect(await store.reconciledUpTo(name)).toBe(first.id);
    expect(await store.unreconciled()).toContain(name);
  });

  // A room loads a document while the previous room's compaction may be committing (it runs right after the
  // room unloads). A load that read the old snapshot and then the log after the new one lost updates.
  it('a load racing a compaction sees every update committed before it started', async () => {
    const name = 'rider:store-race';
    await store.ensure(name, null);
    const rounds = Number(process.env.DOC_STORE_RACE_ROUNDS ?? 60);
    const committed: string[] = [];
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < 3; i++) {
        const key = `r${round}-${i}`;
        await store.append(name, updateSetting(key));
        committed.push(key);
      }
      const before = [...committed];
      // Loads starting at staggered turns of the event loop, so some fall while the compaction commits.
      const loads = Array.from({ length: 8 }, async (_, turns) => {
        for (let t = 0; t < turns; t++) await new Promise((resolve) => setImmediate(resolve));
        return store.load(name);
      });
      const [, ...loaded] = await Promise.all([store.compact(name), ...loads]);
      for (const { state } of loaded) {
        const keys = keysOf(state);
        expect(before.filter((k) => !keys.has(k))).toEqual([]);
      }
    }
  });
});

import { randomBytes } from 'node:crypto';
import type { ReconcileRejection } from '@kigaligo/domain';
import { docName, riderDoc, riderDocKeys } from '@kigaligo/sync-protocol';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reconcileFailures, syncDocuments } from '../db/schema';
import { createLogger } from '../logger';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../test-support/test-databases';
import { makeUser } from '../test-support/trip-fixtures';
import { DocStore } from './doc-store';
import { type ReconcileFn, registerDocTypes } from './doc-type';
import { localFanout } from './fanout';
import { ReconcileScheduler } from './reconciler';
import type { RetryPolicy } from './retry-policy';
import { storeDocWriter } from './store-doc-writer';

/**
 * SS12 on the scheduler itself, with a reconciler whose entries fail on purpose: a bug that throws, the database
 * refusing a value, the database being away. Retries are driven by hand (the policy's delays are an hour), so
 * nothing here depends on timing; the last test lets the scheduler's own timer retry.
 */
const ITEMS = 'items';
const slow: RetryPolicy = { baseDelayMs: 3_600_000, maxDelayMs: 3_600_000, maxAttempts: 3 };

describe.each(testDatabaseKinds)('reconcile failures on %s (SS12)', (kind) => {
  let database: TestDatabase;
  let store: DocStore;
  let userId: string;
  /** Entry ids in the order the reconciler tried them, and those it completed. */
  let tried: string[];
  let unreachableFor = 0;
  let wholeDocumentBug = false;

  const reconcile: ReconcileFn = async (_ref, doc, tx, guard) => {
    if (wholeDocumentBug) throw new TypeError('bug outside any entry');
    const done: string[] = [];
    for (const [id, value] of doc.getMap<unknown>(ITEMS).entries()) {
      if (doc.getMap('done').has(id)) continue;
      if (value === 'invalid') {
        guard.reject(ITEMS, id, value, 'value: Not a valid item');
        continue;
      }
      const outcome = await guard.entry(tx, ITEMS, id, value, async (sp) => {
        tried.push(id);
        await sp.execute(sql`select 1`);
        if (value === 'boom') throw new Error('bug: boom');
        if (value === 'nul') await sp.execute(sql`select ${'a\u0000b'}::text`);
        if (value === 'flaky' && unreachableFor-- > 0)
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      });
      if (outcome.status === 'done') done.push(id);
    }
    if (done.length === 0) return undefined;
    return (target) => {
      for (const id of done) target.getMap('done').set(id, true);
    };
  };

  const scheduler = (policy: RetryPolicy) => {
    const s: ReconcileScheduler = new ReconcileScheduler({
      db: database.db,
      store,
      fanout: localFanout(),
      docTypes: registerDocTypes([
        {
          prefix: 'rider',
          authorize: async () => 'write',
          serverKeys: [riderDocKeys.rejections],
          rejectionsKey: riderDocKeys.rejections,
          watch: [ITEMS],
          reconcile,
        },
      ]),
      // As the sync service does (onStored): the server's own write-back moves the mark over itself.
      writeBack: async (name, change) => {
        await storeDocWriter(store)(name, change);
        // Stored without moving the mark (storeDocWriter): the scheduler moves it behind this run.
        const id = (await store.load(name)).lastUpdateId;
        s.schedule(name, new Set([riderDocKeys.rejections]), { id, markMoved: false });
      },
      logger: createLogger('silent'),
      policy,
    });
    current = s;
    return s;
  };
  const riderDocName = () => docName(riderDoc(userId));
  async function write(change: (doc: Y.Doc) => void): Promise<void> {
    await storeDocWriter(store)(riderDocName(), change);
  }
  async function stored(): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const s = await store.load(riderDocName());
    if (s.state) Y.applyUpdate(doc, s.state);
    return doc;
  }
  const rejections = async () =>
    (await stored()).getMap(riderDocKeys.rejections).toJSON() as Record<string, ReconcileRejection>;
  const rows = () =>
    database.db.select().from(reconcileFailures).where(eq(reconcileFailures.docName, riderDocName()));
  let current: ReconcileScheduler | undefined;
  const unreconciled = async () => {
    await current?.flush();
    return (await store.unreconciled()).includes(riderDocName());
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    store = new DocStore(database.db);
  });
  afterAll(() => database.dispose());
  beforeEach(async () => {
    userId = (await makeUser(database.db, randomBytes(32).toString('hex'), 'rider')).id;
    tried = [];
    unreachableFor = 0;
    wholeDocumentBug = false;
  });

  it('a poison entry is retried up to the last attempt, then rejected; the entries after it go through', async () => {
    const s = scheduler(slow);
    await write((d) => {
      d.getMap(ITEMS).set('a-poison', 'boom');
      d.getMap(ITEMS).set('b-fine', 'ok');
    });
    await s.run(riderDocName());
    expect((await stored()).getMap('done').toJSON()).toEqual({ 'b-fine': true });
    expect(await rows()).toMatchObject([{ entryKey: 'items/a-poison', attempts: 1, rejectedAt: null }]);
    // Retrying: not rejected yet, and the document stays unreconciled so a restart retries it too.
    expect(await rejections()).toEqual({});
    expect(await unreconciled()).toBe(true);

    // An update that arrives before the retry is due does not spend an attempt.
    await write((d) => d.getMap(ITEMS).set('c-fine', 'ok'));
    await s.run(riderDocName());
    expect(tried.filter((id) => id === 'a-poison')).toHaveLength(1);
    expect((await stored()).getMap('done').has('c-fine')).toBe(true);

    await s.run(riderDocName(), { force: true, retriesDue: true });
    expect((await rows())[0]).toMatchObject({ attempts: 2, rejectedAt: null });
    await s.run(riderDocName(), { force: true, retriesDue: true });
    const [row] = await rows();
    expect(row).toMatchObject({ attempts: 3, code: 'server_error', message: 'bug: boom', userId });
    expect(row!.rejectedAt).toBeInstanceOf(Date);
    expect(await rejections()).toEqual({
      'items/a-poison': expect.objectContaining({ code: 'server_error', message: 'bug: boom', attempts: 3 }),
    });
    expect(await unreconciled()).toBe(false);

    // Rejected as it stands: not tried again, however often the document reconciles.
    await s.run(riderDocName(), { force: true, retriesDue: true });
    expect(tried.filter((id) => id === 'a-poison')).toHaveLength(3);
    await s.close();
  });

  it('a value the database refuses is `refused`; an edited entry starts again and, once through, is cleared', async () => {
    const s = scheduler({ ...slow, maxAttempts: 1 });
    await write((d) => d.getMap(ITEMS).set('x', 'nul'));
    await s.run(riderDocName());
    expect(await rejections()).toEqual({
      'items/x': expect.objectContaining({ code: 'refused', attempts: 1 }),
    });
    expect((await rejections())['items/x']!.message).toMatch(/0x00|invalid byte sequence|null character/i);

    await write((d) => d.getMap(ITEMS).set('x', 'ok'));
    await s.run(riderDocName());
    expect((await stored()).getMap('done').has('x')).toBe(true);
    expect(await rejections()).toEqual({});
    expect(await rows()).toEqual([]);
    await s.close();
  });

  it('a schema refusal is rejected at once; discarding the entry removes its rejection and its row', async () => {
    const s = scheduler(slow);
    await write((d) => {
      d.getMap(ITEMS).set('bad', 'invalid');
      d.getMap(ITEMS).set('good', 'ok');
    });
    await s.run(riderDocName());
    expect(await rejections()).toEqual({
      'items/bad': expect.objectContaining({
        code: 'invalid',
        message: 'value: Not a valid item',
        attempts: 1,
      }),
    });
    expect(await rows()).toMatchObject([{ entryKey: 'items/bad', code: 'invalid' }]);

    await write((d) => d.getMap(ITEMS).delete('bad'));
    await s.run(riderDocName());
    expect(await rejections()).toEqual({});
    expect(await rows()).toEqual([]);
    expect(await unreconciled()).toBe(false);
    await s.close();
  });

  it('keys the database cannot hold (U+0000, lone surrogates, very long) are still recorded and rejected', async () => {
    const s = scheduler(slow);
    const keys = ['k\u0000ey', '\ud800', 'k'.repeat(5000)];
    await write((d) => {
      for (const k of keys) d.getMap(ITEMS).set(k, 'invalid');
      d.getMap(ITEMS).set('good', 'ok');
    });
    await s.run(riderDocName());
    // Yjs carries keys as UTF-8: the lone surrogate arrives as U+FFFD, U+0000 as itself.
    const arrived = [...(await stored()).getMap(ITEMS).keys()].filter((k) => k !== 'good');
    expect(arrived).toHaveLength(keys.length);
    expect(Object.keys(await rejections()).sort()).toEqual(arrived.map((k) => `items/${k}`).sort());
    const recorded = (await rows()).map((r) => r.entryKey);
    expect(recorded).toHaveLength(keys.length);
    expect(recorded).toContain('items/k\\u0000ey');
    expect((await stored()).getMap('done').has('good')).toBe(true);
    await s.close();
  });

  it('an unreachable database is retried with backoff and never rejected', async () => {
    const s = scheduler(slow);
    unreachableFor = 5;
    await write((d) => d.getMap(ITEMS).set('f', 'flaky'));
    for (let i = 0; i < 6; i++) await s.run(riderDocName(), { force: true, retriesDue: true });
    expect((await stored()).getMap('done').has('f')).toBe(true);
    expect(await rejections()).toEqual({});
    expect(await rows()).toEqual([]);
    await s.close();
  });

  it('a bug outside any entry rejects the whole document (`*`) after the last attempt, until it changes', async () => {
    const s = scheduler({ ...slow, maxAttempts: 2 });
    wholeDocumentBug = true;
    await write((d) => d.getMap(ITEMS).set('a', 'ok'));
    await s.run(riderDocName());
    expect(await rows()).toMatchObject([{ entryKey: '*', attempts: 1, rejectedAt: null }]);
    await s.run(riderDocName(), { force: true, retriesDue: true });
    expect(await rejections()).toEqual({
      '*': expect.objectContaining({ code: 'server_error', message: 'bug outside any entry', attempts: 2 }),
    });
    expect(await unreconciled()).toBe(false);

    wholeDocumentBug = false;
    await write((d) => d.getMap(ITEMS).set('b', 'ok'));
    await s.run(riderDocName());
    expect(await rejections()).toEqual({});
    expect(await rows()).toEqual([]);
    expect((await stored()).getMap('done').toJSON()).toEqual({ a: true, b: true });
    await s.close();
  });

  it('the scheduler retries on its own timer until the entry is rejected', async () => {
    const s = scheduler({ baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 });
    await write((d) => d.getMap(ITEMS).set('p', 'boom'));
    await s.run(riderDocName());
    const deadline = Date.now() + 20_000;
    while (!(await rejections())['items/p'] && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await rejections())['items/p']).toMatchObject({ code: 'server_error', attempts: 3 });
    const [doc] = await database.db
      .select()
      .from(syncDocuments)
      .where(eq(syncDocuments.docName, riderDocName()));
    expect(doc!.reconciledUpdateId).toBeGreaterThan(0);
    await s.close();
  });
});

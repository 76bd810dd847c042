import { randomBytes, randomUUID } from 'node:crypto';
import { bookingIntent } from '@kigaligo/domain';
import {
  docName,
  driverDoc,
  driverDocKeys,
  reportDoc,
  reportDocKeys,
  riderDoc,
  riderDocKeys,
} from '@kigaligo/sync-protocol';
import { eq, isNull } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reconcileFailures } from '../src/db/schema';
import { DocStore } from '../src/sync/doc-store';
import { reportFields } from '../src/test-support/report-kit';
import { connectAckedClient, waitFor } from '../src/test-support/sync-client';
import { testDatabaseKinds } from '../src/test-support/test-databases';
import { startTestServer } from '../src/test-support/test-server';
import { makeIntent, makeUser } from '../src/test-support/trip-fixtures';

/**
 * SS12, "nothing is silently stuck": random values — wrong types, U+0000 and lone surrogates, huge strings,
 * nested junk, binary, and values that look right but break a rule or a constraint — go into every
 * client-writable key of rider, driver and report documents through the real sync endpoint (stock
 * y-websocket clients), each poison entry beside a valid one. Afterwards the server still serves, every
 * document is reconciled, every entry the server reads is answered (a decision, a result, a report state) or
 * visibly rejected in the document, and every valid entry went through. POISON_RUNS sets the case count.
 */
const RUNS = Number(process.env.POISON_RUNS ?? 20);
const ANSWER_TIMEOUT_MS = 60_000;

const nasty = fc.constantFrom('A\u0000B', '\u0000', '\ud800', 'x\udfffy', 'e\u0301', '', '   ', '\u202e');
const huge = fc.constantFrom('€'.repeat(60_000), 'a'.repeat(120_000));
const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nasty,
    { arbitrary: huge, weight: 1 },
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.uint8Array({ maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;
/** Keys a device might use for an entry: mostly ids, sometimes anything. */
const entryKey = fc.oneof(
  { weight: 4, arbitrary: fc.constant('uuid') },
  { weight: 1, arbitrary: fc.constantFrom('', 'k\u0000', '\ud800', 'x'.repeat(300), 'not-a-uuid') },
);

type Fields = Record<string, unknown>;
/** A poison entry: a junk value, a valid entry with one field replaced, or a valid-looking one breaking a rule. */
const poison = (fields: readonly string[], breakers: readonly Fields[]) =>
  fc.record({
    key: entryKey,
    how: fc.oneof(
      junk.map((value) => ({ whole: value })),
      fc.record({ field: fc.constantFrom(...fields, 'extra'), value: junk }),
      fc.constantFrom(...breakers).map((over) => ({ over })),
    ),
  });
type Poison = { key: string; how: { whole: unknown } | { field: string; value: unknown } | { over: Fields } };

const intentFields = [
  'id',
  'kind',
  'origin',
  'destination',
  'departAt',
  'paymentMethod',
  'payerPhone',
  'createdAt',
];
const intentBreakers: Fields[] = [
  { origin: { lat: 95, lon: 30.06, label: 'Nowhere' } },
  { destination: { lat: -1.95, lon: 30.1, label: 'B\u0000' } },
  { paymentMethod: 'mobile_money' },
  { paymentMethod: 'mobile_money', payerPhone: '+2500' },
  { departAt: '2020-01-01T00:00:00Z' },
  { createdAt: 'yesterday' },
  { origin: { lat: -1.95, lon: 30.06, label: 'L'.repeat(5000) } },
  { cancelRequestedAt: new Date().toISOString() },
  { kind: 'bus' },
];
const routeFields = ['id', 'name', 'origin', 'destination', 'createdAt'];
const routeBreakers: Fields[] = [{ name: '' }, { name: 'N\u0000' }, { origin: { lat: 1000, lon: 0 } }];
const actionFields = ['id', 'tripId', 'action', 'at', 'cashCollected'];
const actionBreakers: Fields[] = [
  { action: 'fly' },
  { tripId: 'trip' },
  { at: 'now' },
  { action: 'complete', cashCollected: 'yes' },
];
const reportKeys = ['tripId', 'vehicleId', 'category', 'description', 'occurredAt', 'location', 'anonymous'];
const reportBreakers: Fields[] = [
  { tripId: randomUUID() },
  { vehicleId: randomUUID() },
  { occurredAt: '2999-01-01T00:00:00Z' },
  { description: 'Help\u0000 he hit me' },
  { location: { lat: -91, lon: 30 } },
  { category: 'other', description: 'x'.repeat(5001) },
];

const caseArb = fc.record({
  intents: fc.array(poison(intentFields, intentBreakers), { minLength: 1, maxLength: 3 }),
  routes: fc.array(poison(routeFields, routeBreakers), { maxLength: 2 }),
  preferences: fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 2, noNullPrototype: true }),
  actions: fc.array(poison(actionFields, actionBreakers), { minLength: 1, maxLength: 3 }),
  shift: junk,
  report: fc.record({
    fields: fc.array(fc.record({ field: fc.constantFrom(...reportKeys, 'extra'), value: junk }), {
      maxLength: 3,
    }),
    breaker: fc.option(fc.constantFrom(...reportBreakers), { nil: undefined }),
    submittedAt: fc.oneof(
      { weight: 4, arbitrary: fc.constant<unknown>('now') },
      { weight: 1, arbitrary: junk },
    ),
    evidence: fc.array(junk, { maxLength: 2 }),
  }),
});

/** Writes an entry the way the apps do (a nested Y.Map), or the bare value when it is not an object. */
function put(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)) {
    const entry = new Y.Map<unknown>();
    map.set(key, entry);
    for (const [k, v] of Object.entries(value)) entry.set(k, v);
  } else map.set(key, value);
}

function poisoned(p: Poison, valid: (id: string) => Fields): { key: string; value: unknown } {
  const key = p.key === 'uuid' ? randomUUID() : p.key;
  if ('whole' in p.how) return { key, value: p.how.whole };
  if ('over' in p.how) return { key, value: { ...valid(key), ...p.how.over } };
  return { key, value: { ...valid(key), [p.how.field]: p.how.value } };
}

const route = (id: string): Fields => ({
  id,
  name: 'Home',
  origin: { lat: -1.940645, lon: 30.044477, label: 'Nyabugogo' },
  destination: { lat: -1.949596, lon: 30.12557, label: 'Kimironko' },
  createdAt: new Date().toISOString(),
});
const action = (id: string): Fields => ({
  id,
  tripId: randomUUID(),
  action: 'arrive',
  at: new Date().toISOString(),
});

interface Written {
  rider: string;
  driver: string;
  report: string;
  validIntent: string;
  validRoute: string;
  validAction: string;
}

describe.each(testDatabaseKinds)('poison documents on %s (property, SS12)', (kind) => {
  const secret = randomBytes(32).toString('hex');
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let store: DocStore;
  beforeAll(async () => {
    t = await startTestServer(kind, {
      jwtSecret: secret,
      reconcileRetry: { baseDelayMs: 10, maxDelayMs: 100, maxAttempts: 3 },
    });
    store = new DocStore(t.server.deps.database.db);
    // A seeded server on PGlite takes a while to start on a busy machine (the GTFS import, the migrations).
  }, 180_000);
  afterAll(() => t?.stop());

  async function load(docName: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const s = await store.load(docName);
    if (s.state) Y.applyUpdate(doc, s.state);
    return doc;
  }
  const connect = (docName: string, token: string) => connectAckedClient(t.server.url, docName, token);

  async function writeCase(c: typeof caseArb extends fc.Arbitrary<infer C> ? C : never): Promise<Written> {
    const db = t.server.deps.database.db;
    const rider = await makeUser(db, secret, 'rider');
    const driver = await makeUser(db, secret, 'driver');
    const reportId = randomUUID();
    const w: Written = {
      rider: docName(riderDoc(rider.id)),
      driver: docName(driverDoc(driver.id)),
      report: docName(reportDoc(reportId)),
      validIntent: randomUUID(),
      validRoute: `r-${randomUUID()}`,
      validAction: randomUUID(),
    };
    const r = connect(w.rider, rider.token);
    const d = connect(w.driver, driver.token);
    const rep = connect(w.report, rider.token);
    try {
      await waitFor(() => [r, d, rep].every((x) => x.provider.synced), 30_000, 'first sync');
      // Each entry in its own update: one poison message must not be able to hide the valid ones.
      const write = async (client: typeof r, change: (doc: Y.Doc) => void) => {
        client.doc.transact(() => change(client.doc));
        await client.saved();
      };
      await write(r, (doc) =>
        put(doc.getMap(riderDocKeys.bookingIntents), w.validIntent, makeIntent({ id: w.validIntent })),
      );
      for (const p of c.intents) {
        const e = poisoned(p as Poison, (id) => makeIntent({ id }));
        await write(r, (doc) => put(doc.getMap(riderDocKeys.bookingIntents), e.key, e.value));
      }
      await write(r, (doc) => put(doc.getMap(riderDocKeys.savedRoutes), w.validRoute, route(w.validRoute)));
      for (const p of c.routes) {
        const e = poisoned(p as Poison, route);
        await write(r, (doc) => put(doc.getMap(riderDocKeys.savedRoutes), e.key, e.value));
      }
      await write(r, (doc) => {
        for (const [k, v] of Object.entries(c.preferences)) doc.getMap(riderDocKeys.preferences).set(k, v);
      });
      await write(d, (doc) =>
        put(doc.getMap(driverDocKeys.tripActions), w.validAction, action(w.validAction)),
      );
      for (const p of c.actions) {
        const e = poisoned(p as Poison, action);
        await write(d, (doc) => put(doc.getMap(driverDocKeys.tripActions), e.key, e.value));
      }
      await write(d, (doc) => doc.getMap(driverDocKeys.shift).set('state', c.shift));
      await write(rep, (doc) => {
        const fields: Fields = { ...reportFields(), ...c.report.breaker };
        for (const f of c.report.fields) fields[f.field] = f.value;
        fields.submittedAt = c.report.submittedAt === 'now' ? new Date().toISOString() : c.report.submittedAt;
        const map = doc.getMap(reportDocKeys.report);
        for (const [k, v] of Object.entries(fields)) map.set(k, v);
        if (c.report.evidence.length > 0) doc.getArray(reportDocKeys.evidence).push(c.report.evidence);
      });
    } finally {
      for (const x of [r, d, rep]) x.provider.destroy();
    }
    return w;
  }

  /** What is still unanswered in the case's documents; empty once every entry is answered or rejected. */
  async function unanswered(w: Written): Promise<string[]> {
    const missing: string[] = [];
    const rider = await load(w.rider);
    const rejected = (doc: Y.Doc, key: string) => doc.getMap(riderDocKeys.rejections).has(key);
    const decisions = rider.getMap(riderDocKeys.bookingDecisions);
    // Null is how apps remove an entry: nothing to answer.
    for (const [key, value] of rider.getMap(riderDocKeys.bookingIntents).entries()) {
      if (value === null) continue;
      // A valid intent cancelled before it was ever booked: nothing to book, nothing to answer (reconcile-intents).
      const parsed = bookingIntent.safeParse(value instanceof Y.Map ? value.toJSON() : value);
      if (parsed.success && parsed.data.id === key && parsed.data.cancelRequestedAt) continue;
      if (!decisions.has(key) && !rejected(rider, `bookingIntents/${key}`)) missing.push(`intent ${key}`);
    }
    for (const [key, value] of rider.getMap(riderDocKeys.savedRoutes).entries()) {
      if (value === null) continue;
      const saved = value instanceof Y.Map && value.has('serverSavedAt');
      if (!saved && !rejected(rider, `savedRoutes/${key}`)) missing.push(`route ${key}`);
    }
    const driver = await load(w.driver);
    const results = driver.getMap(driverDocKeys.actionResults);
    for (const [key, value] of driver.getMap(driverDocKeys.tripActions).entries()) {
      if (value === null) continue;
      if (!results.has(key) && !rejected(driver, `tripActions/${key}`)) missing.push(`action ${key}`);
    }
    const report = await load(w.report);
    if (report.getMap(reportDocKeys.report).get('submittedAt')) {
      const answered = report.getMap(reportDocKeys.server).has('status');
      if (!answered && !rejected(report, 'report/submittedAt')) missing.push('report submission');
    }
    const open = await store.unreconciled();
    for (const name of [w.rider, w.driver, w.report])
      if (open.includes(name)) missing.push(`${name} unreconciled`);
    const retrying = await t.server.deps.database.db
      .select({ doc: reconcileFailures.docName })
      .from(reconcileFailures)
      .where(isNull(reconcileFailures.rejectedAt));
    for (const r of retrying)
      if ([w.rider, w.driver, w.report].includes(r.doc)) missing.push(`${r.doc} retrying`);
    return missing;
  }

  it(
    `every document ends reconciled or visibly rejected, and valid entries beside poison go through (${RUNS} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          const w = await writeCase(c);
          let left: string[] = [];
          const deadline = Date.now() + ANSWER_TIMEOUT_MS;
          do {
            left = await unanswered(w);
            if (left.length === 0) break;
            await new Promise((r) => setTimeout(r, 100));
          } while (Date.now() < deadline);
          expect(left).toEqual([]);

          const rider = await load(w.rider);
          const driver = await load(w.driver);
          const report = await load(w.report);
          // A bug outside every entry would reject a whole document: none may.
          for (const doc of [rider, driver, report]) expect(doc.getMap('rejections').has('*')).toBe(false);
          // The valid entries beside the poison went through.
          const decision = rider.getMap(riderDocKeys.bookingDecisions).get(w.validIntent) as Y.Map<unknown>;
          expect(decision.get('status') === 'confirmed' || decision.get('reason') !== 'invalid').toBe(true);
          expect(rider.getMap(riderDocKeys.rejections).has(`bookingIntents/${w.validIntent}`)).toBe(false);
          const savedRoute = rider.getMap(riderDocKeys.savedRoutes).get(w.validRoute) as Y.Map<unknown>;
          expect(savedRoute.has('serverSavedAt')).toBe(true);
          const result = driver.getMap(driverDocKeys.actionResults).get(w.validAction) as Y.Map<unknown>;
          // Its trip does not exist: a refusal with a reason of the service's own, not a malformed action.
          expect((result.get('error') as { code: string }).code).not.toBe('invalid');
          // Every rejection has a code the apps can translate and a message for admins.
          for (const doc of [rider, driver, report]) {
            for (const rejection of doc.getMap('rejections').values()) {
              const r = (rejection as Y.Map<unknown>).toJSON();
              expect(['invalid', 'refused', 'server_error']).toContain(r.code);
              expect(typeof r.message).toBe('string');
            }
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      // The server still serves, and nothing it holds is left unreconciled.
      expect((await fetch(`${t.server.url}/api/health`)).status).toBe(200);
      const stuck = await t.server.deps.database.db
        .select()
        .from(reconcileFailures)
        .where(eq(reconcileFailures.code, 'server_error'));
      expect(stuck).toEqual([]);
    },
    60_000 + RUNS * 15_000,
  );
});

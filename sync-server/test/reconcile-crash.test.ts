import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDispatchPolicy, driverActionInput } from '@kigaligo/domain';
import {
  docName,
  driverDoc,
  driverDocKeys,
  reportDoc,
  reportDocKeys,
  riderDoc,
  riderDocKeys,
} from '@kigaligo/sync-protocol';
import { and, eq, gt, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { signAccessToken } from '../src/auth/tokens';
import { bookIntent } from '../src/booking/book-intent';
import { applyDriverAction } from '../src/booking/driver-actions';
import { openDatabase } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { safetyReports, syncDocuments, syncUpdates, tripEvents, trips } from '../src/db/schema';
import { DocStore } from '../src/sync/doc-store';
import { reportFields } from '../src/test-support/report-kit';
import { connectAckedClient, connectClient, waitFor } from '../src/test-support/sync-client';
import { testServiceArea } from '../src/test-support/test-app';
import { createTestDatabaseUrl, testDatabaseKinds } from '../src/test-support/test-databases';
import { makeDriverOnShift, makeIntent, makeUser } from '../src/test-support/trip-fixtures';
import { freePort, ServerProcess } from './server-process';

/**
 * "Acknowledged means durable, retried means once" across kill -9 (SS3, SS4, SS5, SS8). Each case writes booking
 * intents, driver actions and report submissions through stock clients that wait for the stored
 * acknowledgement, then destroys the clients — they cannot re-send anything — and SIGKILLs the real server
 * process at a random moment: before the debounced reconcile, during it, during its write-back or during a
 * compaction, or after all of it; sometimes again while it recovers. After the restart every acknowledged
 * intent has exactly one trip and its decision in the document, every action is applied once with its result,
 * every report is filed once and answered. An intent written just before the kill without waiting for the
 * acknowledgement may be lost, but then wholly: stored ⇔ booked ⇔ decided.
 */
// 10 per database in the test command, the first of them COMPACTING; CRASH_RUNS=100 for a hunt.
const RUNS = Number(process.env.CRASH_RUNS ?? 10);
const ANSWER_TIMEOUT_MS = 60_000;

const caseArb = fc.record({
  intents: fc.integer({ min: 1, max: 3 }),
  /** How far the driver gets through arrive → start on their pre-booked, accepted trip. */
  actions: fc.integer({ min: 0, max: 2 }),
  reports: fc.integer({ min: 0, max: 2 }),
  /** Writes enough to the rider document (> 512 KiB outside the snapshot) to compact it when the clients leave. */
  compaction: fc.oneof(
    { weight: 2, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
  /** One more intent sent right before the kill, without waiting for its acknowledgement. */
  unacked: fc.boolean(),
  killAfterMs: fc.integer({ min: 0, max: 1000 }),
  /** A second kill while the restarted server recovers (reconciles what it found unreconciled). */
  secondKillAfterMs: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer C> ? C : never;

/**
 * Run first: a large document whose clients leave a second before the kill. It compacts then, or when the
 * readers of this case leave while the next case runs, so the check that compaction happened never depends on
 * how many compaction cases the random ones drew (10 random cases once drew a single one, the last, killed
 * before it compacted).
 */
const COMPACTING: Case = {
  intents: 1,
  actions: 0,
  reports: 0,
  compaction: true,
  unacked: false,
  killAfterMs: 1000,
  secondKillAfterMs: undefined,
};

/** What one case left to check in the tables once the last server is gone. */
interface Expectation {
  label: string;
  riderDoc: string;
  compaction: boolean;
  tick?: string;
  /**
   * intent id → its decision (a confirmed one names its trip; a turned-down one is a `rejected` trip row), or
   * null for an unacknowledged intent that was not stored.
   */
  intents: Map<string, { status: string; tripId?: string; reason?: string } | null>;
  actions: string[];
  reports: string[];
}

const ACTIONS = ['arrive', 'start'] as const;

describe.each(testDatabaseKinds)('acknowledged work survives kill -9 on %s (property)', (kind) => {
  const secret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'kigaligo-reconcile-crash-'));
  let pg: Awaited<ReturnType<typeof createTestDatabaseUrl>> | undefined;
  let server: ServerProcess;
  let url = '';
  const fixtures: { riderId: string; tripId: string; driverId: string }[] = [];
  const expectations: Expectation[] = [];
  const tokens = new Map<string, string>();
  const token = async (userId: string, role: 'rider' | 'driver') => {
    if (!tokens.has(userId))
      tokens.set(userId, await signAccessToken({ userId, role, sessionId: randomUUID() }, secret));
    return tokens.get(userId)!;
  };
  const open = () => openDatabase({ databaseUrl: pg?.url, dataDir });

  beforeAll(async () => {
    pg = kind === 'postgres' ? await createTestDatabaseUrl() : undefined;
    // Fixtures go in before the server starts: PGlite has one process. Per case a rider, a trip already assigned
    // to a driver (for the driver's actions) and vehicles for the case's own bookings.
    const database = await open();
    try {
      await runMigrations(database);
      const { db } = database;
      for (let i = 0; i < RUNS + 2; i++) {
        const rider = await makeUser(db, secret, 'rider');
        for (let v = 0; v < 5; v++) await makeDriverOnShift(db, secret);
        const now = new Date();
        const booked = await db.transaction((tx) =>
          bookIntent(tx, rider.id, makeIntent(), now, defaultDispatchPolicy, testServiceArea),
        );
        const [trip] = await db.select().from(trips).where(eq(trips.id, booked.tripId));
        if (!trip?.driverId) throw new Error('the fixture trip found no driver');
        // Accepted at once, so the offer cannot expire and move the trip to another driver during the run.
        const accept = driverActionInput.parse({
          id: randomUUID(),
          tripId: trip.id,
          action: 'accept',
          at: now.toISOString(),
        });
        await db.transaction((tx) =>
          applyDriverAction(tx, trip.driverId!, accept, now, defaultDispatchPolicy),
        );
        fixtures.push({ riderId: rider.id, tripId: trip.id, driverId: trip.driverId });
      }
    } finally {
      await database.close();
    }
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      JWT_SECRET: secret,
      SEED_DEMO_DATA: 'false',
    };
    if (pg) env.DATABASE_URL = pg.url;
    server = new ServerProcess(env);
    await server.start();
  }, 900_000);

  afterAll(async () => {
    await server?.kill();
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function runCase(c: Case, n: number): Promise<void> {
    const fx = fixtures[n]!;
    const riderToken = await token(fx.riderId, 'rider');
    const driverToken = await token(fx.driverId, 'driver');
    const riderName = docName(riderDoc(fx.riderId));
    const label = `case ${n} ${JSON.stringify(c)}`;
    const rider = connectAckedClient(url, riderName, riderToken);
    const driver = connectAckedClient(url, docName(driverDoc(fx.driverId)), driverToken);
    const reports = Array.from({ length: c.reports }, () => {
      const id = randomUUID();
      return { id, ...connectAckedClient(url, docName(reportDoc(id)), riderToken) };
    });
    const clients = [rider, driver, ...reports];
    const expectation: Expectation = {
      label,
      riderDoc: riderName,
      compaction: c.compaction,
      intents: new Map(),
      actions: [],
      reports: reports.map((r) => r.id),
    };
    expectations.push(expectation);
    try {
      await waitFor(() => clients.every((x) => x.provider.synced), 30_000, `${label}: first sync`);
      if (c.compaction) {
        for (let k = 0; k < 6; k++) {
          expectation.tick = `${k}:${'x'.repeat(100_000)}`;
          rider.doc.getMap(riderDocKeys.preferences).set('bulk', expectation.tick);
          await rider.saved();
        }
      }
      const intentIds: string[] = [];
      for (let k = 0; k < c.intents; k++) {
        const intent = makeIntent();
        writeEntry(rider.doc, riderDocKeys.bookingIntents, intent);
        intentIds.push(intent.id);
        await rider.saved();
      }
      // Recorded on the device over the last seconds (not in the future), in order.
      const base = Date.now() - 10_000;
      for (const [k, action] of ACTIONS.slice(0, c.actions).entries()) {
        const id = randomUUID();
        const at = new Date(base + k * 1000).toISOString();
        writeEntry(driver.doc, driverDocKeys.tripActions, { id, tripId: fx.tripId, action, at });
        expectation.actions.push(id);
        await driver.saved();
      }
      for (const r of reports) {
        r.doc.transact(() => {
          const map = r.doc.getMap(reportDocKeys.report);
          for (const [key, v] of Object.entries(reportFields())) map.set(key, v);
        });
        await r.saved();
      }
      let unacked: string | undefined;
      if (c.unacked) {
        const intent = makeIntent();
        writeEntry(rider.doc, riderDocKeys.bookingIntents, intent);
        unacked = intent.id;
      }
      // Everything above was acknowledged as stored. The devices are gone from here on: nothing is re-sent.
      for (const x of clients) x.provider.destroy();
      await sleep(c.killAfterMs);
      await server.kill();
      await server.start();
      if (c.secondKillAfterMs !== undefined) {
        await sleep(c.secondKillAfterMs);
        await server.kill();
        await server.start();
      }

      // Fresh devices read what the server has: every acknowledged request, each with its answer.
      const riderView = connectClient(url, riderName, riderToken);
      const driverView = connectClient(url, docName(driverDoc(fx.driverId)), driverToken);
      const reportViews = reports.map((r) => connectClient(url, docName(reportDoc(r.id)), riderToken));
      const views = [riderView, driverView, ...reportViews];
      try {
        await waitFor(() => views.every((v) => v.provider.synced), 30_000, `${label}: reader sync`);
        const stored = riderView.doc.getMap(riderDocKeys.bookingIntents);
        for (const id of intentIds) expect(stored.has(id), `${label}: acknowledged intent ${id}`).toBe(true);
        const decided = intentIds.concat(unacked && stored.has(unacked) ? [unacked] : []);
        const decisions = riderView.doc.getMap<Y.Map<unknown>>(riderDocKeys.bookingDecisions);
        await waitFor(
          () => decided.every((id) => decisions.has(id)),
          ANSWER_TIMEOUT_MS,
          `${label}: decisions`,
        );
        for (const id of decided) {
          const { status, tripId, reason } = decisions.get(id)!.toJSON() as Record<string, string>;
          expectation.intents.set(id, { status: status!, tripId, reason });
        }
        if (unacked && !stored.has(unacked)) expectation.intents.set(unacked, null);

        const actions = driverView.doc.getMap(driverDocKeys.tripActions);
        for (const id of expectation.actions) expect(actions.has(id), `${label}: action ${id}`).toBe(true);
        const results = driverView.doc.getMap<Y.Map<unknown>>(driverDocKeys.actionResults);
        await waitFor(
          () => expectation.actions.every((id) => results.has(id)),
          ANSWER_TIMEOUT_MS,
          `${label}: action results`,
        );
        for (const id of expectation.actions) {
          expect(results.get(id)!.toJSON(), `${label}: result of ${id}`).toMatchObject({ ok: true });
        }
        if (expectation.actions.length > 0) {
          const assignments = driverView.doc.getMap<Y.Map<unknown>>(driverDocKeys.assignments);
          const last = ACTIONS[expectation.actions.length - 1]!;
          const status = { arrive: 'driver_arrived', start: 'in_progress' }[last];
          await waitFor(
            () => assignments.get(fx.tripId)?.get('status') === status,
            ANSWER_TIMEOUT_MS,
            `${label}: assignment`,
          );
        }

        for (const [k, v] of reportViews.entries()) {
          const report = v.doc.getMap(reportDocKeys.report);
          expect(report.get('submittedAt'), `${label}: report ${reports[k]!.id}`).toBeTypeOf('string');
          const answer = v.doc.getMap(reportDocKeys.server);
          await waitFor(
            () => answer.get('receivedAt') !== undefined,
            ANSWER_TIMEOUT_MS,
            `${label}: report answer`,
          );
          expect(answer.toJSON(), `${label}: report answer`).toMatchObject({ status: 'submitted' });
          expect(answer.get('missingEvidence') ?? [], `${label}: report answer`).toEqual([]);
        }
        if (expectation.tick) {
          expect(riderView.doc.getMap(riderDocKeys.preferences).get('bulk'), `${label}: bulk`).toBe(
            expectation.tick,
          );
        }
      } finally {
        for (const v of views) v.provider.destroy();
      }
    } finally {
      for (const x of clients) x.provider.destroy();
    }
  }

  it(`SS3/SS4/SS5/SS8: ${RUNS} random crashes lose nothing acknowledged and act on it once`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, (c) => runCase(c, n++)),
      { numRuns: RUNS, endOnFailure: true, examples: [[COMPACTING]] },
    );
    expect(n).toBe(RUNS);

    // The tables, read after one last kill: exactly one trip per stored intent (none for one never stored),
    // the one its decision names; each action once in the trip's history; each report filed once.
    await server.kill();
    const database = await open();
    try {
      const { db } = database;
      const store = new DocStore(db);
      let compacted = 0;
      for (const e of expectations) {
        for (const [intentId, decision] of e.intents) {
          const rows = await db.select().from(trips).where(eq(trips.intentId, intentId));
          const what = `${e.label}: trips of intent ${intentId}`;
          expect(rows, what).toHaveLength(decision === null ? 0 : 1);
          if (decision?.tripId) expect(rows[0]!.id, what).toBe(decision.tripId);
          // Turned down (no vehicle nearby any more, say): the trip row says so, with the decision's reason.
          if (decision?.status === 'rejected') {
            expect(rows[0], what).toMatchObject({ status: 'rejected', rejectReason: decision.reason });
          }
        }
        for (const actionId of e.actions) {
          const rows = await db.select().from(tripEvents).where(eq(tripEvents.actionId, actionId));
          expect(rows, `${e.label}: events of action ${actionId}`).toHaveLength(1);
        }
        for (const reportId of e.reports) {
          const rows = await db.select().from(safetyReports).where(eq(safetyReports.id, reportId));
          expect(rows, `${e.label}: filed report ${reportId}`).toHaveLength(1);
        }
        // What the database holds for the document is what the devices were told was stored.
        const stored = await store.load(e.riderDoc);
        const doc = new Y.Doc();
        Y.applyUpdate(doc, stored.state!);
        const intents = doc.getMap(riderDocKeys.bookingIntents);
        for (const [id, decision] of e.intents)
          expect(intents.has(id), `${e.label}: ${id}`).toBe(decision !== null);
        if (e.tick) expect(doc.getMap(riderDocKeys.preferences).get('bulk'), e.label).toBe(e.tick);
        if (e.compaction) {
          const [row] = await db.select().from(syncDocuments).where(eq(syncDocuments.docName, e.riderDoc));
          const [outside] = await db
            .select({ n: sql<number>`count(*)::int` })
            .from(syncUpdates)
            .where(and(eq(syncUpdates.docName, e.riderDoc), gt(syncUpdates.id, row!.snapshotUpdateId)));
          if (row!.snapshotUpdateId > 0 && outside!.n < 6) compacted++;
        }
      }
      const compactionCases = expectations.filter((e) => e.compaction).length;
      console.info(
        `${kind}: ${RUNS} crash cases, ${compactionCases} with compaction (${compacted} compacted)`,
      );
      expect(compacted, 'at least one large document was compacted').toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  }, 3_600_000);
});

function writeEntry(doc: Y.Doc, key: string, value: Record<string, unknown> & { id: string }): void {
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    doc.getMap<Y.Map<unknown>>(key).set(value.id, entry);
    for (const [k, v] of Object.entries(value)) entry.set(k, v);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

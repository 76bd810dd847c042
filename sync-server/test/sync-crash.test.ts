import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docName, riderDoc } from '@kigaligo/sync-protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../src/db/client';
import { DocStore } from '../src/sync/doc-store';
import { connectAckedClient, waitFor } from '../src/test-support/sync-client';
import { createTestDatabaseUrl, testDatabaseKinds } from '../src/test-support/test-databases';
import { freePort, ServerProcess } from './server-process';

const CLIENTS = 5;

type Op =
  | { kind: 'set'; client: number; key: string; value: number }
  | { kind: 'push'; client: number; value: string }
  | { kind: 'delete'; client: number; key: string }
  | { kind: 'toggle'; client: number }
  | { kind: 'crash' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      client: fc.nat(CLIENTS - 1),
      key: fc.constantFrom('a', 'b', 'c', 'd'),
      value: fc.integer(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('push' as const),
      client: fc.nat(CLIENTS - 1),
      value: fc.string({ maxLength: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      client: fc.nat(CLIENTS - 1),
      key: fc.constantFrom('a', 'b', 'c', 'd'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('toggle' as const), client: fc.nat(CLIENTS - 1) }) },
);

// At least three crashes, spread through the operations.
const scenarioArb = fc
  .tuple(
    fc.array(opArb, { minLength: 30, maxLength: 60 }),
    fc.uniqueArray(fc.nat(59), { minLength: 3, maxLength: 4 }),
  )
  .map(([ops, crashAt]) => {
    const withCrashes: Op[] = [...ops];
    for (const i of [...crashAt].sort((x, y) => y - x))
      withCrashes.splice(Math.min(i, withCrashes.length), 0, { kind: 'crash' });
    return withCrashes;
  });

async function login(url: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'rider@demo.kigaligo.rw', password: 'kigali-rider' }),
  });
  return (await res.json()) as { user: { id: string }; accessToken: string };
}

describe.each(testDatabaseKinds)('sync survives kill -9 on %s (property)', (kind) => {
  it('SS3/SS7: all replicas end identical and every change is in the database', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (ops) => {
        const port = await freePort();
        const dataDir = mkdtempSync(join(tmpdir(), 'kigaligo-crash-'));
        const pg = kind === 'postgres' ? await createTestDatabaseUrl() : undefined;
        const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
        if (pg) env.DATABASE_URL = pg.url;
        const server = new ServerProcess(env);
        /** The stored state vector of the document, read from the database while no server runs. */
        const storedVector = async (docName: string) => {
          const database = await openDatabase({ databaseUrl: pg?.url, dataDir });
          try {
            const stored = await new DocStore(database.db).load(docName);
            const doc = new Y.Doc();
            if (stored.state) Y.applyUpdate(doc, stored.state);
            return Y.decodeStateVector(Y.encodeStateVector(doc));
          } finally {
            await database.close();
          }
        };
        const url = `http://127.0.0.1:${port}`;
        const clients: ReturnType<typeof connectAckedClient>[] = [];
        try {
          await server.start();
          const session = await login(url);
          const name = docName(riderDoc(session.user.id));
          for (let i = 0; i < CLIENTS; i++) clients.push(connectAckedClient(url, name, session.accessToken));
          for (const op of ops) {
            if (op.kind === 'crash') {
              // SS4: whatever any client was told is stored must be in the database the moment the process
              // dies — checked before the restart, so no client can have re-sent it.
              const acked = clients.map((c) => c.acked());
              await server.kill();
              const held = await storedVector(name);
              for (const vector of acked) {
                for (const [client, clock] of vector)
                  expect(held.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
              }
              await server.start();
              continue;
            }
            const c = clients[op.client]!;
            if (op.kind === 'set') c.doc.getMap('m').set(op.key, op.value);
            else if (op.kind === 'push') c.doc.getArray('log').push([op.value]);
            else if (op.kind === 'delete') c.doc.getMap('m').delete(op.key);
            else if (c.provider.shouldConnect) c.provider.disconnect();
            // With a fresh ticket, as the apps reconnect: the last one was spent by the previous socket.
            else void c.connect();
            await new Promise((r) => setTimeout(r, 5));
          }
          for (const c of clients) if (!c.provider.shouldConnect) void c.connect();
          // Map key order depends on arrival order; compare sorted entries.
          const state = (d: Y.Doc) =>
            JSON.stringify({ m: [...d.getMap('m').entries()].sort(), log: d.getArray('log').toJSON() });
          await waitFor(
            () => clients.every((c) => state(c.doc) === state(clients[0]!.doc)),
            20_000,
            'convergence',
          );
          // Every client's state vector is covered by the server's, so the server has every change...
          const expected = state(clients[0]!.doc);
          await waitFor(() => clients.every((c) => c.provider.synced), 20_000, 'synced');
          // Waits for the stored acknowledgement of each client's last change, not for a guessed delay.
          await Promise.all(clients.map((c) => c.saved()));
          for (const c of clients) c.provider.destroy();
          // ...and after one more crash, what the database holds is exactly what the clients hold.
          await server.kill();
          const database = await openDatabase({ databaseUrl: pg?.url, dataDir });
          try {
            const stored = await new DocStore(database.db).load(name);
            const doc = new Y.Doc();
            if (stored.state) Y.applyUpdate(doc, stored.state);
            expect(state(doc)).toBe(expected);
          } finally {
            await database.close();
          }
        } finally {
          for (const c of clients) c.provider.destroy();
          await server.kill();
          await pg?.drop();
          rmSync(dataDir, { recursive: true, force: true });
        }
      }),
      // 3 per database in the test command (each case restarts the server 3–4 times); SYNC_FUZZ_RUNS=50 for a hunt.
      { numRuns: Number(process.env.SYNC_FUZZ_RUNS ?? 3), endOnFailure: true },
    );
  }, 1_200_000);
});

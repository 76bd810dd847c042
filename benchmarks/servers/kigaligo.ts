// Child process: our sync server (startServer) with N riders inserted directly and one access token each
// (the load generator exchanges it for a socket ticket per connection).
import { randomUUID } from 'node:crypto';
import { docName, riderDoc } from '@kigaligo/sync-protocol';
import { startServer } from '@kigaligo/sync-server';
import { hashPassword, signAccessToken, users } from '@kigaligo/sync-server/bench';
import { runAsChild } from '../lib/child-process';

const databaseUrl = process.env.BENCH_CHILD_DATABASE_URL || undefined;
const count = Number(process.env.BENCH_USERS ?? '0');

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  databaseUrl,
  dataDir: 'memory://',
  seed: true,
  logLevel: 'silent',
});

// hashPassword is deliberately slow (scrypt): one hash shared by every benchmark rider.
const passwordHash = await hashPassword('bench-password-not-used');
const ids = Array.from({ length: count }, () => randomUUID());
for (let i = 0; i < ids.length; i += 500) {
  await server.deps.database.db.insert(users).values(
    ids.slice(i, i + 500).map((id) => ({
      id,
      email: `bench-${id}@bench.invalid`,
      passwordHash,
      name: 'Bench rider',
      role: 'rider' as const,
    })),
  );
}
const tokens = await Promise.all(
  ids.map((userId) =>
    signAccessToken({ userId, role: 'rider', sessionId: randomUUID() }, server.deps.jwtSecret),
  ),
);

runAsChild(
  {
    port: server.port,
    docNames: ids.map((id) => docName(riderDoc(id))),
    paths: ids.map((id) => `/sync/${encodeURIComponent(docName(riderDoc(id)))}?v=1`),
    tokens,
    persistence: databaseUrl
      ? 'Postgres: every update appended to sync_updates before it is broadcast; rider reconciler on'
      : 'PGlite in memory (Postgres unreachable): every update appended before broadcast',
  },
  () => server.close(),
);

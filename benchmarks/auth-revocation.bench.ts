// `pnpm bench auth-revocation [--requests 20000] [--revocations 200]`
// What checking an access token against the revoked sessions costs per request (issue #16): the baseline is the
// access-token check alone (HS256 verify, as every authenticated request does), against the same plus
// `SessionRevocations.isRevoked` with 0, 10,000 and 100,000 sessions revoked; and how long a revocation made in
// one process takes to reach another through Redis (REDIS_URL's pub/sub), when Redis is reachable. See
// docs/benchmarks.md.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  createLogger,
  localRevocationBus,
  openDatabase,
  redisRevocationBus,
  runMigrations,
  SessionRevocations,
  signAccessToken,
  verifyAccessToken,
} from '@kigaligo/sync-server/bench';
import { parseFlags } from './lib/flags';
import { MachineLoad } from './lib/machine';
import { fmt, percentile, table } from './lib/stats';

const load = new MachineLoad();
const flags = parseFlags({ requests: 20_000, revocations: 200, redis: 'redis://127.0.0.1:6379' });
if (flags.requests > 1_000_000 || flags.revocations > 10_000) throw new Error('workload over the bounds');

const logger = createLogger('silent');
const database = await openDatabase({ dataDir: 'memory://' });
await runMigrations(database);
const secret = randomUUID();
// A pool of live tokens, as many sessions would send them.
const tokens = await Promise.all(
  Array.from({ length: 1000 }, () =>
    signAccessToken({ userId: randomUUID(), role: 'rider', sessionId: randomUUID() }, secret),
  ),
);

/** Microseconds per request for `check`, over `flags.requests` requests after a warm-up. */
async function perRequest(check: (token: string) => Promise<boolean>): Promise<number> {
  for (let i = 0; i < 2000; i++) await check(tokens[i % tokens.length]!);
  const start = performance.now();
  for (let i = 0; i < flags.requests; i++) await check(tokens[i % tokens.length]!);
  return ((performance.now() - start) * 1000) / flags.requests;
}

const baseline = async (token: string) => (await verifyAccessToken(token, secret)) !== null;
const rows: string[][] = [['check', 'µs per request', 'added by the revocation check']];
const base = await perRequest(baseline);
rows.push(['access token only (baseline)', fmt(base, 2), '—']);
const added: number[] = [];
for (const revokedCount of [0, 10_000, 100_000]) {
  const revocations = new SessionRevocations(database.db, localRevocationBus(), logger);
  await revocations.revoke(Array.from({ length: revokedCount }, () => randomUUID()));
  const ours = await perRequest(async (token) => {
    const claims = await verifyAccessToken(token, secret);
    return claims !== null && !revocations.isRevoked(claims.sessionId);
  });
  added.push(ours - base);
  rows.push([
    `+ isRevoked, ${revokedCount.toLocaleString('en')} revoked`,
    fmt(ours, 2),
    `${fmt(ours - base, 2)} µs (${fmt(((ours - base) / base) * 100, 1)} %)`,
  ]);
  await revocations.close();
}
// The lookup alone, without the token check around it (what the table's differences estimate).
const lookup = new SessionRevocations(database.db, localRevocationBus(), logger);
await lookup.revoke(Array.from({ length: 100_000 }, () => randomUUID()));
const ids = Array.from({ length: 1000 }, () => randomUUID());
const n = flags.requests * 50;
const t0 = performance.now();
let hits = 0;
for (let i = 0; i < n; i++) if (lookup.isRevoked(ids[i % ids.length]!)) hits += 1;
const lookupNs = ((performance.now() - t0) * 1e6) / n;
await lookup.close();

console.log(
  `session revocation per request: ${flags.requests.toLocaleString('en')} requests per row, Node ${process.version}`,
);
console.log(table(rows));
console.log(`isRevoked alone, 100,000 revoked: ${fmt(lookupNs, 0)} ns per lookup (${hits} hits)`);

let propagation: number[] | null = null;
try {
  const [a, b] = await Promise.all([redisRevocationBus(flags.redis), redisRevocationBus(flags.redis)]);
  const here = new SessionRevocations(database.db, a, logger);
  const there = new SessionRevocations(database.db, b, logger);
  propagation = [];
  for (let i = 0; i < flags.revocations; i++) {
    const id = randomUUID();
    const seen = new Promise<number>((resolve) => {
      const stop = there.onRevoked((sid) => {
        if (sid !== id) return;
        stop();
        resolve(performance.now());
      });
    });
    const start = performance.now();
    await here.revoke([id]);
    propagation.push((await seen) - start);
  }
  await Promise.all([here.close(), there.close()]);
} catch (err) {
  console.log(`Redis propagation: skipped (${(err as Error).message})`);
}
if (propagation) {
  console.log(
    `Redis propagation to a second SessionRevocations with its own Redis connections (as another process has), ${propagation.length} revocations: ` +
      `p50 ${fmt(percentile(propagation, 50), 2)} ms, p99 ${fmt(percentile(propagation, 99), 2)} ms`,
  );
}
await database.close();
load.finish();
console.log(`\n${load.describe()}`);
// The rows' differences are within what repeated timings of the same code differ by; the lookup alone is the cost.
console.log(
  `against the baseline (access token check alone, ${fmt(base, 2)} µs): the revocation lookup costs ` +
    `${fmt(lookupNs, 0)} ns = ${fmt((lookupNs / (base * 1000)) * 100, 2)} % per request; the rows above differ ` +
    `by ${fmt(Math.min(...added), 2)} to ${fmt(Math.max(...added), 2)} µs, which is run-to-run noise`,
);
process.exit(0);

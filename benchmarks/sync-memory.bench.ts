// `pnpm bench sync-memory [--low 500] [--high 2500] [--idleSeconds 16] [--deflate 0|1] [--only a,b]`
// Server memory per sync connection, as the slope between two connection counts: each server in its own child
// process, `low` clients connected (each its own document, synced, one update written) and left quiet for
// `idleSeconds`, full GCs, RSS and heap; then up to `high`: both 3 s after the new ones wrote (in use), and after
// `idleSeconds` (quiet). The slopes leave start-up and warm-up out. Baselines in the same run: Hocuspocus and
// the y-websocket server, plus the published figure for the y-redis design. docs/benchmarks.md.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ServerChild } from './lib/child-process';
import { freshDatabase, postgresReachable } from './lib/databases';
import { parseFlags } from './lib/flags';
import { MachineLoad } from './lib/machine';
import { fmt, table } from './lib/stats';
import { socketUrl } from './lib/sync-load';
import { type Dialect, YClient } from './lib/y-client';

/** y-redis (Kevin Jahns' scalable y-websocket backend) publishes ~2.4 KB per idle connection. */
const Y_REDIS_PUBLISHED_BYTES = 2.4 * 1000;
const KiB = 1024;

const load = new MachineLoad();
const flags = parseFlags({
  low: 500,
  high: 2500,
  batch: 100,
  /** Longer than our server keeps a quiet document loaded (10 s, swept every 5 s). */
  idleSeconds: 16,
  /** 1: clients offer permessage-deflate as browsers do (each server decides whether to take it). */
  deflate: 0,
  only: 'kigaligo,hocuspocus,y-websocket',
});
if (flags.low < 1 || flags.high <= flags.low || flags.high > 5000)
  throw new Error('need 1 <= --low < --high <= 5000');

const script = (f: string) => fileURLToPath(new URL(`./servers/${f}`, import.meta.url));
interface Contender {
  name: string;
  script: string;
  dialect: Dialect;
  needsPostgres: boolean;
}
const all: Contender[] = [
  { name: 'kigaligo', script: script('kigaligo.ts'), dialect: 'y-websocket', needsPostgres: false },
  { name: 'hocuspocus', script: script('hocuspocus.ts'), dialect: 'hocuspocus', needsPostgres: true },
  { name: 'y-websocket', script: script('y-websocket.ts'), dialect: 'y-websocket', needsPostgres: false },
];
const contenders = all.filter((c) => flags.only.split(',').includes(c.name));

const havePostgres = await postgresReachable();
console.log(
  `sync memory bench: slope between ${flags.low} and ${flags.high} connections (one document each, synced, one ` +
    `update written, then idle; clients ${flags.deflate === 1 ? 'offer' : 'do not offer'} permessage-deflate)\nmachine: ${os.cpus().length} cores, Node ${process.version}`,
);

/** Opens documents [from, to) and waits until each has synced and its one update is acknowledged by a round trip. */
async function connect(server: ServerChild, dialect: Dialect, from: number, to: number, into: YClient[]) {
  for (let i = from; i < to; i += flags.batch) {
    const batch: YClient[] = [];
    for (let j = i; j < Math.min(to, i + flags.batch); j++)
      batch.push(
        new YClient(
          await socketUrl(server.ready, j),
          server.ready.docNames[j]!,
          dialect,
          undefined,
          flags.deflate === 1,
        ),
      );
    await Promise.all(batch.map((c) => c.synced));
    for (const c of batch) c.tick();
    into.push(...batch);
  }
  // Let the updates be stored and any debounce pass before the GC and the reading.
  await new Promise((r) => setTimeout(r, 3000));
}

const quiet = () => new Promise((r) => setTimeout(r, Math.max(0, flags.idleSeconds - 3) * 1000));

/** Bytes of memory: a reading after full GCs, or bytes per connection between two readings. */
interface Memory {
  rss: number;
  heap: number;
}
const rows = [['server', 'RSS empty MiB', 'KiB per connection in use: RSS', 'heap', 'quiet: RSS', 'heap']];
const quietSlopes = new Map<string, Memory>();
const inUseSlopes = new Map<string, Memory>();
for (const c of contenders) {
  if (c.needsPostgres && !havePostgres) continue;
  const db =
    havePostgres && c.name !== 'y-websocket'
      ? await freshDatabase(`bench_mem_${c.name.replace('-', '_')}`)
      : undefined;
  const server = await ServerChild.start(c.script, {
    BENCH_CHILD_DATABASE_URL: db?.url ?? '',
    BENCH_USERS: String(flags.high),
  });
  const clients: YClient[] = [];
  try {
    const empty = await server.memory();
    await connect(server, c.dialect, 0, flags.low, clients);
    await quiet();
    const atLow = await server.memory();
    await connect(server, c.dialect, flags.low, flags.high, clients);
    const inUse = await server.memory();
    await quiet();
    const atHigh = await server.memory();
    const closed = clients.filter((x) => !x.open).length;
    if (closed > 0) throw new Error(`${c.name}: ${closed} sockets closed during the run`);
    const slope = (to: Memory): Memory => ({
      rss: (to.rss - atLow.rss) / (flags.high - flags.low),
      heap: (to.heap - atLow.heap) / (flags.high - flags.low),
    });
    const [inUseSlope, quietSlope] = [slope(inUse), slope(atHigh)];
    inUseSlopes.set(c.name, inUseSlope);
    quietSlopes.set(c.name, quietSlope);
    rows.push([
      c.name,
      fmt(empty.rss / KiB / KiB, 0),
      fmt(inUseSlope.rss / KiB, 1),
      fmt(inUseSlope.heap / KiB, 1),
      fmt(quietSlope.rss / KiB, 1),
      fmt(quietSlope.heap / KiB, 1),
    ]);
    console.log(
      `== ${c.name}: per connection in use ${fmt(inUseSlope.rss / KiB, 1)} KiB RSS, ${fmt(inUseSlope.heap / KiB, 1)} KiB heap; quiet ${fmt(quietSlope.rss / KiB, 1)} KiB RSS, ${fmt(quietSlope.heap / KiB, 1)} KiB heap`,
    );
  } finally {
    for (const x of clients) x.close();
    await server.stop();
    await db?.drop();
  }
}
rows.push(['y-redis (published, idle)', '', '', '', '', fmt(Y_REDIS_PUBLISHED_BYTES / KiB, 1)]);
console.log(`\n${table(rows)}\n`);

load.finish();
/**
 * Judged on the heap (JS heap plus external memory after full GCs): exact, and it holds everything a server keeps
 * per connection but the sockets' native part, which is the same `ws` and `net` code in every contender. RSS is
 * printed but not judged: our server's grows and shrinks by what the allocator keeps from its start-up (seed,
 * network, GTFS), which moved its slope between -11 and +26 KiB per connection in runs of the same code.
 */
function judge(label: string, slopes: Map<string, Memory>) {
  const [ours, hp] = [slopes.get('kigaligo'), slopes.get('hocuspocus')];
  if (!ours || !hp) return console.log(`  ${label}: not measured (a server did not run)`);
  console.log(
    `  ${label} <= 1/2 Hocuspocus (heap): ${load.verdict(ours.heap <= hp.heap / 2)} (heap ${fmt(ours.heap / hp.heap, 2)}x; RSS, not judged: ${fmt(ours.rss / hp.rss, 2)}x)`,
  );
}
console.log(`target (issue #20), ${load.describe()}:`);
judge('memory per quiet connection', quietSlopes);
judge('memory per connection in use', inUseSlopes);
const ours = quietSlopes.get('kigaligo');
if (ours !== undefined)
  console.log(
    `  a quiet connection's heap vs y-redis's published idle figure: ${fmt(ours.heap / Y_REDIS_PUBLISHED_BYTES, 1)}x`,
  );

// `pnpm bench sync [--clients 1000] [--seconds 60] [--observe N] [--rate 1] [--warmup 5] [--only a,b]`
// Our sync server against Hocuspocus (Postgres) and the reference y-websocket server, one after the other,
// each in its own child process on a fresh database, under the same workload. See docs/benchmarks.md.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ServerChild } from './lib/child-process';
import { freshDatabase, postgresReachable } from './lib/databases';
import { parseFlags } from './lib/flags';
import { MachineLoad } from './lib/machine';
import { fmt, table } from './lib/stats';
import { type LoadResult, p, runLoad } from './lib/sync-load';
import type { Dialect } from './lib/y-client';

const load = new MachineLoad();
const flags = parseFlags({
  clients: 1000,
  seconds: 60,
  /** Documents with a second, observing connection (default: all). */
  observe: -1,
  rate: 1,
  warmup: 5,
  connectBatch: 100,
  only: 'kigaligo,hocuspocus,y-websocket',
  /** Diagnostic: `off` makes commits on the benchmark databases stop waiting for fsync. */
  synchronousCommit: 'on',
});
if (flags.synchronousCommit !== 'on' && flags.synchronousCommit !== 'off')
  throw new Error('--synchronousCommit on|off');
const observe = flags.observe < 0 ? flags.clients : flags.observe;
if (flags.seconds <= flags.warmup) throw new Error('--seconds must be longer than --warmup');
// Bounded in count and time: at most 5,000 clients, 10 updates/s each, 10 minutes.
if (flags.clients > 5000 || flags.rate > 10 || flags.seconds > 600)
  throw new Error('workload over the bounds');

interface Contender {
  name: string;
  script: string;
  dialect: Dialect;
  needsPostgres: boolean;
}
const script = (f: string) => fileURLToPath(new URL(`./servers/${f}`, import.meta.url));
const all: Contender[] = [
  { name: 'kigaligo', script: script('kigaligo.ts'), dialect: 'y-websocket', needsPostgres: false },
  { name: 'hocuspocus', script: script('hocuspocus.ts'), dialect: 'hocuspocus', needsPostgres: true },
  { name: 'y-websocket', script: script('y-websocket.ts'), dialect: 'y-websocket', needsPostgres: false },
];
const contenders = all.filter((c) => flags.only.split(',').includes(c.name));

const havePostgres = await postgresReachable();
console.log(
  `sync bench: ${flags.clients} clients (one document each), ${observe} observed documents, ${flags.rate} update/s ` +
    `per client for ${flags.seconds} s (first ${flags.warmup} s not measured)\n` +
    `machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
if (flags.synchronousCommit === 'off')
  console.log('DIAGNOSTIC: synchronous_commit = off on the benchmark databases');
if (!havePostgres)
  console.log(
    'NOTE: Postgres is unreachable: our server runs on in-memory PGlite and Hocuspocus is skipped.',
  );

const results = new Map<string, { r: LoadResult; persistence: string }>();
for (const c of contenders) {
  if (c.needsPostgres && !havePostgres) continue;
  const db =
    havePostgres && c.name !== 'y-websocket'
      ? await freshDatabase(`bench_${c.name.replace('-', '_')}`, {
          synchronousCommit: flags.synchronousCommit,
        })
      : undefined;
  console.log(
    `\n== ${c.name}: starting (load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')})`,
  );
  const server = await ServerChild.start(c.script, {
    BENCH_CHILD_DATABASE_URL: db?.url ?? '',
    BENCH_USERS: String(flags.clients),
  });
  try {
    const r = await runLoad(server, c.dialect, { ...flags, observe });
    results.set(c.name, { r, persistence: server.ready.persistence });
    console.log(
      `   connected ${r.connections} sockets in ${fmt(r.connectSeconds)} s; sent ${r.sent}; ` +
        `delivered ${fmt(r.deliveredPerSecond, 0)}/s; lost ${r.lost}; p50 ${fmt(p(r, 50))} ms; p99 ${fmt(p(r, 99))} ms`,
    );
  } finally {
    await server.stop();
    await db?.drop();
  }
}

const MiB = 2 ** 20;
const perConn = (r: LoadResult) => (r.rssAfter - r.rssBefore) / r.connections;
const rows = [
  [
    'server',
    'conns',
    'offered/s',
    'delivered/s',
    'lost',
    'p50 ms',
    'p99 ms',
    'max ms',
    'RSS idle MiB',
    'RSS loaded MiB',
    'KiB/conn',
    'server CPU s',
    'client lag p99 ms',
    'closed early',
  ],
];
for (const [name, { r }] of results) {
  rows.push([
    name,
    String(r.connections),
    fmt(r.offeredPerSecond, 0),
    fmt(r.deliveredPerSecond, 0),
    String(r.lost),
    fmt(p(r, 50)),
    fmt(p(r, 99)),
    fmt(p(r, 100)),
    fmt(r.rssBefore / MiB, 0),
    fmt(r.rssAfter / MiB, 0),
    fmt(perConn(r) / 1024),
    fmt(r.serverCpuSeconds),
    fmt(r.clientLoopP99Ms),
    [...r.unexpectedCloses].map(([code, n]) => `${n}×${code}`).join(' ') || '0',
  ]);
}
console.log(`\n${table(rows)}\n`);
for (const [name, { persistence }] of results) console.log(`${name}: ${persistence}`);

const ours = results.get('kigaligo')?.r;
const hp = results.get('hocuspocus')?.r;
const yws = results.get('y-websocket')?.r;
if (ours) {
  console.log('\nratios (ours ÷ baseline):');
  for (const [name, base] of [
    ['hocuspocus', hp],
    ['y-websocket', yws],
  ] as const) {
    if (!base) continue;
    console.log(
      `  vs ${name}: throughput ${fmt(ours.deliveredPerSecond / base.deliveredPerSecond, 2)}×, memory/conn ` +
        `${fmt(perConn(ours) / perConn(base), 2)}×, p99 ${fmt(p(ours, 99) / p(base, 99), 2)}×, ` +
        `server CPU ${fmt(ours.serverCpuSeconds / base.serverCpuSeconds, 2)}×`,
    );
  }
  load.finish();
  console.log(`\ntargets (from the issue), ${load.describe()}:`);
  if (hp) {
    const ratio = ours.deliveredPerSecond / hp.deliveredPerSecond;
    const bothKeptUp = [ours, hp].every((r) => r.deliveredPerSecond >= 0.99 * r.offeredPerSecond);
    console.log(
      `  throughput >= 1.5x Hocuspocus: ${load.verdict(ratio >= 1.5)} (${fmt(ratio, 2)}x)` +
        (bothKeptUp
          ? ' — both delivered the whole offered load, so this compares the offered rate, not capacity; raise --rate to find the ceiling'
          : ''),
    );
    const mem = perConn(ours) / perConn(hp);
    console.log(
      perConn(ours) > 0 && perConn(hp) > 0
        ? `  memory per connection <= 1/2 Hocuspocus: ${load.verdict(mem <= 0.5)} (${fmt(mem, 2)}x)`
        : '  memory per connection: not measurable (an RSS delta is <= 0: too few connections for the noise)',
    );
  } else console.log('  throughput and memory vs Hocuspocus: not measured (Hocuspocus did not run)');
  console.log(`  p99 propagation < 50 ms: ${load.verdict(p(ours, 99) < 50)} (${fmt(p(ours, 99))} ms)`);
}

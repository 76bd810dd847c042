// `pnpm bench sync-saturation [--clients 1000] [--workers 2] [--rates 1,2,4,8,12,16,24] [--stepSeconds 12]
//   [--warmup 3] [--only kigaligo,hocuspocus,y-websocket]`
// Saturation throughput: each server (in its own child process, on a fresh database) gets the same documents,
// each with a writer and an observer, spread over several load-generator processes so the clients are never
// the ceiling. The offered rate rises step by step until a server falls behind; its saturation throughput is
// the most ticks per second it delivered in any step. Each step also says where the machine's CPU went per
// 1,000 updates: the server, PostgreSQL's processes and the load generators. See docs/benchmarks.md.
import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, cpuSince, postgresCpu, ServerChild } from './lib/child-process';
import { freshDatabase, postgresReachable } from './lib/databases';
import { parseFlags } from './lib/flags';
import { MachineLoad } from './lib/machine';
import { fmt, percentile, table } from './lib/stats';
import type { Dialect } from './lib/y-client';
import type { StepReport, WorkerCommand, WorkerReply } from './sync-saturation/load-worker';

const load = new MachineLoad();
const flags = parseFlags({
  clients: 1000,
  workers: Math.max(2, os.cpus().length),
  /** Updates per second per client, one step each, in this order. */
  rates: '1,2,4,8,12,16,24',
  stepSeconds: 12,
  warmup: 3,
  connectBatch: 50,
  only: 'kigaligo,hocuspocus,y-websocket',
});
const rates = flags.rates.split(',').map(Number);
// Bounded in count and time: at most 5,000 documents, 8 workers, 50 updates/s each, 12 steps of 60 s.
if (
  flags.clients > 5000 ||
  flags.workers > 8 ||
  rates.length > 12 ||
  rates.some((r) => !(r > 0 && r <= 50)) ||
  flags.stepSeconds > 60 ||
  flags.stepSeconds <= flags.warmup
)
  throw new Error('workload over the bounds (or --stepSeconds not longer than --warmup)');

interface Contender {
  name: string;
  script: string;
  dialect: Dialect;
  needsPostgres: boolean;
}
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const all: Contender[] = [
  { name: 'kigaligo', script: here('./servers/kigaligo.ts'), dialect: 'y-websocket', needsPostgres: false },
  { name: 'hocuspocus', script: here('./servers/hocuspocus.ts'), dialect: 'hocuspocus', needsPostgres: true },
  {
    name: 'y-websocket',
    script: here('./servers/y-websocket.ts'),
    dialect: 'y-websocket',
    needsPostgres: false,
  },
];
const contenders = all.filter((c) => flags.only.split(',').includes(c.name));

/** A load-generator process and a promise-returning request/answer over its IPC channel. */
class Worker {
  private readonly child: ChildProcess;
  private waiting: ((m: WorkerReply) => void) | undefined;
  constructor() {
    this.child = fork(here('./sync-saturation/load-worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: WorkerReply) => this.waiting?.(m));
  }
  ask<T extends WorkerReply>(cmd: WorkerCommand): Promise<T> {
    return new Promise((resolve, reject) => {
      this.waiting = (m) => (m.type === 'error' ? reject(new Error(m.message)) : resolve(m as T));
      this.child.send(cmd);
    });
  }
  get pid(): number {
    return this.child.pid!;
  }
  close(): void {
    if (this.child.connected) this.child.send({ type: 'close' } satisfies WorkerCommand);
  }
}

interface StepRow {
  rate: number;
  offered: number;
  delivered: number;
  p50: number;
  p99: number;
  behind: number;
  cpuPerThousand: number;
  /** Where else the machine's CPU went per 1,000 updates: PostgreSQL's processes, the load generators. */
  postgresPerThousand: number;
  loadGenPerThousand: number;
  workerLagMs: number;
  keptUp: boolean;
}

console.log(
  `sync saturation bench: ${flags.clients} documents (writer + observer each) over ${flags.workers} load-generator ` +
    `processes; steps of ${flags.stepSeconds} s (first ${flags.warmup} s not measured) at ${rates.join(', ')} ` +
    `updates/s per document\nmachine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}`,
);
const havePostgres = await postgresReachable();
const results = new Map<string, StepRow[]>();
for (const c of contenders) {
  if (c.needsPostgres && !havePostgres) {
    console.log(`\n== ${c.name}: skipped (Postgres unreachable)`);
    continue;
  }
  const db =
    havePostgres && c.name !== 'y-websocket'
      ? await freshDatabase(`bench_sat_${c.name.replace('-', '_')}`)
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
  const workers = Array.from({ length: flags.workers }, () => new Worker());
  const rows: StepRow[] = [];
  try {
    const slice = Math.ceil(flags.clients / flags.workers);
    await Promise.all(
      workers.map((w, i) =>
        w.ask({
          type: 'connect',
          server: server.ready,
          dialect: c.dialect,
          from: i * slice,
          to: Math.min(flags.clients, (i + 1) * slice),
          batch: flags.connectBatch,
        }),
      ),
    );
    for (const rate of rates) {
      const cpu0 = cpuSeconds(server.pid);
      const pg0 = postgresCpu();
      const gen0 = workers.reduce((s, w) => s + cpuSeconds(w.pid), 0);
      const reports = await Promise.all(
        workers.map((w) =>
          w.ask<StepReport>({ type: 'step', rate, seconds: flags.stepSeconds, warmup: flags.warmup }),
        ),
      );
      const cpu = cpuSeconds(server.pid) - cpu0;
      const pg = cpuSince(pg0, postgresCpu());
      const gen = workers.reduce((s, w) => s + cpuSeconds(w.pid), 0) - gen0;
      const window = flags.stepSeconds - flags.warmup;
      const latencies = reports.flatMap((r) => r.latencies);
      const delivered = reports.reduce((s, r) => s + r.delivered, 0) / window;
      const offered = flags.clients * rate;
      const behind = reports.reduce((s, r) => s + r.behind, 0);
      const sent = reports.reduce((s, r) => s + r.sent, 0);
      // Kept up: (almost) all the offered ticks arrived within the window, and nothing was left after the drain.
      const keptUp = delivered >= 0.97 * offered && behind === 0;
      const row: StepRow = {
        rate,
        offered,
        delivered,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        behind,
        cpuPerThousand: (cpu / sent) * 1000,
        postgresPerThousand: (pg / sent) * 1000,
        loadGenPerThousand: (gen / sent) * 1000,
        workerLagMs: Math.max(...reports.map((r) => r.loopP99Ms)),
        keptUp,
      };
      rows.push(row);
      console.log(
        `   ${rate}/s per document: offered ${offered}/s, delivered ${fmt(delivered, 0)}/s, p50 ${fmt(row.p50)} ms, ` +
          `p99 ${fmt(row.p99)} ms, behind ${behind}, CPU s per 1,000 updates: server ${fmt(row.cpuPerThousand, 2)}, ` +
          `Postgres ${fmt(row.postgresPerThousand, 2)}, load generators ${fmt(row.loadGenPerThousand, 2)}, ` +
          `load-generator lag p99 ${fmt(row.workerLagMs)} ms${keptUp ? '' : ' — FELL BEHIND'}`,
      );
      if (!keptUp) break;
    }
  } finally {
    for (const w of workers) w.close();
    await server.stop();
    await db?.drop();
  }
  results.set(c.name, rows);
}
load.finish();

const saturation = (rows: StepRow[]) => Math.max(0, ...rows.map((r) => r.delivered));
const summary = [
  [
    'server',
    'saturation delivered/s',
    'highest rate kept up',
    'at it: p99 ms',
    'CPU s / 1,000 updates: server',
    'Postgres',
    'load generators',
    'max load-gen lag ms',
  ],
];
for (const [name, rows] of results) {
  const kept = rows.filter((r) => r.keptUp).at(-1);
  summary.push([
    name,
    fmt(saturation(rows), 0),
    kept ? `${fmt(kept.offered, 0)}/s` : 'none',
    kept ? fmt(kept.p99) : '–',
    kept ? fmt(kept.cpuPerThousand, 2) : '–',
    kept ? fmt(kept.postgresPerThousand, 2) : '–',
    kept ? fmt(kept.loadGenPerThousand, 2) : '–',
    fmt(Math.max(...rows.map((r) => r.workerLagMs))),
  ]);
}
console.log(`\n${table(summary)}\n`);
const ours = results.get('kigaligo');
const hp = results.get('hocuspocus');
console.log(`targets (from the issue), ${load.describe()}:`);
if (ours && hp) {
  const ratio = saturation(ours) / saturation(hp);
  const neverFell = [ours, hp].some((rows) => rows.every((r) => r.keptUp));
  console.log(
    `  saturation throughput >= 1.5x Hocuspocus: ${load.verdict(ratio >= 1.5)} (${fmt(ratio, 2)}x)` +
      (neverFell ? ' — a server kept up at every step: add higher --rates to find its ceiling' : ''),
  );
} else console.log('  saturation vs Hocuspocus: not measured (both must run)');
const lagged = [...results.values()].flat().some((r) => r.workerLagMs > 100);
if (lagged)
  console.log(
    '  NOTE: a load generator lagged over 100 ms in some step: add --workers (or cores) before trusting that step',
  );

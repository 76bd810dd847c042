// Child process of `pnpm bench sync-saturation`: one slice of the documents, each with a writer and an
// observer connection in this process (so a tick's latency is read on one clock), driven step by step by the
// parent over IPC. Several of these run at once so the load generator is never the ceiling.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ReadyMessage } from '../lib/child-process';
import { socketUrl } from '../lib/sync-load';
import { type Dialect, YClient } from '../lib/y-client';

export type WorkerCommand =
  | { type: 'connect'; server: ReadyMessage; dialect: Dialect; from: number; to: number; batch: number }
  | { type: 'step'; rate: number; seconds: number; warmup: number }
  | { type: 'close' };

export interface StepReport {
  type: 'step-done';
  sent: number;
  /** Ticks that reached their observer inside the measured window. */
  delivered: number;
  /** Propagation latencies (ms) of ticks sent inside the window, rounded to 0.1 ms. */
  latencies: number[];
  /** Ticks still missing at an observer after the bounded drain. */
  behind: number;
  loopP99Ms: number;
  closed: number;
}

export type WorkerReply =
  | { type: 'connected'; connections: number }
  | StepReport
  | { type: 'error'; message: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const reply = (m: WorkerReply) => process.send?.(m);

let writers: YClient[] = [];
let observers: YClient[] = [];
let lastSeen = new Int32Array(0);
let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.POSITIVE_INFINITY;
let delivered = 0;
let latencies: number[] = [];

async function connect(cmd: Extract<WorkerCommand, { type: 'connect' }>): Promise<void> {
  const count = cmd.to - cmd.from;
  lastSeen = new Int32Array(count);
  for (let i = 0; i < count; i += cmd.batch) {
    const batch: YClient[] = [];
    for (let k = i; k < Math.min(count, i + cmd.batch); k++) {
      const j = cmd.from + k;
      const name = cmd.server.docNames[j]!;
      const w = new YClient(await socketUrl(cmd.server, j), name, cmd.dialect);
      const o = new YClient(await socketUrl(cmd.server, j), name, cmd.dialect, (seq, sentAt) => {
        if (seq <= lastSeen[k]!) return;
        const now = performance.now();
        const fresh = seq - lastSeen[k]!;
        lastSeen[k] = seq;
        if (sentAt >= windowStart && sentAt < windowEnd) latencies.push(Math.round((now - sentAt) * 10) / 10);
        if (now >= windowStart && now < windowEnd) delivered += fresh;
      });
      writers.push(w);
      observers.push(o);
      batch.push(w, o);
    }
    await Promise.all(batch.map((c) => c.synced));
  }
  reply({ type: 'connected', connections: writers.length + observers.length });
}

/** One rate step: every writer ticks `rate` times a second, spread evenly, then a bounded drain. */
async function step(cmd: Extract<WorkerCommand, { type: 'step' }>): Promise<void> {
  delivered = 0;
  latencies = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const period = 1000 / cmd.rate;
  const t0 = performance.now();
  windowStart = t0 + cmd.warmup * 1000;
  windowEnd = t0 + cmd.seconds * 1000;
  loop.enable();
  let sent = 0;
  const timers: NodeJS.Timeout[] = [];
  writers.forEach((w, i) => {
    timers.push(
      setTimeout(
        () => {
          const every = setInterval(() => {
            if (performance.now() >= windowEnd || !w.open) return clearInterval(every);
            w.tick();
            sent++;
          }, period);
          timers.push(every);
        },
        (i / writers.length) * period,
      ),
    );
  });
  await sleep(cmd.seconds * 1000);
  for (const t of timers) clearTimeout(t);
  loop.disable();
  // Drain (at most 10 s) so the next step starts without this one's backlog; what is left is reported.
  const want = writers.map((w) => w.doc.getMap<[number, number]>('preferences').get('benchTick')?.[0] ?? 0);
  for (let waited = 0; waited < 10_000 && want.some((s, k) => lastSeen[k]! < s); waited += 100)
    await sleep(100);
  const behind = want.reduce((sum, s, k) => sum + Math.max(0, s - lastSeen[k]!), 0);
  const closed = [...writers, ...observers].filter((c) => c.closeCode !== undefined).length;
  reply({
    type: 'step-done',
    sent,
    delivered,
    latencies,
    behind,
    loopP99Ms: loop.percentile(99) / 1e6,
    closed,
  });
}

process.on('message', (cmd: WorkerCommand) => {
  const run =
    cmd.type === 'connect'
      ? connect(cmd)
      : cmd.type === 'step'
        ? step(cmd)
        : Promise.resolve().then(() => {
            for (const c of [...writers, ...observers]) c.close();
            writers = [];
            observers = [];
            process.exit(0);
          });
  run.catch((err: unknown) => reply({ type: 'error', message: String(err) }));
});
process.on('disconnect', () => process.exit(0));

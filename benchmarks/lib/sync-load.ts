import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpuSeconds, type ReadyMessage, type ServerChild } from './child-process';
import { percentile } from './stats';
import { type Dialect, YClient } from './y-client';

export interface LoadOptions {
  clients: number;
  /** Documents that get a second (observing) connection; propagation latency is measured on these. */
  observe: number;
  seconds: number;
  warmup: number;
  /** Updates per second per client. */
  rate: number;
  /** Sockets opened at once while connecting. */
  connectBatch: number;
}

export interface LoadResult {
  connections: number;
  connectSeconds: number;
  sent: number;
  /** Ticks that reached their observer during the measured window, per second, scaled to all documents. */
  deliveredPerSecond: number;
  offeredPerSecond: number;
  /** Ticks sent to observed documents that never reached the observer (after a 10 s drain). */
  lost: number;
  latencies: number[];
  rssBefore: number;
  rssAfter: number;
  serverCpuSeconds: number;
  unexpectedCloses: Map<number, number>;
  /** p99 event-loop delay of the load generator: large values mean the client, not the server, was the limit. */
  clientLoopP99Ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The URL to open document `i`'s socket at. Our server wants a fresh single-use ticket for each connection
 * (fetched as the apps do, so a connect phase includes it); the other servers take the path as it is.
 */
export async function socketUrl(
  server: Pick<ReadyMessage, 'port' | 'paths' | 'tokens'>,
  i: number,
): Promise<string> {
  const { port, paths, tokens } = server;
  if (!tokens) return `ws://127.0.0.1:${port}${paths[i]}`;
  const res = await fetch(`http://127.0.0.1:${port}/api/sync/ticket`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` },
    body: JSON.stringify({ purpose: 'sync' }),
  });
  if (!res.ok) throw new Error(`socket ticket refused: ${res.status}`);
  const { ticket } = (await res.json()) as { ticket: string };
  return `ws://127.0.0.1:${port}${paths[i]}&ticket=${ticket}`;
}

/** Connects writers and observers to a running server child, sends ticks at a fixed rate, measures. */
export async function runLoad(server: ServerChild, dialect: Dialect, opts: LoadOptions): Promise<LoadResult> {
  const { docNames } = server.ready;
  const url = (i: number) => socketUrl(server.ready, i);
  const observed = Math.min(opts.observe, opts.clients);
  const rssBefore = await server.rss();

  const latencies: number[] = [];
  const lastSeen = new Int32Array(observed);
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  let deliveredInWindow = 0;

  const started = performance.now();
  const writers: YClient[] = [];
  const observers: YClient[] = [];
  for (let i = 0; i < opts.clients; i += opts.connectBatch) {
    const batch: YClient[] = [];
    for (let j = i; j < Math.min(opts.clients, i + opts.connectBatch); j++) {
      const w = new YClient(await url(j), docNames[j]!, dialect);
      writers.push(w);
      batch.push(w);
      if (j < observed) {
        const o = new YClient(await url(j), docNames[j]!, dialect, (seq, sentAt) => {
          const now = performance.now();
          if (seq <= lastSeen[j]!) return;
          const fresh = seq - lastSeen[j]!;
          lastSeen[j] = seq;
          if (sentAt >= windowStart && sentAt < windowEnd) latencies.push(now - sentAt);
          if (now >= windowStart && now < windowEnd) deliveredInWindow += fresh;
        });
        observers.push(o);
        batch.push(o);
      }
    }
    await Promise.all(batch.map((c) => c.synced));
  }
  const connectSeconds = (performance.now() - started) / 1000;

  // Each client ticks every 1/rate s, clients spread evenly over that period, for `seconds` in all.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const cpu0 = cpuSeconds(server.pid);
  const period = 1000 / opts.rate;
  const t0 = performance.now();
  windowStart = t0 + opts.warmup * 1000;
  windowEnd = t0 + opts.seconds * 1000;
  loop.enable();
  let sent = 0;
  const timers: NodeJS.Timeout[] = [];
  writers.forEach((w, i) => {
    const start = setTimeout(
      () => {
        const every = setInterval(() => {
          if (performance.now() >= windowEnd || !w.open) return clearInterval(every);
          w.tick();
          sent++;
        }, period);
        timers.push(every);
      },
      (i / writers.length) * period,
    );
    timers.push(start);
  });
  await sleep(opts.seconds * 1000);
  for (const t of timers) clearTimeout(t);
  loop.disable();
  const serverCpuSeconds = cpuSeconds(server.pid) - cpu0;

  // Drain: wait (bounded) until every observer has the last tick its writer sent.
  const target = () =>
    writers
      .slice(0, observed)
      .map((w) => w.doc.getMap<[number, number]>('preferences').get('benchTick')?.[0] ?? 0);
  const want = target();
  for (let waited = 0; waited < 10_000 && want.some((s, j) => lastSeen[j]! < s); waited += 100)
    await sleep(100);
  const lost = want.reduce((sum, s, j) => sum + Math.max(0, s - lastSeen[j]!), 0);

  const rssAfter = await server.rss();
  const unexpectedCloses = new Map<number, number>();
  for (const c of [...writers, ...observers]) {
    if (c.closeCode !== undefined)
      unexpectedCloses.set(c.closeCode, (unexpectedCloses.get(c.closeCode) ?? 0) + 1);
    c.close();
  }
  const windowSeconds = opts.seconds - opts.warmup;
  return {
    connections: writers.length + observers.length,
    connectSeconds,
    sent,
    deliveredPerSecond: observed
      ? (deliveredInWindow / windowSeconds) * (opts.clients / observed)
      : Number.NaN,
    offeredPerSecond: opts.clients * opts.rate,
    lost,
    latencies,
    rssBefore,
    rssAfter,
    serverCpuSeconds,
    unexpectedCloses,
    clientLoopP99Ms: loop.percentile(99) / 1e6,
  };
}

export const p = (r: LoadResult, q: number) => percentile(r.latencies, q);

// `pnpm bench tracking [--fixes 100000] [--uploaders 4] [--subscribers 5000] [--subscriberProcs 1] [--pings 20]`
// 1. Ingest: batched uploads through POST /api/vehicles/:id/positions into real Postgres, rows/s, against a raw
//    COPY of the same rows into the same table in the same run (baseline). Target ≥ 50 % of COPY. Once by one
//    driver posting batch after batch, once by `uploaders` drivers on their own motos at once (a fleet's phones).
// 2. Fan-out: one position to N /live subscribers: p50/p99 delivery latency (target p99 < 100 ms) and server
//    memory per subscriber (target ≤ 4 KiB), as the slope of the server's RSS after full GCs between N/5 and N
//    subscribers (the server runs in a child process so its RSS is its own). Baseline in the same run: a bare
//    `ws` server with /live's options and the same clients, the floor any server on `ws` starts from.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import WebSocket from 'ws';
import { memoryAfterGc, ServerChild } from './lib/child-process';
import { MachineLoad } from './lib/machine';
import type { SubscriberCommand, SubscriberReply } from './tracking/live-subscribers';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FIXES = arg('fixes', 100_000);
const SUBSCRIBERS = arg('subscribers', 5000);
const PINGS = arg('pings', 20);
const UPLOADERS = arg('uploaders', 4);
// Client processes the /live subscribers are spread over (apart from the one posting the positions). On 2 cores
// one is fastest: every process more competes with the server for the same cores.
const SUBSCRIBER_PROCS = arg('subscriberProcs', 1);
// Subscribers offer permessage-deflate as browsers do; --deflate 0 measures the same without.
const DEFLATE = arg('deflate', 1) === 1;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there (open it in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const gcOnRequest = ['--expose-gc', '--import', 'tsx', '--import', './benchmarks/lib/gc-on-request.ts'];
  const child = spawn(process.execPath, [...prof, ...gcOnRequest, 'sync-server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      // The demo fleet stays parked: the bench's own fixes are the only ones moving a vehicle.
      DEMO_SIMULATION: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Demo accounts')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  return child;
}

async function api(base: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads loosely shaped API answers.
  return res.json() as Promise<Record<string, any>>;
}

/**
 * Opens `count` /live-style sockets in this process (each URL from `url()`), each subscribing as the app does,
 * and resolves once every one has its snapshot: the bare ws baseline's clients.
 */
async function subscribe(count: number, url: () => Promise<string>, into: WebSocket[]) {
  for (let i = 0; i < count; i += 250) {
    await Promise.all(
      Array.from({ length: Math.min(250, count - i) }, async () => {
        const to = await url();
        return new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(to, { perMessageDeflate: DEFLATE });
          ws.on('message', (d: Buffer) => {
            const m = JSON.parse(d.toString());
            if (m.type === 'snapshot') resolve();
          });
          // The app subscribes as soon as the socket opens; a silent socket is closed at the handshake deadline.
          ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe' })));
          ws.on('error', reject);
          into.push(ws);
        });
      }),
    );
  }
  // Let the last handshakes' garbage become garbage before a reading.
  await new Promise((r) => setTimeout(r, 1000));
}

/**
 * The /live subscribers of our server, spread over `procs` child processes (benchmarks/tracking/
 * live-subscribers.ts) so that reading 5,000 frames per position is not one event loop's queue.
 */
class SubscriberProcs {
  private readonly procs: ChildProcess[];

  constructor(procs: number) {
    const worker = fileURLToPath(new URL('./tracking/live-subscribers.ts', import.meta.url));
    this.procs = Array.from({ length: procs }, () =>
      fork(worker, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
  }

  private ask<T extends SubscriberReply['type']>(
    proc: ChildProcess,
    command: SubscriberCommand,
    want: T,
  ): Promise<Extract<SubscriberReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: SubscriberReply) => {
        if (m.type !== want && m.type !== 'error') return;
        proc.off('message', onMessage);
        if (m.type === 'error') reject(new Error(m.message));
        else resolve(m as Extract<SubscriberReply, { type: T }>);
      };
      proc.on('message', onMessage);
      proc.send(command);
    });
  }

  /** Opens one socket per URL, shared out over the processes; resolves once each has its snapshot. */
  async subscribe(urls: string[]): Promise<void> {
    await Promise.all(
      this.procs.map((proc, i) =>
        this.ask(
          proc,
          { type: 'subscribe', urls: urls.filter((_, j) => j % this.procs.length === i), deflate: DEFLATE },
          'subscribed',
        ),
      ),
    );
  }

  /** When each subscriber received each position, by its recordedAt (epoch ms, sub-millisecond). */
  async arrivals(): Promise<Map<string, number[]>> {
    const all = new Map<string, number[]>();
    for (const proc of this.procs)
      for (const [at, times] of Object.entries(
        (await this.ask(proc, { type: 'report' }, 'arrivals')).arrivals,
      ))
        all.set(at, [...(all.get(at) ?? []), ...times]);
    return all;
  }

  close(): void {
    for (const proc of this.procs) proc.send({ type: 'close' } satisfies SubscriberCommand);
  }
}
/** Epoch ms with sub-millisecond precision, comparable across this machine's processes. */
const clock = () => performance.timeOrigin + performance.now();

const KiB = 1024;
/** The fewer subscribers of the two memory readings: the slope leaves start-up and warm-up out. */
const LOW = Math.max(1, Math.floor(SUBSCRIBERS / 5));

type Memory = Awaited<ReturnType<typeof memoryAfterGc>>;
/** Bytes per subscriber between two readings, of the resident set and of the heap. */
const slope = (low: Memory, high: Memory): Memory => ({
  rss: (high.rss - low.rss) / (SUBSCRIBERS - LOW),
  heap: (high.heap - low.heap) / (SUBSCRIBERS - LOW),
});
const kib = (b: number) => `${(b / KiB).toFixed(1)} KiB`;

/** The bare `ws` server's memory per socket, with the same clients (benchmarks/servers/bare-ws.ts). */
async function bareWsPerSocket(): Promise<Memory> {
  const bare = await ServerChild.start(fileURLToPath(new URL('./servers/bare-ws.ts', import.meta.url)), {});
  const sockets: WebSocket[] = [];
  try {
    const url = async () => `ws://127.0.0.1:${bare.ready.port}/`;
    await subscribe(LOW, url, sockets);
    const low = await memoryAfterGc(bare.process);
    await subscribe(SUBSCRIBERS - LOW, url, sockets);
    return slope(low, await memoryAfterGc(bare.process));
  } finally {
    for (const ws of sockets) ws.terminate();
    await bare.stop();
  }
}

// A plausible drive (≈4 m/s, one fix a second) so no fix is rejected as a jump.
function fixes(count: number, device: string, startMs: number) {
  return Array.from({ length: count }, (_, i) => {
    const a = (i / 3600) * 2 * Math.PI;
    return {
      id: `${device}:${i + 1}`,
      lat: -1.95 + 0.02 * Math.sin(a),
      lon: 30.08 + 0.02 * Math.cos(a),
      recordedAt: new Date(startMs + i * 1000).toISOString(),
      speed: 4,
    };
  });
}

const load = new MachineLoad();
const name = `kigaligo_bench_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const port = await freePort();
const server = await startServer(url.toString(), port);
const base = `http://127.0.0.1:${port}`;
const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
try {
  const login = (email: string, password: string) => api(base, '/api/auth/login', null, { email, password });
  // --- Fan-out ----------------------------------------------------------------------------------------
  // First: the ingest's garbage, once collected, would be reused by the sockets and hide their cost.
  const rider = await login('rider@demo.kigaligo.rw', 'kigali-rider');
  const sent = new Map<string, number>();
  // Each subscriber opens its socket with its own single-use ticket, as the apps do.
  const ticketUrls = async (count: number) => {
    const urls: string[] = [];
    for (let i = 0; i < count; i += 250)
      urls.push(
        ...(await Promise.all(
          Array.from(
            { length: Math.min(250, count - i) },
            async () =>
              `ws://127.0.0.1:${port}/live?ticket=${(await api(base, '/api/sync/ticket', rider.accessToken, { purpose: 'live' })).ticket}`,
          ),
        )),
      );
    return urls;
  };
  const subscribers = new SubscriberProcs(SUBSCRIBER_PROCS);
  const memEmpty = await memoryAfterGc(server);
  await subscribers.subscribe(await ticketUrls(LOW));
  const memLow = await memoryAfterGc(server);
  await subscribers.subscribe(await ticketUrls(SUBSCRIBERS - LOW));
  const memConnected = await memoryAfterGc(server);
  // Riders see buses exactly and everyone the same (live/visibility.ts): the commonest fan-out, one message
  // for all. A parked demo bus is put on shift (the hub re-reads the roster within ROSTER_RELOAD_MS) and an
  // admin posts its fixes.
  const adminLogin = await login('admin@demo.kigaligo.rw', 'kigali-admin');
  const fleet = (await api(base, '/api/vehicles', adminLogin.accessToken)).vehicles as {
    id: string;
    kind: string;
  }[];
  const bus = fleet.find((v) => v.kind === 'bus');
  if (!bus) throw new Error('no demo bus');
  await sql`update vehicles set status = 'available' where id = ${bus.id}`;
  await new Promise((r) => setTimeout(r, 16_000));
  const from = { lat: -1.9441, lon: 30.0619 };
  for (let p = 0; p < PINGS; p++) {
    const recordedAt = new Date(Date.now() - 1000 + p).toISOString();
    sent.set(recordedAt, clock());
    const ping = await api(base, `/api/vehicles/${bus.id}/positions`, adminLogin.accessToken, {
      positions: [{ id: `bench-ping:${p + 1}`, lat: from.lat + (p + 1) * 1e-5, lon: from.lon, recordedAt }],
    });
    if (ping.accepted !== 1) throw new Error(`ping ${p + 1} refused: ${JSON.stringify(ping)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const latencies: number[] = [];
  for (const [at, times] of await subscribers.arrivals()) {
    const sentAt = sent.get(at);
    if (sentAt !== undefined) for (const t of times) latencies.push(t - sentAt);
  }
  const delivered = latencies.length;
  subscribers.close();

  const driver = await login('driver@demo.kigaligo.rw', 'kigali-driver');
  const { vehicles } = await api(base, '/api/vehicles', driver.accessToken);
  const moto = vehicles.find((v: { plate: string }) => v.plate === 'RD 412 K');
  await api(base, '/api/shifts', driver.accessToken, { vehicleId: moto.id });
  // The other drivers uploading at once: each their own account (the demo driver's password) and moto.
  const [demo] = await sql`select password_hash from users where email = 'driver@demo.kigaligo.rw'`;
  const crew: { token: string; vehicleId: string }[] = [];
  for (let u = 0; u < UPLOADERS; u++) {
    const email = `bench-driver-${u}@bench.invalid`;
    await sql`insert into users (email, password_hash, name, role)
      values (${email}, ${demo!.password_hash}, ${`Bench driver ${u}`}, 'driver')`;
    const [v] = await sql`insert into vehicles (kind, plate, capacity, operator, status)
      values ('moto', ${`RB ${String(u).padStart(3, '0')} Z`}, 1, 'Bench co-op', 'off_duty') returning id`;
    const who = await login(email, 'kigali-driver');
    await api(base, '/api/shifts', who.accessToken, { vehicleId: v!.id });
    crew.push({ token: who.accessToken, vehicleId: v!.id });
  }
  // The fixes are a drive of FIXES seconds that ended a minute ago; a driver's fixes count only inside their
  // shift, so the shift is moved back to before the drive began (a whole day of uploads, in bulk).
  const driveStart = Date.now() - FIXES * 1000 - 60_000;
  await sql`update shifts set started_at = ${new Date(driveStart - 60_000)} where ended_at is null`;

  // --- Ingest -----------------------------------------------------------------------------------------
  const rows = fixes(FIXES, 'bench-api', driveStart);
  let t0 = performance.now();
  for (let i = 0; i < rows.length; i += 500) {
    const r = await api(base, `/api/vehicles/${moto.id}/positions`, driver.accessToken, {
      positions: rows.slice(i, i + 500),
    });
    if (r.accepted !== Math.min(500, rows.length - i))
      throw new Error(`batch at ${i}: ${JSON.stringify(r).slice(0, 200)}`);
  }
  const apiSecs = (performance.now() - t0) / 1000;
  const share = Math.floor(FIXES / Math.max(1, UPLOADERS));
  const crewRows = crew.map((_, u) => fixes(share, `bench-crew-${u}`, driveStart));
  t0 = performance.now();
  await Promise.all(
    crew.map(async (c, u) => {
      const mine = crewRows[u]!;
      for (let i = 0; i < mine.length; i += 500) {
        const r = await api(base, `/api/vehicles/${c.vehicleId}/positions`, c.token, {
          positions: mine.slice(i, i + 500),
        });
        if (r.accepted !== Math.min(500, mine.length - i))
          throw new Error(`crew batch: ${JSON.stringify(r)}`);
      }
    }),
  );
  const crewSecs = (performance.now() - t0) / 1000;
  const crewRate = (share * crew.length) / crewSecs;
  const copyRows = fixes(FIXES, 'bench-copy', driveStart);
  t0 = performance.now();
  const writable =
    await sql`copy positions (id, vehicle_id, lat, lon, recorded_at, speed) from stdin`.writable();
  await new Promise<void>((resolve, reject) => {
    writable.on('finish', resolve).on('error', reject);
    for (const f of copyRows)
      writable.write(`${f.id}\t${moto.id}\t${f.lat}\t${f.lon}\t${f.recordedAt}\t${f.speed}\n`);
    writable.end();
  });
  const copySecs = (performance.now() - t0) / 1000;
  const apiRate = FIXES / apiSecs;
  const copyRate = FIXES / copySecs;

  const perSub = slope(memLow, memConnected);
  const bare = await bareWsPerSocket();
  load.finish();
  console.log(
    `\nTracking benchmark (${new Date().toISOString()}, Node ${process.version}, Postgres at ${url.host})`,
  );
  console.log(`Machine: ${load.describe()}`);
  console.log('\nIngest into positions (real Postgres)');
  console.table([
    {
      path: 'POST /api/vehicles/:id/positions, batches of 500',
      rows: FIXES,
      seconds: +apiSecs.toFixed(2),
      'rows/s': Math.round(apiRate),
    },
    {
      path: `the same, ${crew.length} drivers uploading at once`,
      rows: share * crew.length,
      seconds: +crewSecs.toFixed(2),
      'rows/s': Math.round(crewRate),
    },
    {
      path: 'baseline: raw COPY of the same rows',
      rows: FIXES,
      seconds: +copySecs.toFixed(2),
      'rows/s': Math.round(copyRate),
    },
  ]);
  console.log(
    `API / COPY = ${((apiRate / copyRate) * 100).toFixed(1)} % one driver, ${((crewRate / copyRate) * 100).toFixed(1)} % ${crew.length} at once  (target ≥ 50 %: ${load.verdict(apiRate / copyRate >= 0.5)} for one, ${load.verdict(crewRate / copyRate >= 0.5)} at once)`,
  );
  console.log(
    `\nFan-out: ${PINGS} positions to ${SUBSCRIBERS} /live subscribers${DEFLATE ? ' offering permessage-deflate' : ''} (${delivered} deliveries of ${PINGS * SUBSCRIBERS}, read by ${SUBSCRIBER_PROCS} client processes)`,
  );
  console.log(
    `delivery latency p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms (target p99 < 100 ms: ${load.verdict(pct(latencies, 99) < 100)})`,
  );
  const mib = (b: number) => (b / KiB / KiB).toFixed(0);
  console.log(
    `server RSS after full GCs: ${mib(memEmpty.rss)} MiB with none, ${mib(memLow.rss)} MiB at ${LOW}, ${mib(memConnected.rss)} MiB at ${SUBSCRIBERS} subscribers`,
  );
  // Judged on the larger of the two: RSS under-counts while the heap fills pages freed earlier (start-up's
  // GTFS import), and the heap leaves out what lives outside it (socket buffers in C++).
  const cost = (m: Memory) => Math.max(m.rss, m.heap);
  console.log(
    `per subscriber: ${kib(perSub.rss)} resident, ${kib(perSub.heap)} JS heap and buffers (target ≤ 4 KiB, the larger of the two: ${load.verdict(cost(perSub) <= 4 * KiB)})`,
  );
  console.log(
    `baseline, a bare ws server with /live's options and the same clients: ${kib(bare.rss)} resident, ${kib(bare.heap)} heap per socket (ours ÷ bare ws, the larger of each: ${(cost(perSub) / cost(bare)).toFixed(2)})`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await sql.end();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}

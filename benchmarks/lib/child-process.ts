import { type ChildProcess, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What a server child reports once it listens: its port plus per-benchmark data (e.g. tokens). */
export interface ReadyMessage {
  type: 'ready';
  port: number;
  docNames: string[];
  /** Path and query to open each document's socket at (same index as docNames). */
  paths: string[];
  /**
   * Our server only: each document's access token (same index). Every connection first asks
   * `POST /api/sync/ticket` for a single-use ticket and appends `&ticket=…` to its path, as the apps do.
   */
  tokens?: string[];
  /** What the server does with documents, printed with the results. */
  persistence: string;
}

type ChildMessage = ReadyMessage | { type: 'gc-done'; heap: number };

/** A benchmark server in its own Node process, so its RSS is measured apart from the load generator's. */
export class ServerChild {
  private constructor(
    private readonly child: ChildProcess,
    readonly ready: ReadyMessage,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  get process(): ChildProcess {
    return this.child;
  }

  static async start(script: string, env: Record<string, string>, timeoutMs = 120_000): Promise<ServerChild> {
    const child = fork(script, [], {
      // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server there (open it in Chrome DevTools).
      execArgv: [
        '--expose-gc',
        '--import',
        'tsx',
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<ReadyMessage>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${script} did not start in ${timeoutMs} ms`)),
        timeoutMs,
      );
      child.on('message', (m: ChildMessage) => {
        if (m.type === 'ready') {
          clearTimeout(timer);
          resolve(m);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited with ${code} before it was ready`));
      });
    });
    child.removeAllListeners('exit');
    return new ServerChild(child, ready);
  }

  /** Resident set size of the child in bytes, read from /proc after a full GC in the child. */
  async rss(): Promise<number> {
    return (await memoryAfterGc(this.child)).rss;
  }

  /** The child's resident set size and its JS heap plus external memory, after full GCs in it. */
  memory(): Promise<{ rss: number; heap: number }> {
    return memoryAfterGc(this.child);
  }

  /** Asks the child to close cleanly; kills it (this child only) if it has not exited in 30 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * Memory in bytes of a child that answers GC requests (runAsChild, or a server started with `--expose-gc
 * --import benchmarks/lib/gc-on-request.ts`) after full GCs in it: its resident set size from /proc, and what
 * the JavaScript heap and external buffers hold (RSS keeps pages a GC freed, which later allocations reuse).
 */
export async function memoryAfterGc(child: ChildProcess): Promise<{ rss: number; heap: number }> {
  const heap = await new Promise<number>((resolve) => {
    const onMessage = (m: ChildMessage) => {
      if (m.type !== 'gc-done') return;
      child.off('message', onMessage);
      resolve(m.heap);
    };
    child.on('message', onMessage);
    child.send({ type: 'gc' });
  });
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) * 1024, heap };
}

/** Child side of rssAfterGc: two full collections a little apart, so garbage from start-up or load is not counted. */
export function answerGcRequests(): void {
  process.on('message', (m: { type: string }) => {
    if (m.type !== 'gc') return;
    globalThis.gc?.();
    setTimeout(() => {
      globalThis.gc?.();
      const { heapUsed, external } = process.memoryUsage();
      process.send?.({ type: 'gc-done', heap: heapUsed + external });
    }, 500);
  });
}

/** Child side: report readiness, answer GC requests, close on request. */
export function runAsChild(ready: Omit<ReadyMessage, 'type'>, close: () => Promise<void>): void {
  answerGcRequests();
  process.on('message', (m: { type: string }) => {
    if (m.type === 'stop') {
      const timer = setTimeout(() => process.exit(0), 20_000);
      void close().finally(() => {
        clearTimeout(timer);
        process.exit(0);
      });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', ...ready });
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds used so far by every PostgreSQL process of the machine (backends, WAL writer, checkpointer), by
 * pid: a server that stores each update spends CPU there too, on the same cores. Subtract two readings with
 * `cpuSince`; a backend that exits between them is left out.
 */
export function postgresCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith('postgres')) continue;
      out.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // The process ended while we read it.
    }
  }
  return out;
}

/** CPU seconds between two `postgresCpu` readings (a process new since the first counts from 0). */
export function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';

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

type ChildMessage = ReadyMessage | { type: 'gc-done' };

/** A benchmark server in its own Node process, so its RSS is measured apart from the load generator's. */
export class ServerChild {
  private constructor(
    private readonly child: ChildProcess,
    readonly ready: ReadyMessage,
  ) {}

  get pid(): number {
    return this.child.pid!;
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
    await new Promise<void>((resolve) => {
      const onMessage = (m: ChildMessage) => {
        if (m.type !== 'gc-done') return;
        this.child.off('message', onMessage);
        resolve();
      };
      this.child.on('message', onMessage);
      this.child.send({ type: 'gc' });
    });
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb * 1024;
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

/** Child side: report readiness, answer GC requests, close on request. */
export function runAsChild(ready: Omit<ReadyMessage, 'type'>, close: () => Promise<void>): void {
  process.on('message', (m: { type: string }) => {
    if (m.type === 'gc') {
      // Two full collections a little apart, so garbage from start-up or from the load is not counted.
      globalThis.gc?.();
      setTimeout(() => {
        globalThis.gc?.();
        process.send?.({ type: 'gc-done' });
      }, 500);
    } else if (m.type === 'stop') {
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

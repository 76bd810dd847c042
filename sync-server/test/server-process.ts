import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The real server (src/main.ts) in its own process, so a test can `kill -9` it. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  /** What the server wrote on stderr, for a failing test's message. */
  stderr = '';
  /** Its warning and error log lines (pino writes them on stdout), the last few kept, for the same. */
  problems: string[] = [];
  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    // Node itself with tsx as a loader, not the tsx wrapper: SIGKILL must reach the process holding the port.
    const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
      cwd: root,
      // The living demo stays off: these tests count what their own clients did.
      env: { ...process.env, LOG_LEVEL: 'info', DEMO_SIMULATION: 'false', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      this.stderr += d.toString();
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes('"KigaliGo is up"')) {
          child.stdout!.off('data', onData);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stdout!.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n')) {
          if (/"level":(40|50|60)/.test(line))
            this.problems = [...this.problems.slice(-19), line.slice(0, 500)];
        }
      });
      child.on('exit', (code) =>
        reject(new Error(`server exited with ${code} before starting:\n${this.stderr}`)),
      );
    });
  }

  /** SIGKILL: no flush, no goodbye — what a crash or an OOM kill does. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

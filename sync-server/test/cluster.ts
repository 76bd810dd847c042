import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServerProcess } from './server-process';

export const haproxyPath = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => existsSync(p));

async function untilReady(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(`${url}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

export interface Node {
  name: string;
  url: string;
  process: ServerProcess;
}

/**
 * Server processes as production runs them (`sync-server/src/main.ts`, one OS process each, configured by
 * environment) on one Postgres and one Redis, behind HAProxy passing WebSockets through. The first node seeds.
 */
export async function startCluster(opts: { size: number; env: Record<string, string> }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'kigaligo-cluster-'));
  const nodes: Node[] = [];
  let haproxy: ChildProcess | undefined;
  const haproxyErr: string[] = [];

  async function startNode(index: number): Promise<Node> {
    const port = await freePort();
    const name = `n${index + 1}`;
    const process = new ServerProcess({
      ...opts.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(dataDir, name),
      SEED_DEMO_DATA: index === 0 ? 'true' : 'false',
    });
    const node = { name, url: `http://127.0.0.1:${port}`, process };
    nodes.push(node);
    await process.start();
    return node;
  }

  // Seeding first, alone; the others join a migrated, seeded database.
  await startNode(0);
  await Promise.all(Array.from({ length: opts.size - 1 }, (_, i) => startNode(i + 1)));

  const lbPort = await freePort();
  const config = [
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // An upgraded WebSocket is a tunnel: idle phones keep theirs open between pings.
    '  timeout tunnel 1h',
    // A node found dead: the connection attempt goes to another one.
    '  option redispatch',
    '  retries 3',
    'frontend kigaligo',
    `  bind 127.0.0.1:${lbPort}`,
    '  default_backend nodes',
    'backend nodes',
    '  balance roundrobin',
    '  option httpchk GET /api/health/ready',
    '  http-check expect status 200',
    '  default-server inter 500 fall 2 rise 2',
    '  http-response set-header X-Served-By %[srv_name]',
    ...nodes.map((n) => `  server ${n.name} ${new URL(n.url).host} check`),
    '',
  ].join('\n');
  const configPath = join(dataDir, 'haproxy.cfg');
  await writeFile(configPath, config);
  if (!haproxyPath) throw new Error('HAProxy is not installed (Debian package haproxy; .ci/run installs it)');
  haproxy = spawn(haproxyPath, ['-f', configPath, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  haproxy.stderr?.on('data', (d: Buffer) => haproxyErr.push(d.toString()));
  const url = `http://127.0.0.1:${lbPort}`;
  if (!(await untilReady(url, 20_000))) throw new Error(`HAProxy did not start:\n${haproxyErr.join('')}`);

  return {
    url,
    nodes,
    async stop() {
      haproxy?.kill('SIGTERM');
      await Promise.all(nodes.map((n) => n.process.stop()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

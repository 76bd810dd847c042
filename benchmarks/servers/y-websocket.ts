// Child process: the reference y-websocket server (@y/websocket-server 0.1.1, Yjs 13), default settings.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { runAsChild } from '../lib/child-process';

if (process.env.YPERSISTENCE)
  throw new Error('run the y-websocket baseline with its default (no persistence)');
const count = Number(process.env.BENCH_USERS ?? '0');

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_req, res) => res.end('okay'));
wss.on('connection', setupWSConnection);
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const names = Array.from({ length: count }, (_, i) => `doc-${i}`);
runAsChild(
  {
    port: (server.address() as AddressInfo).port,
    docNames: names,
    paths: names.map((name) => `/${name}`),
    persistence: 'none (its default: documents only in memory, nothing written to Postgres)',
  },
  async () => {
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
);

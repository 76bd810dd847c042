// Child process: a bare `ws` server with /live's options (no permessage-deflate, 4 KiB messages), answering
// each `subscribe` with an empty snapshot and nothing else: the memory floor of a socket for the tracking bench.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { runAsChild } from '../lib/child-process';

const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
const server = http.createServer((_req, res) => res.end('okay'));
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.on('message', () => ws.send('{"type":"snapshot","vehicles":[]}'));
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

runAsChild(
  {
    port: (server.address() as AddressInfo).port,
    docNames: [],
    paths: [],
    persistence: 'none',
  },
  async () => {
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
);

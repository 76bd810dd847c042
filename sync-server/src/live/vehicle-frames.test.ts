import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { textFrame } from './vehicle-frames';

// A frame written to the raw socket must read, for a real `ws` client, as the same text `ws.send` would send:
// checked at each of the three length encodings, between messages that `ws` frames itself.
describe('textFrame', () => {
  const wss = new WebSocketServer({ noServer: true });
  let server: Server;
  let accepted: Promise<{ ws: WebSocket; socket: Duplex }>;

  beforeAll(async () => {
    server = createServer();
    accepted = new Promise((resolve) =>
      server.on('upgrade', (req, socket, head) =>
        wss.handleUpgrade(req, socket, head, (ws) => resolve({ ws, socket })),
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => {
    wss.close();
    server.close();
  });

  it('is read by a ws client as the same text, whatever its length', async () => {
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as { port: number }).port}`);
    const received: string[] = [];
    client.on('message', (data, isBinary) => received.push(`${isBinary ? 'binary' : 'text'}:${data}`));
    const { ws, socket } = await accepted;
    // 7 bytes, 140 bytes (16-bit length), 70,000 bytes (64-bit length), and empty.
    const texts = ['{"a":1}', 'é'.repeat(70), 'x'.repeat(70_000), ''];
    ws.send('framed by ws');
    for (const t of texts) socket.write(textFrame(Buffer.from(t)));
    ws.send('framed by ws again');
    while (received.length < texts.length + 2) await once(client, 'message');
    expect(received).toEqual([
      'text:framed by ws',
      ...texts.map((t) => `text:${t}`),
      'text:framed by ws again',
    ]);
    client.close();
  });
});

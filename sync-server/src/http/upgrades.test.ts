import { connect, type Socket } from 'node:net';
import { closeCodes } from '@kigaligo/sync-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { rawConnect, ticketFor } from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Sends raw bytes and collects everything the server writes until it closes the connection. */
function rawExchange(port: number, request: string): Promise<{ text: string; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.on('data', (d) => {
      text += d.toString();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ text, socket }));
  });
}

const upgradeRequest = (path: string) =>
  `GET ${path} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';

describe.each(testDatabaseKinds)('SS11: a closed WebSocket surface on %s', (kind) => {
  let t: TestServer;
  let rider: { id: string; token: string };
  beforeAll(async () => {
    // Short times so the timeouts show within a test; the defaults are 10 s and 30 s.
    t = await startTestServer(kind, { socketTimeouts: { handshakeMs: 400, pingIntervalMs: 150 } });
    const s = await t.loginAs('rider');
    rider = { id: s.user.id, token: s.accessToken };
  });
  afterAll(() => t.stop());

  it.each(['/', '/api/health', '/livestream', '/sync', '/driver/'])(
    'answers an upgrade to %s with HTTP 404 and destroys the socket',
    async (path) => {
      const { text, socket } = await rawExchange(t.server.port, upgradeRequest(path));
      expect(text).toMatch(/^HTTP\/1\.1 404 /);
      expect(text).toContain('"code":"not_found"');
      expect(socket.destroyed).toBe(true);
    },
  );

  it('destroys an upgrade request whose headers never finish', async () => {
    // The request line and one header, then silence: a slow-loris holding a file descriptor.
    const { text, socket } = await rawExchange(t.server.port, 'GET /sync/x HTTP/1.1\r\nHost: localhost\r\n');
    expect(socket.destroyed).toBe(true);
    // Node answers 408 (or just closes): never a 101.
    expect(text).not.toContain('101');
  });

  it.each([
    ['/sync/%E0%A4%A', 'sync path'],
    ['/sync/rider:%C0%AF', 'sync path (overlong UTF-8)'],
    ['/live?bbox=%ZZ', 'live query'],
  ])('closes %s (%s) with 4400, never 1011', async (path, _what) => {
    const c = rawConnect(
      t.server.url,
      `${path}${path.includes('?') ? '&' : '?'}ticket=${await ticketFor(t.server.url, rider.token, path.startsWith('/live') ? 'live' : 'sync')}`,
    );
    expect((await c.closed).code).toBe(closeCodes.badRequest);
    expect(c.received).toEqual([]);
  });

  it('closes a socket that sends nothing after the upgrade with 1013', async () => {
    const c = rawConnect(
      t.server.url,
      `/sync/rider:${rider.id}?ticket=${await ticketFor(t.server.url, rider.token)}`,
    );
    await c.opened;
    const closed = await c.closed;
    expect(closed).toEqual({ code: closeCodes.tryAgainLater, reason: 'handshake timeout' });
  });

  it('keeps a socket that sent its first message and answers pings', async () => {
    const c = rawConnect(t.server.url, `/live?ticket=${await ticketFor(t.server.url, rider.token, 'live')}`);
    await c.opened;
    c.ws.send(JSON.stringify({ type: 'subscribe' }));
    let pings = 0;
    c.ws.on('ping', () => pings++);
    // Several handshake times and ping periods: still open, pinged each period.
    await new Promise((r) => setTimeout(r, 1200));
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    expect(pings).toBeGreaterThanOrEqual(2);
    c.ws.close();
  });

  it.each(['/live', '/sync/rider'])('terminates a peer on %s that stops answering pings', async (path) => {
    const url = `${t.server.url.replace(/^http/, 'ws')}${path === '/live' ? '/live' : `/sync/rider:${rider.id}`}`;
    const ws = new WebSocket(
      `${url}?ticket=${await ticketFor(t.server.url, rider.token, path === '/live' ? 'live' : 'sync')}`,
      { autoPong: false },
    );
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((r) => ws.on('open', r));
    // A first message, so only the ping check can end it.
    ws.send(path === '/live' ? JSON.stringify({ type: 'subscribe' }) : new Uint8Array([3]));
    // 1006: the server dropped the connection without a close frame (a dead peer would not read one).
    expect(await closed).toBe(1006);
  });
});

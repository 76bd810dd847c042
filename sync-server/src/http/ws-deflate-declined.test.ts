import { docName, riderDoc } from '@kigaligo/sync-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ticketFor } from '../test-support/sync-client';
import { startTestServer } from '../test-support/test-server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** A socket offering permessage-deflate or not, with what it negotiated. */
function open(url: string, deflate: boolean) {
  const ws = new WebSocket(url, { perMessageDeflate: deflate });
  let agreed = '';
  ws.on('upgrade', (res) => {
    agreed = String(res.headers['sec-websocket-extensions'] ?? '');
  });
  const frames: string[] = [];
  ws.on('message', (d: Buffer) => frames.push(d.toString()));
  return {
    ws,
    frames,
    opened: new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    }),
    /** The server's Sec-WebSocket-Extensions answer. */
    agreed: () => agreed,
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!check()) throw new Error('timed out');
};

// Not about storage: the database is PGlite only.
describe('WebSocket permessage-deflate: declined on /sync and /live', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    // The demo moto on shift with a live position: the admin's /live snapshot has a vehicle in it.
    t = await startTestServer('pglite', { demoFleet: true });
    token = (await t.loginAs('admin')).accessToken;
    // Room for a seeded server's start on a busy machine, as the other server suites give it.
  }, 120_000);
  afterAll(() => t?.stop());

  it('declines it on /sync, where zlib state per socket would cost ten times the memory of the socket', async () => {
    const rider = await t.loginAs('rider');
    const doc = encodeURIComponent(docName(riderDoc(rider.user.id)));
    // Each socket its own single-use ticket.
    const url = async () =>
      `${t.server.url.replace(/^http/, 'ws')}/sync/${doc}?ticket=${await ticketFor(t.server.url, token)}&v=1`;
    const deflated = open(await url(), true);
    const plain = open(await url(), false);
    await Promise.all([deflated.opened, plain.opened]);
    expect(deflated.agreed()).toBe('');
    expect(plain.agreed()).toBe('');
    deflated.ws.close();
    plain.ws.close();
  });

  it('declines it on /live, whose frames go to every watching client, and sends them as text', async () => {
    const url = `${t.server.url.replace(/^http/, 'ws')}/live?ticket=${await ticketFor(t.server.url, token, 'live')}`;
    const s = open(url, true);
    await s.opened;
    expect(s.agreed()).toBe('');
    s.ws.send(JSON.stringify({ type: 'subscribe' }));
    await until(() => s.frames.length > 0);
    const snapshot = JSON.parse(s.frames[0]!);
    expect(snapshot.type).toBe('snapshot');
    expect(snapshot.vehicles.length).toBeGreaterThan(0);
    s.ws.close();
  });
});

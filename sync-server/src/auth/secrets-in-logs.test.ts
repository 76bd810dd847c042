import { Writable } from 'node:stream';
import { closeCodes } from '@kigaligo/sync-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawConnect, ticketFor } from '../test-support/sync-client';
import { startTestServer } from '../test-support/test-server';

// Socket tickets travel in URLs (a WebSocket cannot carry an Authorization header from a browser), so the
// server must never write a URL's query to its logs; neither tokens nor passwords may appear either.
describe('what the server logs', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  let t: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    t = await startTestServer('pglite', { logLevel: 'trace', logDestination: sink });
  });
  afterAll(() => t.stop());

  it('holds no socket ticket, access or refresh token, or password, whatever the sockets and requests did', async () => {
    const password = 'a-long-passphrase-for-logs-9';
    const registered = await fetch(`${t.server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'logs@example.rw', password, name: 'Logs' }),
    });
    expect(registered.status).toBe(201);
    const rider = (await registered.json()) as {
      accessToken: string;
      refreshToken: string;
      user: { id: string };
    };
    const wrong = await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'logs@example.rw', password: `${password}-wrong` }),
    });
    expect(wrong.status).toBe(401);
    const refreshed = await fetch(`${t.server.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: rider.refreshToken }),
    });
    expect(refreshed.status).toBe(200);
    const { accessToken, refreshToken } = (await refreshed.json()) as {
      accessToken: string;
      refreshToken: string;
    };

    const tickets: string[] = [];
    const ticket = async (purpose: 'sync' | 'live') => {
      const issued = await ticketFor(t.server.url, accessToken, purpose);
      tickets.push(issued);
      return issued;
    };
    const syncTicket = await ticket('sync');
    const sync = rawConnect(t.server.url, `/sync/rider:${rider.user.id}?ticket=${syncTicket}`);
    const live = rawConnect(t.server.url, `/live?ticket=${await ticket('live')}`);
    await Promise.all([sync.opened, live.opened]);
    // Refused sockets: a spent ticket, another rider's document, an access token in the URL, a ticket for
    // the other channel, and a ticket on a path that is no socket at all.
    const refused = [
      rawConnect(t.server.url, `/sync/rider:${rider.user.id}?ticket=${syncTicket}`),
      rawConnect(
        t.server.url,
        `/sync/rider:00000000-0000-4000-8000-000000000000?ticket=${await ticket('sync')}`,
      ),
      rawConnect(t.server.url, `/sync/rider:${rider.user.id}?token=${accessToken}`),
      rawConnect(t.server.url, `/live?ticket=${await ticket('sync')}`),
    ];
    for (const socket of refused) {
      socket.opened.catch(() => {});
      expect([closeCodes.unauthenticated, closeCodes.forbidden, closeCodes.upgradeRequired]).toContain(
        (await socket.closed).code,
      );
    }
    const stray = await fetch(
      `${t.server.url}/api/health?ticket=${await ticket('live')}&token=${accessToken}`,
    );
    expect(stray.status).toBe(200);
    const notFound = await fetch(`${t.server.url}/api/nowhere?ticket=${await ticket('sync')}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(notFound.status).toBe(404);
    sync.ws.close();
    live.ws.close();
    await Promise.all([sync.closed, live.closed]);

    const logs = lines.join('');
    // The requests were logged (so the check below reads real logs), by path.
    expect(logs).toContain('"path":"/api/health"');
    expect(logs).toContain('"path":"/api/auth/refresh"');
    for (const secret of [
      ...tickets,
      accessToken,
      rider.accessToken,
      refreshToken,
      rider.refreshToken,
      password,
    ])
      expect(logs).not.toContain(secret);
  });
});

import { randomUUID } from 'node:crypto';
import type { AuthResponse } from '@kigaligo/domain';
import {
  docName,
  messageTypes,
  reportDoc,
  reportDocKeys,
  riderDoc,
  riderDocKeys,
} from '@kigaligo/sync-protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  desktop,
  hasChromium,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startTestServer,
  type TestServer,
} from './harness';

// SS12 in the rider app: a booking and a safety report the server rejected show "Not sent: <reason> — Edit and
// send again" in the rider's language; the booking can be sent again from the form, and nothing is lost.

/**
 * Writes into a document the way any device could: one y-websocket update message on the real sync endpoint,
 * resolved once the server acknowledges it stored it (SS4). The apps would never write these values.
 */
async function writeDocument(url: string, docName: string, token: string, change: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  change(doc);
  const res = await fetch(`${url}/api/sync/ticket`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ purpose: 'sync' }),
  });
  const { ticket } = (await res.json()) as { ticket: string };
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/sync/${docName}?ticket=${ticket}&v=3&ack=1`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const stored = new Promise<void>((resolve) =>
    ws.on('message', (data: Buffer) => {
      if (decoding.readVarUint(decoding.createDecoder(new Uint8Array(data))) === messageTypes.storedAck)
        resolve();
    }),
  );
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, messageTypes.sync);
  encoding.writeVarUint(e, 2); // y-protocols "update"
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
  ws.send(encoding.toUint8Array(e));
  await stored;
  ws.close();
}

function putEntry(map: Y.Map<unknown>, key: string, fields: Record<string, unknown>) {
  const entry = new Y.Map<unknown>();
  map.set(key, entry);
  for (const [k, v] of Object.entries(fields)) entry.set(k, v);
}

describe.skipIf(!hasChromium)('rejected entries in the rider app (SS12)', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('shows a rejected booking and a rejected report as not sent, and sends the booking again', async () => {
    const email = `rider-${randomUUID().slice(0, 8)}@e2e.kigaligo.rw`;
    const password = 'kigali-rider-e2e';
    const res = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Aline Uwase', email, password }),
    });
    expect(res.status).toBe(201);
    const { user, accessToken } = (await res.json()) as AuthResponse;

    // A booking for a bus (not bookable) and a report whose description holds U+0000: both rejected.
    const intentId = randomUUID();
    await writeDocument(server.url, docName(riderDoc(user.id)), accessToken, (doc) =>
      putEntry(doc.getMap(riderDocKeys.bookingIntents), intentId, {
        id: intentId,
        kind: 'bus',
        origin: { lat: -1.940645, lon: 30.044477, label: 'Nyabugogo' },
        destination: { lat: -1.949596, lon: 30.12557, label: 'Kimironko' },
        paymentMethod: 'cash',
        createdAt: new Date().toISOString(),
      }),
    );
    const reportId = randomUUID();
    await writeDocument(server.url, docName(reportDoc(reportId)), accessToken, (doc) => {
      const map = doc.getMap(reportDocKeys.report);
      map.set('category', 'harassment');
      map.set('description', 'He shouted at me\u0000 and would not stop the moto.');
      map.set('occurredAt', new Date(Date.now() - 30 * 60_000).toISOString());
      map.set('anonymous', false);
      map.set('submittedAt', new Date().toISOString());
    });

    const { context, page, errors } = await openPage(browser);
    contexts.push(context);
    await page.goto(`${server.url}/`);
    await signIn(page, email, password);

    await page.goto(`${server.url}/#/trips`);
    const notSent = page.getByTestId('not-sent-booking');
    await notSent.waitFor({ timeout: 30_000 });
    await notSent.getByText('Nyabugogo → Kimironko').waitFor();
    await notSent
      .getByText('Not sent: something in it is not valid — Edit and send again', { exact: true })
      .waitFor();
    await screenshot(page, 'not-sent-booking');

    // The report: not sent, in English and then in Kinyarwanda; what the rider wrote is still in the form.
    await page.goto(`${server.url}/#/safety/${reportId}`);
    await page.locator('[data-testid="report-state"][data-state="not-sent"]').waitFor({ timeout: 30_000 });
    await page
      .getByTestId('not-sent')
      .getByText('Not sent: something in it is not valid', { exact: false })
      .waitFor();
    await expect
      .poll(() => page.locator('.kg-report-page form textarea').inputValue(), { timeout: 10_000 })
      .toContain('He shouted at me');
    // In Kinyarwanda (the switch is on the home screen, whose trips card lists the booking too).
    await page.goto(`${server.url}/#/`);
    await page.getByRole('button', { name: 'Kinyarwanda' }).click();
    const rw = 'Ntibyoherejwe: hari ikitari cyo muri byo — Hindura wongere wohereze';
    await notSent.getByText(rw, { exact: true }).waitFor();
    await page.goto(`${server.url}/#/safety/${reportId}`);
    await page.getByTestId('not-sent').getByText(rw, { exact: true }).waitFor();
    await screenshot(page, 'not-sent-report-rw');
    await page.goto(`${server.url}/#/`);
    await page.getByRole('button', { name: 'English' }).click();
    await notSent.getByText('Not sent: something in it is not valid', { exact: false }).waitFor();

    // Edit and send again: the form opens with the places; the new booking replaces the rejected one.
    await page.goto(`${server.url}/#/trips`);
    await notSent.getByRole('button', { name: 'Edit and send again' }).click();
    await page.getByRole('button', { name: 'Cash', exact: true }).click();
    await page.getByRole('button', { name: /^Book Moto · RWF/ }).click();
    await page.getByTestId('trip-stage').waitFor({ timeout: 30_000 });
    await page.goto(`${server.url}/#/trips`);
    await expect.poll(() => page.getByTestId('trip-item').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => notSent.count(), { timeout: 20_000 }).toBe(0);
    await page.getByTestId('trip-item').getByText('Nyabugogo → Kimironko').waitFor();

    const unexpected = errors.filter((e) => !/net::ERR_|Failed to load resource|WebSocket/i.test(e));
    expect(unexpected).toEqual([]);

    // Admins: the home counts it, and "Sync issues" lists the report still rejected, with whose it is and why.
    const admin = await openPage(browser, desktop);
    contexts.push(admin.context);
    await admin.page.goto(`${server.url}/admin/`);
    await signIn(admin.page, 'admin@demo.kigaligo.rw', 'kigali-admin');
    await admin.page
      .getByTestId('home-sync-issue-counts')
      .getByText('1 rejected, 0 retrying, 0 stuck')
      .waitFor();
    await admin.page.getByRole('link', { name: 'Sync issues' }).first().click();
    const row = admin.page.locator('[data-testid="sync-issue"][data-state="rejected"]');
    await row.waitFor();
    expect(await row.count()).toBe(1);
    await row.getByText(`report:${reportId} · report/submittedAt`).waitFor();
    await row.getByText('Aline Uwase').waitFor();
    await row.getByText('Not valid').waitFor();
    await screenshot(admin.page, 'sync-issues');
  }, 180_000);

  it('shows a rejected saved route as not sent, and saves it again from the planner', async () => {
    const email = `rider-${randomUUID().slice(0, 8)}@e2e.kigaligo.rw`;
    const password = 'kigali-rider-e2e';
    const res = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Claude Habimana', email, password }),
    });
    expect(res.status).toBe(201);
    const { user, accessToken } = (await res.json()) as AuthResponse;

    // A saved route whose name holds U+0000 (as an older app could have written): rejected by the server.
    const routeId = randomUUID();
    await writeDocument(server.url, docName(riderDoc(user.id)), accessToken, (doc) =>
      putEntry(doc.getMap(riderDocKeys.savedRoutes), routeId, {
        id: routeId,
        name: 'Home\u0000 → Market',
        origin: { lat: -1.940645, lon: 30.044477, label: 'Nyabugogo' },
        destination: { lat: -1.949596, lon: 30.12557, label: 'Kimironko' },
        createdAt: new Date().toISOString(),
      }),
    );

    const { context, page, errors } = await openPage(browser);
    contexts.push(context);
    await page.goto(`${server.url}/`);
    await signIn(page, email, password);
    await page.goto(`${server.url}/#/plan`);
    const notSent = page.getByTestId('not-sent-route');
    await notSent
      .getByText('Not sent: something in it is not valid — Edit and send again', { exact: true })
      .waitFor({ timeout: 30_000 });
    // Never listed as a route waiting to sync.
    expect(await page.getByTestId('saved-routes').count()).toBe(0);

    await page.evaluate(() => localStorage.setItem('kigaligo.lang', 'rw'));
    await page.reload();
    await notSent
      .getByText('Ntibyoherejwe: hari ikitari cyo muri byo — Hindura wongere wohereze', { exact: true })
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'not-sent-route-rw');
    await page.evaluate(() => localStorage.setItem('kigaligo.lang', 'en'));
    await page.reload();

    // Edit and send again: the planner takes the two places; saving replaces the rejected entry.
    await notSent.getByRole('button', { name: 'Edit and send again' }).click();
    await page.getByRole('button', { name: 'Save route' }).click({ timeout: 60_000 });
    await expect.poll(() => notSent.count(), { timeout: 20_000 }).toBe(0);
    const saved = page.getByTestId('saved-routes');
    await saved.getByText('Nyabugogo → Kimironko').waitFor({ timeout: 20_000 });
    await saved.getByText('Synced').waitFor({ timeout: 20_000 });

    const unexpected = errors.filter((e) => !/net::ERR_|Failed to load resource|WebSocket/i.test(e));
    expect(unexpected).toEqual([]);
  }, 180_000);
});

// SS12 in the driver app: an action the server cannot take (here the database refuses the trip's event row, as
// a constraint violation would) is retried a bounded number of times, then shown to the driver as not sent with
// the reason in their language, and "Send again" sends it once the server can take it.
describe.skipIf(!hasChromium)(
  'what the server retried and gave up on, in the driver and rider apps (SS12)',
  () => {
    let server: TestServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const refuseEvents = `create or replace function e2e_refuse_trip_event() returns trigger language plpgsql as $$
    begin raise exception 'trip events are refused by this test' using errcode = 'check_violation'; end $$`;
    beforeAll(async () => {
      [server, browser] = await Promise.all([
        startTestServer(undefined, {
          // Two quick attempts instead of five over minutes; the offer waits long enough for both and a resend.
          reconcileRetry: { baseDelayMs: 300, maxDelayMs: 600, maxAttempts: 2 },
          dispatchAcceptSeconds: 120,
        }),
        launchBrowser(),
      ]);
    });
    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await browser?.close();
      await server?.close();
    });

    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
      return res.json();
    };

    it('shows the refused accept as not sent, in English and Kinyarwanda, and sends it again', async () => {
      const nyabugogo = { lat: -1.940645, lon: 30.044477 };
      const admin = (
        await post('/api/auth/login', { email: 'admin@demo.kigaligo.rw', password: 'kigali-admin' })
      ).accessToken as string;
      const rider = await post('/api/auth/register', {
        name: 'Diane Mukamana',
        email: `diane-${randomUUID().slice(0, 8)}@e2e.kigaligo.rw`,
        password: 'kigali-rider-e2e',
      });

      const { context, page, errors } = await openPage(browser);
      contexts.push(context);
      await page.goto(`${server.url}/driver/`);
      await signIn(page, 'driver@demo.kigaligo.rw', 'kigali-driver');
      const option = page.locator('#kg-vehicle-pick option', { hasText: 'RD 412 K' });
      const vehicleId = (await option.getAttribute('value', { timeout: 30_000 }))!;
      await page.getByLabel('Vehicle for this shift').selectOption(vehicleId);
      await page.getByRole('button', { name: 'Start shift' }).click();
      await page
        .locator('[data-testid="driver-status"][data-status="available"]')
        .waitFor({ timeout: 30_000 });
      await post(
        `/api/vehicles/${vehicleId}/positions`,
        { positions: [{ id: 'e2e-admin:1', ...nyabugogo, recordedAt: new Date().toISOString() }] },
        admin,
      );
      await post(
        '/api/trips',
        {
          id: randomUUID(),
          kind: 'moto',
          origin: { ...nyabugogo, label: 'Nyabugogo' },
          destination: { lat: -1.949596, lon: 30.12557, label: 'Kimironko' },
          paymentMethod: 'cash',
          createdAt: new Date().toISOString(),
        },
        rider.accessToken,
      );
      const ride = page.getByTestId('assignment');
      await ride.getByRole('button', { name: 'Accept' }).waitFor({ timeout: 30_000 });

      // From now on the database refuses the trip's event rows: the accept fails on every attempt.
      const db = server.db();
      await db.execute(refuseEvents);
      await db.execute(
        'create trigger e2e_refuse_trip_event before insert on trip_events for each row execute function e2e_refuse_trip_event()',
      );
      await ride.getByRole('button', { name: 'Accept' }).click();
      const notSent = ride.getByTestId('not-sent');
      await notSent
        .getByText('Not sent: KigaliGo could not store what was written — Edit and send again', {
          exact: true,
        })
        .waitFor({ timeout: 30_000 });
      expect(await ride.getAttribute('data-status')).toBe('assigned');
      await screenshot(page, 'driver-not-sent');

      // In Kinyarwanda (the language the app keeps on the phone).
      await page.evaluate(() => localStorage.setItem('kigaligo.lang', 'rw'));
      await page.reload();
      await notSent
        .getByText('Ntibyoherejwe: KigaliGo ntiyashoboye kubika ibyanditswe — Hindura wongere wohereze', {
          exact: true,
        })
        .waitFor({ timeout: 30_000 });
      await screenshot(page, 'driver-not-sent-rw');

      // The database takes events again: "Send again" accepts the ride, and the notice goes.
      await db.execute('drop trigger e2e_refuse_trip_event on trip_events');
      await notSent.getByRole('button', { name: 'Ohereza nanone' }).click();
      await page.locator('[data-testid="assignment"][data-status="accepted"]').waitFor({ timeout: 30_000 });
      await expect.poll(() => notSent.count(), { timeout: 20_000 }).toBe(0);

      // The offer vibrates the phone; Chromium blocks that before the first tap and says so in the console.
      const unexpected = errors.filter(
        (e) => !/net::ERR_|Failed to load resource|WebSocket|navigator\.vibrate/i.test(e),
      );
      expect(unexpected).toEqual([]);
    }, 180_000);

    it('tells the rider when their document as a whole could not be taken, until a change goes through', async () => {
      const email = `rider-${randomUUID().slice(0, 8)}@e2e.kigaligo.rw`;
      const password = 'kigali-rider-e2e';
      const { user, accessToken } = (await post('/api/auth/register', {
        name: 'Eric Mugisha',
        email,
        password,
      })) as AuthResponse;
      // A failure outside every entry: reconciling a rider document starts by pruning saved routes, and the
      // database now refuses that statement, so the whole document fails and, after the last attempt, is `*`.
      const db = server.db();
      await db.execute(`create or replace function e2e_refuse_prune() returns trigger language plpgsql as $$
      begin raise exception 'pruning is refused by this test'; end $$`);
      await db.execute(
        'create trigger e2e_refuse_prune before delete on saved_routes for each statement execute function e2e_refuse_prune()',
      );
      // A saved route is what makes the server reconcile the rider's document (preferences alone do not).
      const route = (name: string) => (doc: Y.Doc) => {
        const id = randomUUID();
        putEntry(doc.getMap(riderDocKeys.savedRoutes), id, {
          id,
          name,
          origin: { lat: -1.940645, lon: 30.044477, label: 'Nyabugogo' },
          destination: { lat: -1.949596, lon: 30.12557, label: 'Kimironko' },
          createdAt: new Date().toISOString(),
        });
      };
      await writeDocument(server.url, docName(riderDoc(user.id)), accessToken, route('To the market'));

      const { context, page, errors } = await openPage(browser);
      contexts.push(context);
      await page.goto(`${server.url}/`);
      await signIn(page, email, password);
      const notice = page.getByTestId('document-not-sent');
      await notice
        .getByText(
          'Some changes were not sent: KigaliGo could not process it. They stay on this phone; KigaliGo tries again when you change something.',
          { exact: true },
        )
        .waitFor({ timeout: 30_000 });
      await page.evaluate(() => localStorage.setItem('kigaligo.lang', 'rw'));
      await page.reload();
      await notice
        .getByText(/^Zimwe mu mpinduka ntizoherejwe: KigaliGo ntiyashoboye kubitunganya\./)
        .waitFor({
          timeout: 30_000,
        });
      await screenshot(page, 'document-not-sent-rw');

      // The database takes it again; the next change is a new chance, and it goes through.
      await db.execute('drop trigger e2e_refuse_prune on saved_routes');
      await writeDocument(server.url, docName(riderDoc(user.id)), accessToken, route('Back home'));
      await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(0);
      const unexpected = errors.filter((e) => !/net::ERR_|Failed to load resource|WebSocket/i.test(e));
      expect(unexpected).toEqual([]);
    }, 180_000);
  },
);

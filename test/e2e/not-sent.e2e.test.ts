import { randomUUID } from 'node:crypto';
import type { AuthResponse } from '@kigaligo/domain';
import { messageTypes, reportDocKeys, riderDocKeys } from '@kigaligo/sync-protocol';
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
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/sync/${docName}?token=${token}&v=3&ack=1`);
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
    await writeDocument(server.url, `rider:${user.id}`, accessToken, (doc) =>
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
    await writeDocument(server.url, `report:${reportId}`, accessToken, (doc) => {
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
});

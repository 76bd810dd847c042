import { deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  desktop,
  hasChromium,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startTestServer,
  type TestServer,
  waitForServiceWorker,
} from './harness';
import { newRider, waitSaved } from './sync-helpers';

/** CRC-32 as PNG chunks need it (poly 0xEDB88320). */
function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A real PNG (RGB, 8 bit) with a gradient, so the browser decodes it and the app re-encodes it as JPEG. */
function gradientPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = Math.round((x / width) * 255);
      raw[row + 2 + x * 3] = Math.round((y / height) * 255);
      raw[row + 3 + x * 3] = 110;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const state = (page: Page) => page.getByTestId('report-state');
const expectState = (page: Page, value: string, timeout = 30_000) =>
  state(page)
    .and(page.locator(`[data-state="${value}"]`))
    .waitFor({ timeout });
/** Failed loads while the context is offline are expected; anything else the page logs is a bug. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/net::ERR_|Failed to load resource|WebSocket|Failed to fetch|NetworkError/i.test(e));

describe.skipIf(!hasChromium)(
  'safety reports: offline report with a photo → admin review → rider sees it',
  () => {
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

    it('files a report written offline with a photo; the admin sees photo and severity, replies and resolves', async () => {
      const rider = await newRider(server.url);
      const r = await openPage(browser);
      contexts.push(r.context);
      const page = r.page;
      await page.goto(`${server.url}/`);
      await signIn(page, rider.email, rider.password);
      await waitSaved(page);
      await waitForServiceWorker(page);
      await page.getByRole('link', { name: /^Safety/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Safety' }).waitFor();
      await page.getByText('No reports yet').waitFor();

      // Offline from here until the report is written, the photo attached and the report sent.
      await r.context.setOffline(true);
      await page.locator('[data-connectivity="offline"]').waitFor();
      await page.getByRole('link', { name: 'New report' }).click();
      await page.waitForURL(/#\/safety\/[0-9a-f-]{36}$/);
      const reportId = page.url().split('/').pop()!;
      await expectState(page, 'draft');
      await page.getByText('Harassment', { exact: true }).click();
      await page
        .getByLabel('Describe what happened')
        .fill('The moto driver shouted at me, grabbed my arm and refused to stop at Kimironko market.');
      await page.getByLabel('Stay anonymous to the driver').check();
      await page.getByTestId('evidence-files').setInputFiles({
        name: 'kimironko.png',
        mimeType: 'image/png',
        buffer: gradientPng(320, 240),
      });
      const thumb = page.getByTestId('evidence-item');
      await thumb.and(page.locator('[data-upload="local"]')).waitFor();
      // Resized on the device: stored as a JPEG whose image actually decodes.
      await expect
        .poll(() =>
          thumb.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
        )
        .toBe(320);

      await page.getByRole('button', { name: 'Send report' }).click();
      await expectState(page, 'waiting');
      await thumb.and(page.locator('[data-upload="queued"]')).waitFor();
      await page.getByText('Saved on this phone. It will be sent as soon as you are online.').waitFor();
      // Not "Sent" while only this phone has it.
      await page.getByText(/^Written \d/).waitFor();
      await expect(page.getByText(/^Sent \d/).count()).resolves.toBe(0);

      // Still there after a reload while offline (the service worker serves the app, IndexedDB the report).
      await page.reload();
      await expectState(page, 'waiting');
      await page.getByText('Harassment', { exact: true }).first().waitFor();
      await screenshot(page, 'report-waiting-offline');

      await r.context.setOffline(false);
      await page
        .getByTestId('evidence-item')
        .and(page.locator('[data-upload="uploaded"]'))
        .waitFor({ timeout: 30_000 });
      await expectState(page, 'submitted');
      await page.getByText(/^Sent \d/).waitFor();

      // The admin's queue: the report with its severity; the detail with the photo actually loaded.
      const a = await openPage(browser, desktop);
      contexts.push(a.context);
      const admin = a.page;
      await admin.goto(`${server.url}/admin/`);
      await signIn(admin, 'admin@demo.kigaligo.rw', 'kigali-admin');
      await waitForServiceWorker(admin);
      await admin.getByRole('link', { name: 'Safety reports' }).click();
      const row = admin.locator(`[data-testid="report-row"][data-report-id="${reportId}"]`);
      await row.waitFor({ timeout: 30_000 });
      const level = await row.getByTestId('severity').getAttribute('data-level');
      expect(['low', 'medium', 'high', 'critical']).toContain(level);
      await row.getByRole('link', { name: 'Harassment' }).click();
      const detail = admin.getByTestId('report-detail');
      await detail.waitFor();
      await expect(detail.getByTestId('severity').first().getAttribute('data-level')).resolves.toBe(level);
      await expect(admin.getByTestId('severity-reasons').locator('li').count()).resolves.toBeGreaterThan(0);
      await admin.getByText('grabbed my arm', { exact: false }).first().waitFor();
      const photo = admin.getByTestId('evidence').locator('img');
      await photo.waitFor();
      await expect
        .poll(() => photo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      // Served through an object URL made from the authorised download, never a public path.
      await expect(photo.getAttribute('src')).resolves.toMatch(/^blob:/);
      await screenshot(admin, 'report-admin-detail');

      const reply = 'Thank you for telling us. We have spoken to the driver and are following up.';
      await admin.getByLabel('Reply to the reporter').fill(reply);
      await admin.getByRole('button', { name: 'Send reply' }).click();
      await admin.getByText('replied to the reporter').waitFor({ timeout: 20_000 });
      // The admin loses the connection: the report (and its photo) still open from the device, and the
      // decision waits on the device, in view, until the connection returns.
      await a.context.setOffline(true);
      await admin.reload();
      await detail.waitFor();
      await admin.getByText(/^Offline — showing this report as saved at/).waitFor();
      await expect
        .poll(() => photo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      await admin
        .getByLabel('Note (optional, kept with the status change)')
        .fill('Driver warned; rider contacted.');
      await admin.getByRole('button', { name: 'Resolve', exact: true }).click();
      const pending = admin.getByTestId('pending-decisions');
      await pending.getByText('Waiting to sync').waitFor();
      await pending.getByText('Status → Resolved').waitFor();
      await detail.and(admin.locator('[data-status="resolved"]')).waitFor();
      await screenshot(admin, 'report-admin-offline-decision');
      await a.context.setOffline(false);
      // Accepted by the server: nothing is left waiting on this device, and the timeline has the change.
      await pending.waitFor({ state: 'detached', timeout: 30_000 });
      await admin.getByTestId('report-status').getByText('Resolved').waitFor();
      await admin.getByText('Driver warned; rider contacted.').waitFor();

      // The rider's app: the reply and the resolved state arrive through the report's document.
      await page.getByTestId('report-reply').getByText(reply).waitFor({ timeout: 30_000 });
      await expectState(page, 'resolved');
      await page.getByRole('link', { name: /Back/ }).click();
      await page
        .locator(`[data-testid="report-row"][data-report-id="${reportId}"] [data-state="resolved"]`)
        .waitFor();
      await screenshot(page, 'report-rider-resolved');

      // Every decision is in the audit log.
      await admin.getByRole('link', { name: 'Audit log' }).click();
      await admin.locator('[data-testid="audit-row"]').first().waitFor();
      await expect(admin.locator('[data-testid="audit-row"]').count()).resolves.toBeGreaterThanOrEqual(2);

      expect(unexpected(r.errors)).toEqual([]);
      expect(unexpected(a.errors)).toEqual([]);
    });
  },
);

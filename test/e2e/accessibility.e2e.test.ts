import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktop, hasChromium, launchBrowser, phone, startTestServer, type TestServer } from './harness';

// axe-core over every screen of the three apps, in English and Kinyarwanda: no critical or serious violation.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const signInLabels = {
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
  rw: { email: 'Imeyili', password: "Ijambo ry'ibanga", submit: 'Injira' },
} as const;

const apps = [
  {
    base: '/',
    email: 'rider@demo.kigaligo.rw',
    password: 'kigali-rider',
    viewport: phone,
    screens: [
      '#/',
      '#/plan',
      '#/book',
      '#/trips',
      '#/live',
      '#/safety',
      '#/safety/new',
      // A stop's departures: the first stop of route 407 (public/network/kigali-gtfs).
      '#/stop/22e2d9e7-f98c-4f8c-93df-2bb873e2dd2a',
    ],
  },
  {
    base: '/driver/',
    email: 'driver@demo.kigaligo.rw',
    password: 'kigali-driver',
    viewport: phone,
    screens: ['#/'],
  },
  {
    base: '/admin/',
    email: 'admin@demo.kigaligo.rw',
    password: 'kigali-admin',
    viewport: desktop,
    screens: [
      '#/users',
      '#/add-driver',
      '#/fleet',
      '#/system',
      '#/trips',
      '#/outbox',
      '#/reports',
      '#/audit',
    ],
  },
] as const;

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** Serious and critical violations on the page as it stands, one line each with where they are. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe.skipIf(!hasChromium)('accessibility (axe-core)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(['en', 'rw'] as const)('in %s', (lang) => {
    it.each(apps)('every screen of $base', async (app) => {
      const context = await browser.newContext({
        viewport: app.viewport,
        locale: 'en-GB',
        serviceWorkers: 'block',
      });
      await context.addInitScript((l) => localStorage.setItem('kigaligo.lang', l), lang);
      const page = await context.newPage();
      await page.goto(server.url + app.base);
      const labels = signInLabels[lang];
      await page.getByLabel(labels.email, { exact: true }).fill(app.email);
      await page.getByLabel(labels.password, { exact: true }).fill(app.password);
      await page.getByRole('button', { name: labels.submit, exact: true }).click();
      await page.locator('main h1, .kg-admin-content h1').first().waitFor();
      const found: Record<string, string[]> = {};
      for (const screen of app.screens) {
        await page.goto(server.url + app.base + screen);
        await page.locator('main h1, .kg-admin-content h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        // Maps add their controls and markers once drawn: check them as the user meets them.
        for (const map of await page.locator('[data-ready]').all()) {
          await map.and(page.locator('[data-ready="true"]')).waitFor();
        }
        const violations = await seriousViolations(page);
        if (violations.length) found[screen] = violations;
      }
      expect(found).toEqual({});
      await context.close();
    });
  });
});

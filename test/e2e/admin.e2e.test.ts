import type { Browser } from 'playwright-core';
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
} from './harness';
import { newStaff } from './sync-helpers';

describe.skipIf(!hasChromium)('admin console', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists users, creates a driver who can then sign in to the driver app', async () => {
    const { context, page, errors } = await openPage(browser, desktop);
    await page.goto(`${server.url}/admin/`);
    await signIn(page, 'admin@demo.kigaligo.rw', 'kigali-admin');

    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(3);
    for (const email of ['rider@demo.kigaligo.rw', 'driver@demo.kigaligo.rw', 'admin@demo.kigaligo.rw']) {
      await page.getByRole('cell', { name: email }).waitFor();
    }
    await page.getByRole('button', { name: 'Drivers' }).click();
    await expect(rows.count()).resolves.toBe(1);

    await page.getByRole('link', { name: 'Add driver' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a driver' }).waitFor();
    const submit = page.getByRole('button', { name: 'Create driver account' });
    await submit.click();
    await page.getByText('This field is required').first().waitFor();
    await page.getByLabel('Full name').fill('Claudine Ingabire');
    await page.getByLabel('Email', { exact: true }).fill('claudine@fleet.kigaligo.rw');
    await page.getByLabel('Phone', { exact: true }).fill('0788 000 111');
    await page.getByLabel('Password', { exact: true }).fill('moto-kigali-77');
    await submit.click();
    await page.getByText('Use a Rwandan mobile number like +250 788 123 456').waitFor();
    await page.getByLabel('Phone', { exact: true }).fill('+250 788 000 111');
    await submit.click();
    await page.getByText('Driver account created for Claudine Ingabire.').waitFor();
    await screenshot(page, 'admin-driver-created');

    // The same email again: the server's 409 is shown on the form.
    await page.getByLabel('Full name').fill('Claudine Ingabire');
    await page.getByLabel('Email', { exact: true }).fill('claudine@fleet.kigaligo.rw');
    await page.getByLabel('Phone', { exact: true }).fill('+250 788 000 111');
    await page.getByLabel('Password', { exact: true }).fill('moto-kigali-77');
    await submit.click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'An account with this email already exists.',
    );

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('cell', { name: 'claudine@fleet.kigaligo.rw' }).waitFor();
    await expect(rows.count()).resolves.toBe(4);
    await page.getByRole('link', { name: 'System' }).click();
    await page.getByText('Working', { exact: true }).waitFor();
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
    await context.close();

    const driver = await openPage(browser);
    await driver.page.goto(`${server.url}/driver/`);
    await signIn(driver.page, 'claudine@fleet.kigaligo.rw', 'moto-kigali-77');
    await driver.page.getByText('Off duty').waitFor();
    await driver.context.close();
  });

  it('makes a driver an admin after a confirmation; the driver’s session ends at once', async () => {
    const { email, password } = await newStaff(server.url, 'driver', 'Jean Promoted');
    const driver = await (
      await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
    ).json();

    const { context, page } = await openPage(browser, desktop);
    await page.goto(`${server.url}/admin/`);
    await signIn(page, 'admin@demo.kigaligo.rw', 'kigali-admin');
    const row = page.locator('table tbody tr', { has: page.getByRole('cell', { name: email }) });
    await row.getByRole('button', { name: 'Make admin' }).click({ timeout: 20_000 });
    await row.getByText('Make Jean Promoted Admin?', { exact: false }).waitFor();
    await row.getByRole('button', { name: 'Change role' }).click();
    await row.getByRole('button', { name: 'Make driver' }).waitFor({ timeout: 10_000 });
    expect(await row.locator('.kg-badge').first().textContent()).toBe('Admin');
    // The demo admin's own row offers no change.
    const own = page.locator('table tbody tr', {
      has: page.getByRole('cell', { name: 'admin@demo.kigaligo.rw' }),
    });
    expect(await own.getByRole('button').count()).toBe(0);
    const me = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${driver.accessToken}` },
    });
    expect(me.status).toBe(401);
    await context.close();
  });

  it('the admin console refuses a rider account', async () => {
    const { context, page } = await openPage(browser, desktop);
    await page.goto(`${server.url}/admin/`);
    await signIn(page, 'rider@demo.kigaligo.rw', 'kigali-rider');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/for KigaliGo admins only/);
    await context.close();
  });
});

import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage, signIn } from './harness';

// Shared steps of the sync end-to-end tests: the rider app's places card and its sync status row.

/** A fresh rider per test, so no test sees another's document. */
export async function newRider(url: string) {
  const email = `rider-${crypto.randomUUID().slice(0, 8)}@e2e.kigaligo.rw`;
  const password = 'kigali-rider-e2e';
  const res = await fetch(`${url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Grace Iradukunda', email, password }),
  });
  expect(res.status).toBe(201);
  return { email, password };
}

/** A staff account made by the demo admin through the API, as the admin app would; a new admin has no factor yet. */
export async function newStaff(url: string, role: 'driver' | 'admin', name: string) {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const demo = await (
    await post('/api/auth/login', { email: 'admin@demo.kigaligo.rw', password: 'kigali-admin' })
  ).json();
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@e2e.kigaligo.rw`;
  const password = 'three quiet hills of Kigali';
  const phone = `+25078${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const created = await post('/api/admin/users', { email, password, name, phone, role }, demo.accessToken);
  expect(created.status).toBe(201);
  return { email, password };
}

export const status = (page: Page) => page.getByTestId('sync-status');
export const field = (page: Page, name: 'Home' | 'Work') => page.getByLabel(name, { exact: true });

export async function waitSaved(page: Page) {
  await status(page).and(page.locator('[data-pending="0"][data-sync-state="online"]')).waitFor();
  await status(page).getByText('All changes saved').waitFor();
}

export async function savePlaces(page: Page, places: { home?: string; work?: string }) {
  if (places.home !== undefined) await field(page, 'Home').fill(places.home);
  if (places.work !== undefined) await field(page, 'Work').fill(places.work);
  await page.getByRole('button', { name: 'Save places' }).click();
}

export async function expectPlaces(page: Page, home: string, work: string) {
  await expect.poll(() => field(page, 'Home').inputValue(), { timeout: 20_000 }).toBe(home);
  await expect.poll(() => field(page, 'Work').inputValue(), { timeout: 20_000 }).toBe(work);
}

/** Another browser profile signed in as the same rider: it only sees what the server stored. */
export async function secondDevice(
  browser: Browser,
  url: string,
  rider: { email: string; password: string },
) {
  const other = await openPage(browser);
  await other.page.goto(`${url}/`);
  await signIn(other.page, rider.email, rider.password);
  await waitSaved(other.page);
  return other;
}

/** What a page's sync shows, for a failure message: its status row and the card texts around it. */
export async function syncDiagnosis(page: Page): Promise<string> {
  const row = status(page);
  const attrs = await row
    .evaluate((el) =>
      Object.entries((el as HTMLElement).dataset)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
    )
    .catch(() => 'no sync status row');
  const text = await page
    .locator('main')
    .textContent()
    .catch(() => 'no main element');
  return `${attrs}\n${(text ?? '').slice(0, 1500)}`;
}

/**
 * Fills the rider app's sandbox test card form (`card-step`) and presses Pay; the expiry and CVC default to a
 * valid pair.
 */
export async function payWithTestCard(card: Locator, number: string, expiry = '12/40', cvc = '123') {
  await card.getByLabel('Card number').fill(number, { timeout: 30_000 });
  await card.getByLabel('Expiry (MM/YY)').fill(expiry);
  await card.getByLabel('CVC').fill(cvc);
  await card.getByRole('button', { name: /^Pay RWF [\d,]+$/ }).click();
}

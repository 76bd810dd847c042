import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeDriverOnShift } from '../../sync-server/src/test-support/trip-fixtures';
import {
  hasChromium,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startTestServer,
  type TestPage,
  type TestServer,
} from './harness';
import { newRider } from './sync-helpers';

// Issue 19: a card booking waits for its card. With no Stripe keys the rider app shows the sandbox's labelled
// test card form, which behaves as Stripe's test cards do (paid, declined, a bank check); cards need the network,
// so offline the rider can choose cash instead and it is sent when the network returns.

const NYABUGOGO = { lat: -1.9393, lon: 30.0447 };

async function pickPlace(page: Page, label: string, query: string) {
  await page.getByLabel(label, { exact: true }).fill(query);
  await page
    .getByRole('option', { name: new RegExp(query) })
    .first()
    .click();
}

describe.skipIf(!hasChromium)('paying a card booking in the rider app (sandbox)', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: TestPage;
  let r: Page;

  beforeAll(async () => {
    // Offers wait long enough that no booking here is moved on while its card is being entered.
    [server, browser] = await Promise.all([
      startTestServer(undefined, { dispatchAcceptSeconds: 600 }),
      launchBrowser(),
    ]);
    for (let i = 0; i < 3; i++) await makeDriverOnShift(server.db(), 'e2e-unused-secret', { at: NYABUGOGO });
    const rider = await newRider(server.url);
    tab = await openPage(browser);
    r = tab.page;
    await r.goto(`${server.url}/`);
    await signIn(r, rider.email, rider.password);
  });
  afterAll(async () => {
    await tab?.context.close();
    await browser?.close();
    await server?.close();
  });

  /** Books a moto by card from Nyabugogo to Kimironko; resolves on the trip page once it is confirmed. */
  async function bookByCard() {
    await r.goto(`${server.url}/#/book`);
    await pickPlace(r, 'Pickup', 'Nyabugogo');
    await pickPlace(r, 'Destination', 'Kimironko');
    await r.getByRole('button', { name: 'Card', exact: true }).click();
    await r.getByText('You enter your card once the ride is confirmed').waitFor();
    await r.getByRole('button', { name: /^Book Moto · RWF/ }).click();
    await r.getByTestId('trip-stage').and(r.locator('[data-stage="confirmed"]')).waitFor({ timeout: 30_000 });
    return r.getByTestId('card-step');
  }
  const payment = (status: string) =>
    r.getByTestId('trip-payment').and(r.locator(`[data-payment="${status}"]`));

  it('a test card that asks for a bank check pays once the rider confirms it', async () => {
    const card = await bookByCard();
    await r.getByTestId('trip-payment').getByText('Card · Waiting for your card').waitFor();
    await card.getByText('Test mode: no real card is charged').waitFor({ timeout: 30_000 });
    await card.getByLabel('Card number').fill('4000 0027 6000 3184');
    await card.getByLabel('Expiry (MM/YY)').fill('01/20');
    await card.getByLabel('CVC').fill('12');
    await card.getByRole('button', { name: /^Pay RWF [\d,]+$/ }).click();
    // Checked on the phone first, in the rider's words.
    await card.getByText('This card has expired').waitFor();
    await card.getByText('Enter the 3 or 4 digits on the back of the card').waitFor();
    await screenshot(r, 'card-sandbox-form');
    await card.getByLabel('Expiry (MM/YY)').fill('12/40');
    await card.getByLabel('CVC').fill('123');
    await card.getByRole('button', { name: /^Pay RWF [\d,]+$/ }).click();
    const check = card.getByTestId('sandbox-auth');
    await check.getByText('Test bank check').waitFor();
    await screenshot(r, 'card-sandbox-check');
    await check.getByRole('button', { name: 'Confirm it is me' }).click();
    await payment('succeeded').waitFor({ timeout: 30_000 });
    await card.waitFor({ state: 'detached' });
  });

  it('a declined test card fails the payment, and the rider can pay another way', async () => {
    const card = await bookByCard();
    await card.getByLabel('Card number').fill('4000 0000 0000 0002', { timeout: 30_000 });
    await card.getByLabel('Expiry (MM/YY)').fill('12/40');
    await card.getByLabel('CVC').fill('123');
    await card.getByRole('button', { name: /^Pay RWF [\d,]+$/ }).click();
    await payment('failed').waitFor({ timeout: 30_000 });
    await r.getByTestId('pay-again').getByText('Your payment did not go through').waitFor();
  });

  it('offline, the rider pays the card booking in cash instead; it is sent when the network returns', async () => {
    const card = await bookByCard();
    await card.getByText('Test mode: no real card is charged').waitFor({ timeout: 30_000 });
    await tab.context.setOffline(true);
    await card.getByText('Cards need a connection').waitFor();
    await card.getByRole('button', { name: 'Cash', exact: true }).click();
    await card.getByRole('button', { name: /^Pay RWF [\d,]+ this way$/ }).click();
    await r
      .getByTestId('queued-payments')
      .getByText('Sent as soon as you are online: paying by Cash.')
      .waitFor();
    // Kept on the phone through a reload.
    await r.reload();
    await r.getByTestId('queued-payments').getByText('paying by Cash').waitFor();
    await tab.context.setOffline(false);
    await payment('pending').getByText('Cash · Pay the driver in cash').waitFor({ timeout: 30_000 });
    await r.getByTestId('queued-payments').waitFor({ state: 'detached' });
    await r.getByTestId('card-step').waitFor({ state: 'detached' });
  });
});

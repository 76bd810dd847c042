import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, signIn, startTestServer, type TestServer } from './harness';
import { newRider } from './sync-helpers';

const NEW_PASSWORD = 'purple tractor umbrella';

describe.skipIf(!hasChromium)('password reset by email in the apps', () => {
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

  async function tab(path: string) {
    const t = await openPage(browser);
    contexts.push(t.context);
    await t.page.goto(`${server.url}${path}`);
    return t.page;
  }

  /** The reset email as the development outbox holds it, read the way an admin would (GET /api/admin/outbox). */
  async function resetEmailTo(email: string): Promise<string> {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.kigaligo.rw', password: 'kigali-admin' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const res = await fetch(`${server.url}/api/admin/outbox?limit=200`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const { messages } = (await res.json()) as {
      messages: { topic: string; payload: { to?: string; text?: string } }[];
    };
    const mail = messages.find((m) => m.topic === 'email' && m.payload.to === email);
    expect(mail, `an email to ${email}`).toBeDefined();
    return mail!.payload.text!;
  }

  it('a rider asks for a link, follows it from the email, sets a new password and signs in with it', async () => {
    const rider = await newRider(server.url);
    const page = await tab('/');
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await page.getByLabel('Email').fill(rider.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page
      .getByText(`If an account uses ${rider.email}, a link is on its way.`)
      .waitFor({ timeout: 10_000 });

    const text = await resetEmailTo(rider.email);
    const link = /https?:\/\/\S+#reset=[A-Za-z0-9_-]+/.exec(text)?.[0];
    expect(link).toBeDefined();
    // Opened where the app already runs (only the hash changes), as a mail app on the same phone would.
    const fromEmail = await tab('/');
    await fromEmail.goto(link!);
    await fromEmail.getByRole('heading', { name: 'Choose a new password' }).waitFor({ timeout: 10_000 });
    // The token leaves the address bar as soon as the screen has it.
    expect(fromEmail.url()).not.toContain('reset=');
    await fromEmail.getByLabel('New password').fill('password');
    await fromEmail.getByRole('button', { name: 'Save the new password' }).click();
    await fromEmail.getByText('This password is too easy to guess.').first().waitFor({ timeout: 10_000 });
    await fromEmail.getByLabel('New password').fill(NEW_PASSWORD);
    await fromEmail.getByRole('button', { name: 'Save the new password' }).click();
    await fromEmail.getByText('Your password is changed').waitFor({ timeout: 10_000 });
    await fromEmail.getByRole('button', { name: 'Sign in', exact: true }).click();

    await signIn(fromEmail, rider.email, rider.password);
    await fromEmail.getByText('Wrong email or password.').waitFor({ timeout: 10_000 });
    await signIn(fromEmail, rider.email, NEW_PASSWORD);
    await fromEmail.getByRole('heading', { name: 'Settings' }).waitFor({ timeout: 20_000 });

    // The same link a second time: it says so and offers a new one.
    const again = await tab(new URL(link!).pathname + new URL(link!).hash);
    await again.getByRole('button', { name: 'Save the new password' }).waitFor({ timeout: 10_000 });
    await again.getByLabel('New password').fill('another quite long phrase');
    await again.getByRole('button', { name: 'Save the new password' }).click();
    await again.getByText('This link was already used').waitFor({ timeout: 10_000 });
    await again.getByRole('button', { name: 'Ask for a new link' }).click();
    await again.getByRole('button', { name: 'Send the link' }).waitFor();
  });

  it('the driver and admin sign-in screens offer the same request form', async () => {
    for (const path of ['/driver/', '/admin/']) {
      const page = await tab(path);
      await page.getByRole('button', { name: 'Forgot password?' }).click({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Send the link' }).waitFor();
      await page.getByRole('button', { name: 'Back to sign in' }).click();
      await page.getByLabel('Password', { exact: true }).waitFor();
    }
  });
});

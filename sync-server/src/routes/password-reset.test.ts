import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, passwordResetTokens, users } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'purple tractor umbrella';

describe.each(testDatabaseKinds)('password reset on %s', (kind) => {
  let t: TestApp;
  let ip = 0;
  beforeAll(async () => {
    t = await createTestApp(kind, { trustProxy: true, publicUrl: 'https://go.example.rw' });
  });
  afterAll(() => t.dispose());

  // Each test asks from its own client address, so the per-client limit only shows where a test wants it.
  const nextClient = () => `203.0.113.${++ip}`;
  const register = async (email: string) => {
    const res = await t.request('POST', '/api/auth/register', {
      body: { email, password: PASSWORD, name: 'Reset Tester' },
      headers: { 'x-forwarded-for': nextClient() },
    });
    expect(res.status).toBe(201);
    return res.json();
  };
  const ask = (email: string, client = nextClient(), app?: string) =>
    t.request('POST', '/api/auth/password-reset', {
      body: { email, ...(app ? { app } : {}) },
      headers: { 'x-forwarded-for': client },
    });
  const confirm = (token: string, newPassword = NEW_PASSWORD) =>
    t.request('POST', '/api/auth/password-reset/confirm', { body: { token, newPassword } });
  const login = (email: string, password: string) =>
    t.request('POST', '/api/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': nextClient() },
    });
  type Email = { subject: string; text: string };
  const emailsTo = async (email: string) =>
    (
      await t.database.db
        .select({ payload: outbox.payload })
        .from(outbox)
        .where(and(eq(outbox.topic, 'email'), sql`${outbox.payload}->>'to' = ${email}`))
        .orderBy(desc(outbox.createdAt))
    ).map((row) => row.payload as Email);
  const latestEmail = async (email: string) => {
    const [mail] = await emailsTo(email);
    if (!mail) throw new Error(`no email to ${email}`);
    return mail;
  };
  const latestToken = async (email: string) => {
    const { text } = await latestEmail(email);
    const token = /#reset=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(token).toBeDefined();
    return token as string;
  };

  it('answers the same for an account and for an unknown address, and emails only the account', async () => {
    const email = `same-${kind}@example.rw`;
    await register(email);
    const known = await ask(email);
    const unknown = await ask(`nobody-${kind}@example.rw`);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    expect(await emailsTo(`nobody-${kind}@example.rw`)).toHaveLength(0);
    const { subject, text } = await latestEmail(email);
    expect(subject).toBe('KigaliGo: reset your password');
    expect(text).toMatch(/https:\/\/go\.example\.rw\/#reset=[A-Za-z0-9_-]{43}/);
    // Only the hash is stored: the token in the email is nowhere in the table.
    const token = await latestToken(email);
    const rows = await t.database.db.select().from(passwordResetTokens);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('writes in the account’s language and links to the app that asked', async () => {
    const email = `rw-${kind}@example.rw`;
    const { user } = await register(email);
    await t.database.db.update(users).set({ language: 'rw' }).where(eq(users.id, user.id));
    expect((await ask(email, nextClient(), 'driver')).status).toBe(202);
    const { subject, text } = await latestEmail(email);
    expect(subject).toBe('KigaliGo: hindura ijambo ry’ibanga');
    expect(text).toContain('Muraho Reset');
    expect(text).toMatch(/https:\/\/go\.example\.rw\/driver\/#reset=/);
  });

  it('sets the new password once, ends every session at once, and the old password is refused', async () => {
    const email = `confirm-${kind}@example.rw`;
    const session = await register(email);
    await ask(email);
    const token = await latestToken(email);
    const res = await confirm(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ endedSessions: 1 });
    expect((await t.request('GET', '/api/me', { token: session.accessToken })).status).toBe(401);
    expect((await login(email, PASSWORD)).status).toBe(401);
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
    const again = await confirm(token, 'another quite long phrase');
    expect(again.status).toBe(400);
    expect((await again.json()).error.code).toBe('reset_token_used');
  });

  it('refuses unknown, replaced and expired tokens and weak passwords, changing nothing', async () => {
    const unknown = await confirm('not-a-token-we-sent');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.code).toBe('reset_token_unknown');

    const email = `refuse-${kind}@example.rw`;
    await register(email);
    await ask(email);
    const first = await latestToken(email);
    await ask(email);
    const second = await latestToken(email);
    expect(second).not.toBe(first);
    expect((await (await confirm(first)).json()).error.code).toBe('reset_token_used');

    const weak = await confirm(second, 'password');
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.code).toBe('weak_password');

    // Thirty minutes later the link is dead.
    await t.database.db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(sql`${passwordResetTokens.supersededAt} is null`);
    const expired = await confirm(second);
    expect(expired.status).toBe(400);
    expect((await expired.json()).error.code).toBe('reset_token_expired');
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it('ends open links when the password is changed another way', async () => {
    const email = `change-${kind}@example.rw`;
    const session = await register(email);
    await ask(email);
    const token = await latestToken(email);
    const change = await t.request('POST', '/api/auth/password', {
      token: session.accessToken,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(change.status).toBe(200);
    expect((await (await confirm(token, 'another quite long phrase')).json()).error.code).toBe(
      'reset_token_used',
    );
  });

  it('sends no link to a suspended account, and a link sent before the suspension changes nothing', async () => {
    const email = `suspended-${kind}@example.rw`;
    const { user } = await register(email);
    expect((await ask(email)).status).toBe(202);
    const token = await latestToken(email);
    await t.database.db.update(users).set({ suspended: true }).where(eq(users.id, user.id));
    expect((await ask(email)).status).toBe(202);
    expect(await emailsTo(email)).toHaveLength(1);
    const refused = await confirm(token);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('account_suspended');
    await t.database.db.update(users).set({ suspended: false }).where(eq(users.id, user.id));
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it('limits requests per client with 429, and per account silently', async () => {
    const client = nextClient();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask(`flood-${i}-${kind}@example.rw`, client)).status);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses[5]).toBe(429);

    const email = `mailbox-${kind}@example.rw`;
    await register(email);
    for (let i = 0; i < 5; i++) expect((await ask(email)).status).toBe(202);
    expect(await emailsTo(email)).toHaveLength(3);
  });

  it('refuses a malformed request with 400 and sends nothing', async () => {
    const res = await t.request('POST', '/api/auth/password-reset', {
      body: { email: 'not an email' },
      headers: { 'x-forwarded-for': nextClient() },
    });
    expect(res.status).toBe(400);
    const bad = await ask(`x-${kind}@example.rw`, nextClient(), 'elsewhere');
    expect(bad.status).toBe(400);
  });
});

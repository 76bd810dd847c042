import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/server-process';
import { oidcIdentities, users } from '../db/schema';
import { startTestOidcProvider, TEST_CLIENT } from '../test-support/oidc-provider';
import { signInAtProvider } from '../test-support/provider-browser';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';

const accounts = {
  newcomer: { email: 'Newcomer@Example.rw', emailVerified: true, name: 'Ange Newcomer' },
  unverified: { email: 'unverified@example.rw', emailVerified: false },
  'rider-who-registered': { email: 'registered@example.rw', emailVerified: true },
  'claims-the-driver': { email: 'driver@demo.kigaligo.rw', emailVerified: true },
};

describe.each(testDatabaseKinds)('sign in with an identity provider (%s)', (kind) => {
  let provider: Awaited<ReturnType<typeof startTestOidcProvider>>;
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const exchange = (code: string) =>
    fetch(`${t.server.url}/api/auth/oidc/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
  const signIn = async (login: string) => signInAtProvider(`${t.server.url}/api/auth/oidc/start`, login);

  beforeAll(async () => {
    // The server's port is known only once it listens, and the provider's issuer is part of the server's
    // configuration: the test server takes a fixed redirect origin (PUBLIC_URL) on a port chosen first.
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    provider = await startTestOidcProvider([`${origin}/api/auth/oidc/callback`], accounts);
    t = await startTestServer(kind, {
      port,
      publicUrl: origin,
      oidc: { issuer: provider.issuer, ...TEST_CLIENT, name: 'Test ID' },
    });
  });
  afterAll(async () => {
    await t?.stop();
    await provider?.close();
  });

  it('makes a rider account for a verified email, and signs the same person in to it again', async () => {
    const config = (await (await fetch(`${t.server.url}/api/config`)).json()) as {
      identityProvider: unknown;
    };
    expect(config.identityProvider).toEqual({ name: 'Test ID' });
    const back = await signIn('newcomer');
    expect(back.get('oidc-error')).toBeNull();
    const res = await exchange(back.get('oidc')!);
    expect(res.status).toBe(200);
    const session = (await res.json()) as {
      accessToken: string;
      user: { id: string; role: string; email: string };
    };
    expect(session.user).toMatchObject({
      role: 'rider',
      email: 'newcomer@example.rw',
      name: 'Ange Newcomer',
      hasPassword: false,
    });
    const bearer = { authorization: `Bearer ${session.accessToken}`, 'content-type': 'application/json' };
    const me = await fetch(`${t.server.url}/api/me`, { headers: bearer });
    expect(me.status).toBe(200);
    // No first password from a signed-in screen (a stolen session would become a lasting password): 409.
    const change = await fetch(`${t.server.url}/api/auth/password`, {
      method: 'POST',
      headers: bearer,
      body: JSON.stringify({ currentPassword: 'anything', newPassword: 'purple tractor umbrella' }),
    });
    expect(change.status).toBe(409);
    expect(((await change.json()) as { error: { code: string } }).error.code).toBe('no_password');
    // The code was used: a second exchange is refused, with the reason.
    const again = await exchange(back.get('oidc')!);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('oidc_code_invalid');

    const second = (await (await exchange((await signIn('newcomer')).get('oidc')!)).json()) as typeof session;
    expect(second.user.id).toBe(session.user.id);
    const db = t.server.deps.database.db;
    expect(await db.select().from(users).where(eq(users.email, 'newcomer@example.rw'))).toHaveLength(1);
  });

  it('links a rider who registered with a password through the verified email; the password still works', async () => {
    expect((await t.register('registered@example.rw')).user.role).toBe('rider');
    const back = await signIn('rider-who-registered');
    const session = (await (await exchange(back.get('oidc')!)).json()) as {
      user: { email: string; id: string; hasPassword: boolean };
    };
    expect(session.user).toMatchObject({ email: 'registered@example.rw', hasPassword: true });
    const db = t.server.deps.database.db;
    const links = await db.select().from(oidcIdentities).where(eq(oidcIdentities.userId, session.user.id));
    expect(links).toMatchObject([{ issuer: provider.issuer, subject: 'rider-who-registered' }]);
    await expect(t.login('registered@example.rw', 'password-123')).resolves.toMatchObject({
      user: { id: session.user.id },
    });
  });

  it('refuses an unverified email and a staff account’s email, creating and linking nothing', async () => {
    const db = t.server.deps.database.db;
    const before = (await db.select().from(users)).length;
    expect((await signIn('unverified')).get('oidc-error')).toBe('email_not_verified');
    expect((await signIn('claims-the-driver')).get('oidc-error')).toBe('staff_account');
    expect((await db.select().from(users)).length).toBe(before);
    const driverLinks = await db
      .select()
      .from(oidcIdentities)
      .where(eq(oidcIdentities.subject, 'claims-the-driver'));
    expect(driverLinks).toHaveLength(0);
  });

  it('sends a browser that comes back without its sign-in cookie to the app with the reason', async () => {
    const res = await fetch(`${t.server.url}/api/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/#oidc-error=expired');
  });
});

describe('without an identity provider configured', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t.stop());

  it('offers no button and refuses to start', async () => {
    const config = (await (await fetch(`${t.server.url}/api/config`)).json()) as {
      identityProvider: unknown;
    };
    expect(config.identityProvider).toBeNull();
    const res = await fetch(`${t.server.url}/api/auth/oidc/start`, { redirect: 'manual' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('oidc_not_configured');
  });
});

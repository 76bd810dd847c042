import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

describe.each(testDatabaseKinds)('sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { trustProxy: true });
  });
  afterAll(() => t.dispose());

  const signIn = async (email: string, password: string, app: string, ip: string) => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { email, password },
      headers: { 'x-kigaligo-app': app, 'user-agent': `Test phone (${app})`, 'x-forwarded-for': ip },
    });
    expect(res.status).toBe(200);
    return res.json();
  };
  const register = async (email: string) => {
    const res = await t.request('POST', '/api/auth/register', {
      body: { email, password: 'correct horse battery', name: 'Session Tester' },
      headers: { 'x-kigaligo-app': 'rider', 'x-forwarded-for': '198.51.100.7' },
    });
    expect(res.status).toBe(201);
    return res.json();
  };
  const me = (token: string) => t.request('GET', '/api/me', { token });

  it('lists the caller’s devices with app, coarse network and which one is this', async () => {
    const first = await register(`list-${kind}@example.rw`);
    const second = await signIn(
      `list-${kind}@example.rw`,
      'correct horse battery',
      'rider',
      '2001:db8:abcd:12::7',
    );
    const res = await t.request('GET', '/api/me/sessions', { token: second.accessToken });
    expect(res.status).toBe(200);
    const { sessions } = await res.json();
    expect(sessions).toHaveLength(2);
    const current = sessions.find((s: { current: boolean }) => s.current);
    expect(current).toMatchObject({
      app: 'rider',
      network: '2001:db8:abcd::/48',
      userAgent: 'Test phone (rider)',
    });
    const other = sessions.find((s: { current: boolean }) => !s.current);
    expect(other).toMatchObject({ app: 'rider', network: '198.51.100.0/24' });
    // Nobody else's sessions are listed.
    const admin = await t.loginAs('admin');
    const adminList = await (await t.request('GET', '/api/me/sessions', { token: admin.accessToken })).json();
    expect(adminList.sessions.map((s: { id: string }) => s.id)).not.toContain(other.id);
    expect(first.user.id).toBe(second.user.id);
  });

  it('refuses an access token right after its logout, and keeps the other sessions', async () => {
    const a = await register(`logout-${kind}@example.rw`);
    const b = await signIn(`logout-${kind}@example.rw`, 'correct horse battery', 'rider', '198.51.100.8');
    expect((await me(a.accessToken)).status).toBe(200);
    expect(
      (await t.request('POST', '/api/auth/logout', { body: { refreshToken: a.refreshToken } })).status,
    ).toBe(204);
    const after = await me(a.accessToken);
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe('session_revoked');
    expect((await me(b.accessToken)).status).toBe(200);
    const listed = await (await t.request('GET', '/api/me/sessions', { token: b.accessToken })).json();
    expect(listed.sessions).toHaveLength(1);
  });

  it('ends one session by id (only the caller’s own) and everywhere', async () => {
    const a = await register(`end-${kind}@example.rw`);
    const b = await signIn(`end-${kind}@example.rw`, 'correct horse battery', 'driver', '198.51.100.9');
    const c = await signIn(`end-${kind}@example.rw`, 'correct horse battery', 'rider', '198.51.100.10');
    const { sessions } = await (await t.request('GET', '/api/me/sessions', { token: a.accessToken })).json();
    const bId = sessions.find((s: { app: string }) => s.app === 'driver').id;
    const stranger = await t.loginAs('rider');
    const notTheirs = await t.request('DELETE', `/api/me/sessions/${bId}`, { token: stranger.accessToken });
    expect(notTheirs.status).toBe(404);
    expect((await me(b.accessToken)).status).toBe(200);
    expect((await t.request('DELETE', `/api/me/sessions/${bId}`, { token: a.accessToken })).status).toBe(204);
    expect((await me(b.accessToken)).status).toBe(401);
    const refreshed = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: b.refreshToken },
    });
    expect(refreshed.status).toBe(401);
    expect((await t.request('DELETE', '/api/me/sessions/not-a-uuid', { token: a.accessToken })).status).toBe(
      400,
    );

    const everywhere = await t.request('DELETE', '/api/me/sessions', { token: c.accessToken });
    expect(everywhere.status).toBe(200);
    expect((await everywhere.json()).ended).toBe(2);
    expect((await me(a.accessToken)).status).toBe(401);
    expect((await me(c.accessToken)).status).toBe(401);
  });

  it('changes the password: checks the current one and strength, then signs out every other device', async () => {
    const a = await register(`pw-${kind}@example.rw`);
    const b = await signIn(`pw-${kind}@example.rw`, 'correct horse battery', 'rider', '198.51.100.11');
    const change = (currentPassword: string, newPassword: string) =>
      t.request('POST', '/api/auth/password', {
        token: a.accessToken,
        body: { currentPassword, newPassword },
      });
    const wrong = await change('not my password', 'a brand new phrase');
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.code).toBe('wrong_password');
    const weak = await change('correct horse battery', 'password');
    expect((await weak.json()).error.code).toBe('weak_password');
    expect((await me(b.accessToken)).status).toBe(200);
    const ok = await change('correct horse battery', 'a brand new phrase');
    expect(ok.status).toBe(200);
    expect((await ok.json()).endedSessions).toBe(1);
    expect((await me(a.accessToken)).status).toBe(200);
    expect((await me(b.accessToken)).status).toBe(401);
    const old = await t.request('POST', '/api/auth/login', {
      body: { email: `pw-${kind}@example.rw`, password: 'correct horse battery' },
    });
    expect(old.status).toBe(401);
    await signIn(`pw-${kind}@example.rw`, 'a brand new phrase', 'rider', '198.51.100.12');
    const audit = await t.request('GET', `/api/admin/audit?targetId=${a.user.id}`, {
      token: (await t.loginAs('admin')).accessToken,
    });
    const actions = (await audit.json()).entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.password_changed', 'auth.signed_in']));
  });

  it('a suspension ends the driver’s access tokens at once', async () => {
    const driver = await t.loginAs('driver');
    const admin = await t.loginAs('admin');
    expect((await me(driver.accessToken)).status).toBe(200);
    const res = await t.request('POST', `/api/admin/users/${driver.user.id}/suspend`, {
      token: admin.accessToken,
      body: { reason: 'Testing revocation' },
    });
    expect(res.status).toBe(200);
    expect((await me(driver.accessToken)).status).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

const PASSWORD = 'correct horse battery';

describe.each(testDatabaseKinds)('changing a staff role on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  const createStaff = async (admin: string, email: string, role: 'driver' | 'admin') => {
    const res = await t.request('POST', '/api/admin/users', {
      token: admin,
      body: { email, password: PASSWORD, name: 'Role Tester', phone: '+250788123999', role },
    });
    expect(res.status).toBe(201);
    return (await res.json()).user as { id: string };
  };
  const login = async (email: string) =>
    (await t.request('POST', '/api/auth/login', { body: { email, password: PASSWORD } })).json();
  const changeRole = (token: string, id: string, role: string) =>
    t.request('POST', `/api/admin/users/${id}/role`, { token, body: { role } });

  it('a driver made admin: the old tokens end at once, the next sign-in is as an admin, audited', async () => {
    const admin = await t.loginAs('admin');
    const email = `role-driver-${kind}@example.rw`;
    const staff = await createStaff(admin.accessToken, email, 'driver');
    const before = await login(email);
    expect(before.user.role).toBe('driver');
    expect((await t.request('GET', '/api/me', { token: before.accessToken })).status).toBe(200);

    const res = await changeRole(admin.accessToken, staff.id, 'admin');
    expect(res.status).toBe(200);
    expect((await res.json()).user.role).toBe('admin');
    // The driver's access token and refresh token stop working now, not in 15 minutes.
    expect((await t.request('GET', '/api/me', { token: before.accessToken })).status).toBe(401);
    const refreshed = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: before.refreshToken },
    });
    expect(refreshed.status).toBe(401);
    const after = await login(email);
    expect(after.user.role).toBe('admin');
    // A new admin needs a second factor before anything else (ADMIN_MFA=required).
    expect(after.mfaEnrolmentRequired).toBe(true);

    // The same role again changes nothing and is not recorded twice.
    expect((await changeRole(admin.accessToken, staff.id, 'admin')).status).toBe(200);
    const audit = await t.request('GET', `/api/admin/audit?targetId=${staff.id}`, {
      token: admin.accessToken,
    });
    const changes = (await audit.json()).entries.filter(
      (e: { action: string }) => e.action === 'user.role_changed',
    );
    expect(changes).toHaveLength(1);
    expect(changes[0].details).toMatchObject({ from: 'driver', to: 'admin' });
  });

  it('refuses riders, one’s own role, unknown accounts, other roles and non-admins', async () => {
    const admin = await t.loginAs('admin');
    const rider = await t.loginAs('rider');
    const driver = await t.loginAs('driver');
    const notStaff = await changeRole(admin.accessToken, rider.user.id, 'driver');
    expect(notStaff.status).toBe(409);
    expect((await notStaff.json()).error.code).toBe('not_staff');
    const own = await changeRole(admin.accessToken, admin.user.id, 'driver');
    expect(own.status).toBe(409);
    expect((await own.json()).error.code).toBe('own_role');
    expect((await changeRole(admin.accessToken, crypto.randomUUID(), 'admin')).status).toBe(404);
    expect((await changeRole(admin.accessToken, driver.user.id, 'rider')).status).toBe(400);
    expect((await changeRole(driver.accessToken, driver.user.id, 'admin')).status).toBe(403);
    // Nothing changed.
    expect((await t.request('GET', '/api/me', { token: driver.accessToken })).status).toBe(200);
  });
});

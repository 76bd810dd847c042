import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signMfaChallenge, verifyMfaChallenge } from '../auth/mfa/challenge';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

const PASSWORD = 'correct horse battery';
/** A code for the step `steps` away from now (the server accepts one step either side, each step only once). */
const codeFor = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

describe.each(testDatabaseKinds)('multi-factor sign-in on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  const login = (email: string, password = PASSWORD) =>
    t.request('POST', '/api/auth/login', { body: { email, password } });
  const answer = (body: Record<string, string>) => t.request('POST', '/api/auth/mfa', { body });
  const auditActions = async (userId: string) => {
    const admin = await t.loginAs('admin');
    const res = await t.request('GET', `/api/admin/audit?targetId=${userId}`, { token: admin.accessToken });
    return (await res.json()).entries.map((e: { action: string }) => e.action) as string[];
  };
  /** Registers a rider and turns TOTP on; returns the secret, the recovery codes and the tokens. */
  const riderWithTotp = async (email: string) => {
    const reg = await t.request('POST', '/api/auth/register', {
      body: { email, password: PASSWORD, name: 'Factor Tester' },
    });
    expect(reg.status).toBe(201);
    const session = await reg.json();
    const start = await t.request('POST', '/api/me/mfa/totp', { token: session.accessToken });
    expect(start.status).toBe(200);
    const { secret, otpauthUri } = await start.json();
    const confirm = await t.request('POST', '/api/me/mfa/totp/confirm', {
      token: session.accessToken,
      body: { code: await codeFor(secret) },
    });
    expect(confirm.status).toBe(200);
    const { codes } = await confirm.json();
    return { session, secret, otpauthUri, codes: codes as string[] };
  };

  it('enrols an authenticator: secret and otpauth URI, confirmed only by a right code, never shown again', async () => {
    const reg = await t.request('POST', '/api/auth/register', {
      body: { email: `enrol-${kind}@example.rw`, password: PASSWORD, name: 'Factor Tester' },
    });
    const { accessToken } = await reg.json();
    const status = await (await t.request('GET', '/api/me/mfa', { token: accessToken })).json();
    expect(status).toEqual({ totp: false, passkeys: [], recoveryCodesLeft: 0, required: false });
    const start = await (await t.request('POST', '/api/me/mfa/totp', { token: accessToken })).json();
    expect(start.secret).toMatch(/^[A-Z2-7]+$/);
    expect(start.otpauthUri).toMatch(/^otpauth:\/\/totp\/KigaliGo:enrol-/);
    expect(start.otpauthUri).toContain(`secret=${start.secret}`);
    const wrong = await t.request('POST', '/api/me/mfa/totp/confirm', {
      token: accessToken,
      body: { code: (await codeFor(start.secret)) === '000000' ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.code).toBe('wrong_code');
    // Not on yet: signing in still gives tokens straight away.
    expect((await (await login(`enrol-${kind}@example.rw`)).json()).accessToken).toBeTruthy();
    const ok = await t.request('POST', '/api/me/mfa/totp/confirm', {
      token: accessToken,
      body: { code: await codeFor(start.secret) },
    });
    const { codes } = await ok.json();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    const after = await (await t.request('GET', '/api/me/mfa', { token: accessToken })).json();
    expect(after).toEqual({ totp: true, passkeys: [], recoveryCodesLeft: 10, required: false });
    // Once on, no new secret is handed out (a stolen session cannot swap the authenticator).
    const again = await t.request('POST', '/api/me/mfa/totp', { token: accessToken });
    expect(again.status).toBe(409);
  });

  it('signs in with password then code; a wrong or replayed code is refused', async () => {
    const email = `code-${kind}@example.rw`;
    const { session, secret } = await riderWithTotp(email);
    const first = await login(email);
    expect(first.status).toBe(200);
    const challenge = await first.json();
    expect(challenge).toMatchObject({ mfaRequired: true, methods: ['totp', 'recovery_code'] });
    expect(challenge.accessToken).toBeUndefined();
    // The challenge is not an access token.
    expect((await t.request('GET', '/api/me', { token: challenge.challengeToken })).status).toBe(401);

    const right = await codeFor(secret, 1);
    const wrong = await answer({
      challengeToken: challenge.challengeToken,
      code: right === '123456' ? '654321' : '123456',
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('wrong_code');
    const forged = await answer({ challengeToken: `${challenge.challengeToken}x`, code: right });
    expect((await forged.json()).error.code).toBe('mfa_challenge_invalid');

    const ok = await answer({ challengeToken: challenge.challengeToken, code: right });
    expect(ok.status).toBe(200);
    const tokens = await ok.json();
    expect(tokens.user.id).toBe(session.user.id);
    expect((await t.request('GET', '/api/me', { token: tokens.accessToken })).status).toBe(200);
    const replay = await answer({
      challengeToken: (await (await login(email)).json()).challengeToken,
      code: right,
    });
    expect(replay.status).toBe(401);

    const actions = await auditActions(session.user.id);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.mfa_enrolled', 'auth.mfa_used', 'auth.mfa_failed', 'auth.signed_in']),
    );
    await login(email, 'not the password at all');
    expect(await auditActions(session.user.id)).toContain('auth.sign_in_failed');
  });

  it('a recovery code works once, in any case and spacing', async () => {
    const email = `recovery-${kind}@example.rw`;
    const { session, codes } = await riderWithTotp(email);
    const challengeToken = async () => (await (await login(email)).json()).challengeToken;
    const used = await answer({
      challengeToken: await challengeToken(),
      recoveryCode: codes[0]!.toUpperCase(),
    });
    expect(used.status).toBe(200);
    const twice = await answer({ challengeToken: await challengeToken(), recoveryCode: codes[0]! });
    expect(twice.status).toBe(401);
    expect((await twice.json()).error.code).toBe('wrong_code');
    const status = await (await t.request('GET', '/api/me/mfa', { token: session.accessToken })).json();
    expect(status.recoveryCodesLeft).toBe(9);
    expect(await auditActions(session.user.id)).toContain('auth.recovery_code_used');

    // New codes need the password again, and end the old ones.
    const noPassword = await t.request('POST', '/api/me/mfa/recovery-codes', {
      token: session.accessToken,
      body: { password: 'wrong password here' },
    });
    expect((await noPassword.json()).error.code).toBe('wrong_password');
    const fresh = await t.request('POST', '/api/me/mfa/recovery-codes', {
      token: session.accessToken,
      body: { password: PASSWORD },
    });
    expect((await fresh.json()).codes).toHaveLength(10);
    const old = await answer({ challengeToken: await challengeToken(), recoveryCode: codes[1]! });
    expect(old.status).toBe(401);
  });

  it('turning TOTP off needs the password, then sign-in needs the password only', async () => {
    const email = `off-${kind}@example.rw`;
    const { session } = await riderWithTotp(email);
    const off = (password: string) =>
      t.request('POST', '/api/me/mfa/totp/disable', { token: session.accessToken, body: { password } });
    expect((await off('wrong password here')).status).toBe(400);
    expect((await login(email)).status).toBe(200);
    expect((await (await login(email)).json()).mfaRequired).toBe(true);
    expect((await off(PASSWORD)).status).toBe(204);
    expect((await (await login(email)).json()).accessToken).toBeTruthy();
    expect(await auditActions(session.user.id)).toContain('auth.mfa_disabled');
  });

  it('an admin without a factor can only enrol one; the seeded demo admin is exempt', async () => {
    const demoAdmin = await t.loginAs('admin');
    expect(demoAdmin.mfaEnrolmentRequired).toBeUndefined();
    const created = await t.request('POST', '/api/admin/users', {
      token: demoAdmin.accessToken,
      body: {
        email: `new-admin-${kind}@example.rw`,
        password: PASSWORD,
        name: 'New Admin',
        phone: '+250788123456',
        role: 'admin',
      },
    });
    expect(created.status).toBe(201);
    const first = await (await login(`new-admin-${kind}@example.rw`)).json();
    expect(first.mfaEnrolmentRequired).toBe(true);
    for (const path of ['/api/me', '/api/admin/audit', '/api/me/sessions']) {
      const res = await t.request('GET', path, { token: first.accessToken });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('mfa_enrolment_required');
    }
    const status = await (await t.request('GET', '/api/me/mfa', { token: first.accessToken })).json();
    expect(status).toMatchObject({ totp: false, required: true });
    // Refreshing does not escape enrolment.
    const refreshed = await (
      await t.request('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } })
    ).json();
    expect(refreshed.mfaEnrolmentRequired).toBe(true);

    const { secret } = await (
      await t.request('POST', '/api/me/mfa/totp', { token: refreshed.accessToken })
    ).json();
    const confirmed = await t.request('POST', '/api/me/mfa/totp/confirm', {
      token: refreshed.accessToken,
      body: { code: await codeFor(secret) },
    });
    expect(confirmed.status).toBe(200);
    const full = await (
      await t.request('POST', '/api/auth/refresh', { body: { refreshToken: refreshed.refreshToken } })
    ).json();
    expect(full.mfaEnrolmentRequired).toBeUndefined();
    expect((await t.request('GET', '/api/admin/audit', { token: full.accessToken })).status).toBe(200);
    // The policy keeps the factor on.
    const off = await t.request('POST', '/api/me/mfa/totp/disable', {
      token: full.accessToken,
      body: { password: PASSWORD },
    });
    expect(off.status).toBe(409);
    expect((await off.json()).error.code).toBe('mfa_required');
    // From now on the admin signs in with password and code.
    expect((await (await login(`new-admin-${kind}@example.rw`)).json()).mfaRequired).toBe(true);
  });
});

// Its own app: the sign-in limits per client (30 a minute) would otherwise run out across the tests above.
describe.each(testDatabaseKinds)('the sign-in MFA challenge on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());
  const login = (email: string) =>
    t.request('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
  const answer = (body: Record<string, string>) => t.request('POST', '/api/auth/mfa', { body });
  const riderWithTotp = async (email: string) => {
    const reg = await t.request('POST', '/api/auth/register', {
      body: { email, password: PASSWORD, name: 'Factor Tester' },
    });
    const { accessToken } = await reg.json();
    const { secret } = await (await t.request('POST', '/api/me/mfa/totp', { token: accessToken })).json();
    const confirm = await t.request('POST', '/api/me/mfa/totp/confirm', {
      token: accessToken,
      body: { code: await codeFor(secret) },
    });
    return { secret: secret as string, codes: (await confirm.json()).codes as string[] };
  };

  it('a challenge answers once: a used one is refused even with the next code, an expired one always', async () => {
    const email = `once-${kind}@example.rw`;
    const { secret, codes } = await riderWithTotp(email);
    const { challengeToken } = await (await login(email)).json();
    // A wrong code does not use the challenge up: the person can type again.
    const right = await codeFor(secret, 1);
    expect((await answer({ challengeToken, code: right === '123456' ? '654321' : '123456' })).status).toBe(
      401,
    );
    expect((await answer({ challengeToken, code: right })).status).toBe(200);
    const seconds: Record<string, string>[] = [
      { code: await codeFor(secret, -1) },
      { recoveryCode: codes[0]! },
    ];
    for (const second of seconds) {
      const again = await answer({ challengeToken, ...second });
      expect(again.status).toBe(401);
      expect((await again.json()).error.code).toBe('mfa_challenge_invalid');
    }
    // The recovery code the refused replay carried is still unused.
    const next = (await (await login(email)).json()).challengeToken;
    expect((await answer({ challengeToken: next, recoveryCode: codes[0]! })).status).toBe(200);

    const { userId } = (await verifyMfaChallenge(next, t.deps.jwtSecret))!;
    const old = await signMfaChallenge(userId, t.deps.jwtSecret, Math.floor(Date.now() / 1000) - 600);
    const expired = await answer({ challengeToken: old, code: await codeFor(secret) });
    expect((await expired.json()).error.code).toBe('mfa_challenge_invalid');
  });
});

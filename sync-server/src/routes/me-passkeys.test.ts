import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SoftAuthenticator } from '../test-support/soft-authenticator';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

const PASSWORD = 'correct horse battery';

describe.each(testDatabaseKinds)('passkeys on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  const register = async (email: string) => {
    const res = await t.request('POST', '/api/auth/register', {
      body: { email, password: PASSWORD, name: 'Passkey Tester' },
    });
    expect(res.status).toBe(201);
    return res.json();
  };
  const login = (email: string) =>
    t.request('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
  const auditActions = async (userId: string) => {
    const admin = await t.loginAs('admin');
    const res = await t.request('GET', `/api/admin/audit?targetId=${userId}`, { token: admin.accessToken });
    return (await res.json()).entries.map((e: { action: string }) => e.action) as string[];
  };
  /** Adds a passkey made by `device` to the account behind `token`; returns the server's answer. */
  const addPasskey = async (device: SoftAuthenticator, token: string, name?: string) => {
    const ceremony = await (await t.request('POST', '/api/me/passkeys/options', { token })).json();
    return t.request('POST', '/api/me/passkeys', {
      token,
      body: { challengeToken: ceremony.challengeToken, credential: device.register(ceremony.options), name },
    });
  };
  const passwordless = async (device: SoftAuthenticator) => {
    const ceremony = await (await t.request('POST', '/api/auth/passkey/options')).json();
    const body = { challengeToken: ceremony.challengeToken, credential: device.sign(ceremony.options) };
    return { res: await t.request('POST', '/api/auth/passkey', { body }), body };
  };

  it('adds a passkey: verified, listed, the first factor brings recovery codes, sign-in then asks for it', async () => {
    const email = `passkey-${kind}@example.rw`;
    const session = await register(email);
    const device = new SoftAuthenticator();
    const options = await (
      await t.request('POST', '/api/me/passkeys/options', { token: session.accessToken })
    ).json();
    expect(options.options).toMatchObject({
      rp: { id: 'localhost', name: 'KigaliGo' },
      user: { name: email },
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      excludeCredentials: [],
    });

    const added = await addPasskey(device, session.accessToken, 'My phone');
    expect(added.status).toBe(201);
    const { passkey, recoveryCodes } = await added.json();
    expect(passkey).toMatchObject({ name: 'My phone', lastUsedAt: null, backedUp: false });
    expect(recoveryCodes).toHaveLength(10);
    const status = await (await t.request('GET', '/api/me/mfa', { token: session.accessToken })).json();
    expect(status).toMatchObject({ totp: false, passkeys: [passkey], recoveryCodesLeft: 10 });
    // The next one is excluded from the options (one authenticator is not added twice) and brings no new codes.
    const again = await (
      await t.request('POST', '/api/me/passkeys/options', { token: session.accessToken })
    ).json();
    expect(again.options.excludeCredentials).toEqual([
      { id: passkey.id, type: 'public-key', transports: ['internal'] },
    ]);
    const second = await addPasskey(new SoftAuthenticator(), session.accessToken);
    expect(second.status).toBe(201);
    expect((await second.json()).recoveryCodes).toBeNull();

    // Password sign-in now asks for a second factor, offering this account's passkeys.
    const challenge = await (await login(email)).json();
    expect(challenge.mfaRequired).toBe(true);
    expect(challenge.methods).toEqual(['passkey', 'recovery_code']);
    expect(challenge.passkey.allowCredentials.map((c: { id: string }) => c.id)).toContain(passkey.id);
    const signed = await t.request('POST', '/api/auth/mfa', {
      body: { challengeToken: challenge.challengeToken, passkey: device.sign(challenge.passkey) },
    });
    expect(signed.status).toBe(200);
    expect((await signed.json()).user.email).toBe(email);
    const listed = await (await t.request('GET', '/api/me/mfa', { token: session.accessToken })).json();
    expect(listed.passkeys.find((p: { id: string }) => p.id === passkey.id).lastUsedAt).not.toBeNull();
    expect(await auditActions(session.user.id)).toEqual(
      expect.arrayContaining(['auth.passkey_added', 'auth.mfa_used', 'auth.signed_in']),
    );
  });

  it('a passkey of another account does not answer the second step', async () => {
    const owner = await register(`mfa-owner-${kind}@example.rw`);
    const ownerDevice = new SoftAuthenticator();
    expect((await addPasskey(ownerDevice, owner.accessToken)).status).toBe(201);
    const other = await register(`mfa-other-${kind}@example.rw`);
    const otherDevice = new SoftAuthenticator();
    const otherKey = (await (await addPasskey(otherDevice, other.accessToken)).json()).passkey.id;

    const challenge = await (await login(`mfa-owner-${kind}@example.rw`)).json();
    const res = await t.request('POST', '/api/auth/mfa', {
      body: {
        challengeToken: challenge.challengeToken,
        passkey: otherDevice.sign(challenge.passkey, { using: otherKey }),
      },
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('wrong_code');
    // The challenge is given back after a wrong answer: the owner's own passkey still works with it.
    const ok = await t.request('POST', '/api/auth/mfa', {
      body: { challengeToken: challenge.challengeToken, passkey: ownerDevice.sign(challenge.passkey) },
    });
    expect(ok.status).toBe(200);
  });

  it('signs in without a password; a replayed, forged or cloned signature is refused', async () => {
    const email = `passwordless-${kind}@example.rw`;
    const session = await register(email);
    const device = new SoftAuthenticator();
    const { passkey } = await (await addPasskey(device, session.accessToken)).json();

    const { res, body } = await passwordless(device);
    expect(res.status).toBe(200);
    const signedIn = await res.json();
    expect(signedIn.user.email).toBe(email);
    expect((await t.request('GET', '/api/me', { token: signedIn.accessToken })).status).toBe(200);
    // The same answer again mints nothing.
    const replay = await t.request('POST', '/api/auth/passkey', { body });
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.code).toBe('passkey_challenge_invalid');

    // A signature over some other challenge than the token's.
    const ceremony = await (await t.request('POST', '/api/auth/passkey/options')).json();
    const forged = await t.request('POST', '/api/auth/passkey', {
      body: {
        challengeToken: ceremony.challengeToken,
        credential: device.sign(ceremony.options, {
          challenge: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        }),
      },
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe('passkey_invalid');

    // A counter that went backwards: a copy of the key, refused.
    device.rewind(passkey.id);
    const cloned = await passwordless(device);
    expect(cloned.res.status).toBe(401);
    expect((await cloned.res.json()).error.code).toBe('passkey_invalid');

    // An unknown passkey.
    const stranger = new SoftAuthenticator();
    stranger.register(
      (await (await t.request('POST', '/api/me/passkeys/options', { token: session.accessToken })).json())
        .options,
    );
    const unknown = await passwordless(stranger);
    expect(unknown.res.status).toBe(401);
    expect(await auditActions(session.user.id)).toContain('auth.signed_in');
  });

  it('refuses a passkey without user verification, for another account, or from another origin', async () => {
    const session = await register(`careful-${kind}@example.rw`);
    const other = await register(`careful-other-${kind}@example.rw`);
    const device = new SoftAuthenticator();

    const ceremony = await (
      await t.request('POST', '/api/me/passkeys/options', { token: session.accessToken })
    ).json();
    const unverified = await t.request('POST', '/api/me/passkeys', {
      token: session.accessToken,
      body: {
        challengeToken: ceremony.challengeToken,
        credential: device.register(ceremony.options, { verified: false }),
      },
    });
    expect(unverified.status).toBe(400);
    expect((await unverified.json()).error.code).toBe('passkey_rejected');
    // That token was used up; and a token made for one account is not valid for another.
    const fresh = await (
      await t.request('POST', '/api/me/passkeys/options', { token: session.accessToken })
    ).json();
    const foreign = await t.request('POST', '/api/me/passkeys', {
      token: other.accessToken,
      body: { challengeToken: fresh.challengeToken, credential: device.register(fresh.options) },
    });
    expect(foreign.status).toBe(401);
    expect((await foreign.json()).error.code).toBe('passkey_challenge_invalid');

    const phishing = new SoftAuthenticator('https://kigaligo.example.com');
    const third = await (
      await t.request('POST', '/api/me/passkeys/options', { token: session.accessToken })
    ).json();
    const elsewhere = await t.request('POST', '/api/me/passkeys', {
      token: session.accessToken,
      body: { challengeToken: third.challengeToken, credential: phishing.register(third.options) },
    });
    expect(elsewhere.status).toBe(400);
    const status = await (await t.request('GET', '/api/me/mfa', { token: session.accessToken })).json();
    expect(status.passkeys).toEqual([]);
  });

  it('removing the last passkey needs the password and takes the recovery codes with it', async () => {
    const email = `remove-${kind}@example.rw`;
    const session = await register(email);
    const { passkey } = await (await addPasskey(new SoftAuthenticator(), session.accessToken)).json();
    const wrong = await t.request('POST', `/api/me/passkeys/${passkey.id}/remove`, {
      token: session.accessToken,
      body: { password: 'not my password' },
    });
    expect(wrong.status).toBe(400);
    const other = await register(`remove-other-${kind}@example.rw`);
    const notMine = await t.request('POST', `/api/me/passkeys/${passkey.id}/remove`, {
      token: other.accessToken,
      body: { password: PASSWORD },
    });
    expect(notMine.status).toBe(404);
    const removed = await t.request('POST', `/api/me/passkeys/${passkey.id}/remove`, {
      token: session.accessToken,
      body: { password: PASSWORD },
    });
    expect(removed.status).toBe(204);
    const status = await (await t.request('GET', '/api/me/mfa', { token: session.accessToken })).json();
    expect(status).toMatchObject({ passkeys: [], recoveryCodesLeft: 0 });
    expect((await (await login(email)).json()).accessToken).toBeTruthy();
    expect(await auditActions(session.user.id)).toContain('auth.passkey_removed');
  });

  it('an admin who must have a second factor can enrol a passkey, and cannot remove the last one', async () => {
    const demoAdmin = await t.loginAs('admin');
    const email = `passkey-admin-${kind}@example.rw`;
    const created = await t.request('POST', '/api/admin/users', {
      token: demoAdmin.accessToken,
      body: { email, password: PASSWORD, name: 'Passkey Admin', phone: '+250788123457', role: 'admin' },
    });
    expect(created.status).toBe(201);
    const first = await (await login(email)).json();
    expect(first.mfaEnrolmentRequired).toBe(true);
    const device = new SoftAuthenticator();
    const added = await addPasskey(device, first.accessToken);
    expect(added.status).toBe(201);
    const { passkey } = await added.json();
    const full = await (
      await t.request('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } })
    ).json();
    expect(full.mfaEnrolmentRequired).toBeUndefined();
    expect((await t.request('GET', '/api/admin/audit', { token: full.accessToken })).status).toBe(200);
    const remove = await t.request('POST', `/api/me/passkeys/${passkey.id}/remove`, {
      token: full.accessToken,
      body: { password: PASSWORD },
    });
    expect(remove.status).toBe(409);
    expect((await remove.json()).error.code).toBe('mfa_required');
    // The passkey alone signs the admin in, with a full token.
    const { res } = await passwordless(device);
    expect(res.status).toBe(200);
    expect((await res.json()).mfaEnrolmentRequired).toBeUndefined();
  });
  it('an admin removing the app and the last passkey at once keeps one of them', async () => {
    const demoAdmin = await t.loginAs('admin');
    const email = `two-factors-${kind}@example.rw`;
    const created = await t.request('POST', '/api/admin/users', {
      token: demoAdmin.accessToken,
      body: { email, password: PASSWORD, name: 'Two Factors', phone: '+250788123458', role: 'admin' },
    });
    expect(created.status).toBe(201);
    const first = await (await login(email)).json();
    const { passkey } = await (await addPasskey(new SoftAuthenticator(), first.accessToken)).json();
    const { secret } = await (
      await t.request('POST', '/api/me/mfa/totp', { token: first.accessToken })
    ).json();
    const confirmed = await t.request('POST', '/api/me/mfa/totp/confirm', {
      token: first.accessToken,
      body: { code: await generate({ secret }) },
    });
    expect(confirmed.status).toBe(200);
    const full = await (
      await t.request('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } })
    ).json();
    const body = { password: PASSWORD };
    const answers = await Promise.all([
      t.request('POST', '/api/me/mfa/totp/disable', { token: full.accessToken, body }),
      t.request('POST', `/api/me/passkeys/${passkey.id}/remove`, { token: full.accessToken, body }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([204, 409]);
    const status = await (await t.request('GET', '/api/me/mfa', { token: full.accessToken })).json();
    expect(Number(status.totp) + status.passkeys.length).toBe(1);
    expect(status.recoveryCodesLeft).toBe(10);
  });
});

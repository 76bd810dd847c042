import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthLimits, defaultAuthLimits } from '../auth/auth-limits';
import { memoryLimitStore } from '../auth/limit-store';
import { hashingGate } from '../auth/password';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

describe.each(testDatabaseKinds)('auth API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  it('registers a rider and signs them in', async () => {
    const body = {
      email: 'Keza@Example.RW',
      password: 'correct horse',
      name: 'Keza',
      phone: '+250 788 555 123',
    };
    const res = await t.request('POST', '/api/auth/register', { body });
    expect(res.status).toBe(201);
    const session = await res.json();
    expect(session.user).toMatchObject({ email: 'keza@example.rw', role: 'rider', phone: '+250788555123' });
    expect(session.accessToken).toMatch(/^ey/);
    const me = await t.request('GET', '/api/me', { token: session.accessToken });
    expect((await me.json()).user.id).toBe(session.user.id);
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: 'keza@example.rw', password: 'correct horse' },
    });
    expect(login.status).toBe(200);
  });

  it('refuses a second account with the same email (409) and a bad body (400 with fields)', async () => {
    const dup = await t.request('POST', '/api/auth/register', {
      body: { email: 'rider@demo.kigaligo.rw', password: 'whatever you like', name: 'X' },
    });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.code).toBe('email_taken');
    const bad = await t.request('POST', '/api/auth/register', {
      body: { email: 'not-an-email', password: 'short', name: '', phone: '12345' },
    });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'email',
      'name',
      'password',
      'phone',
    ]);
  });

  it('refuses passwords that are easy to guess, saying so on the password field, and creates nothing', async () => {
    for (const password of ['password', '12345678']) {
      const res = await t.request('POST', '/api/auth/register', {
        body: { email: `weak-${password}@example.rw`, password, name: 'Weak' },
      });
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('weak_password');
      expect(error.details[0].path).toBe('password');
      const login = await t.request('POST', '/api/auth/login', {
        body: { email: `weak-${password}@example.rw`, password },
      });
      expect(login.status).toBe(401);
    }
  });

  it('never lets sign-up pick a role', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: { email: 'sneaky@example.rw', password: 'sneaky but long', name: 'S', role: 'admin' },
    });
    expect(res.status).toBe(201);
    expect((await res.json()).user.role).toBe('rider');
  });

  it('answers a wrong password or unknown email with the same 401', async () => {
    for (const email of ['driver@demo.kigaligo.rw', 'nobody@example.rw']) {
      const res = await t.request('POST', '/api/auth/login', { body: { email, password: 'wrong-password' } });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'invalid_credentials', message: 'Wrong email or password' },
      });
    }
  });

  it('rotates refresh tokens and revokes the family when a rotated token is reused', async () => {
    const first = await t.loginAs('driver');
    const r1 = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(r1.status).toBe(200);
    const second = await r1.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // The first token was stolen and replayed: refused, and the legitimate newer token dies with it.
    const replay = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.code).toBe('token_reused');
    const after = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: second.refreshToken },
    });
    expect(after.status).toBe(401);
    // Another session of the same user is untouched.
    const other = await t.loginAs('driver');
    expect(
      (await t.request('POST', '/api/auth/refresh', { body: { refreshToken: other.refreshToken } })).status,
    ).toBe(200);
  });

  it('lets only one of two concurrent refreshes with the same token succeed', async () => {
    const s = await t.loginAs('rider');
    const results = await Promise.all(
      [1, 2].map(() => t.request('POST', '/api/auth/refresh', { body: { refreshToken: s.refreshToken } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('logs out: the refresh token stops working', async () => {
    const s = await t.loginAs('admin');
    expect(
      (await t.request('POST', '/api/auth/logout', { body: { refreshToken: s.refreshToken } })).status,
    ).toBe(204);
    const res = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: s.refreshToken } });
    expect(res.status).toBe(401);
  });

  it('answers malformed JSON with 400 invalid_json and an oversized body with 413', async () => {
    const malformed = await t.request('POST', '/api/auth/login', { body: '{"email": "a@b.rw", ' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('invalid_json');
    const huge = await t.request('POST', '/api/auth/register', {
      body: { email: 'big@example.rw', password: 'password123', name: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload_too_large');
  });
});

describe.each(testDatabaseKinds)('sign-in limits on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {
      trustProxy: true,
      authLimits: new AuthLimits(memoryLimitStore(), {
        ...defaultAuthLimits,
        loginsPerClientPerMinute: 5,
        registrations: { limit: 2, windowSeconds: 600 },
      }),
    });
  });
  afterAll(() => t.dispose());

  const attempt = (email: string, ip: string, password = 'wrong-password') =>
    t.request('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });

  it('ten wrong passwords from one client slow that client down but never stop the owner on another', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await attempt('rider@demo.kigaligo.rw', '203.0.113.5')).status);
    // The first wrong passwords are answered; then the pair is in backoff.
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses).toContain(429);
    const limited = await attempt('rider@demo.kigaligo.rw', '203.0.113.5', 'kigali-rider');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
    const owner = await attempt('rider@demo.kigaligo.rw', '198.51.100.20', 'kigali-rider');
    expect(owner.status).toBe(200);
  });

  it('limits one client trying many accounts', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(`user${i}@example.rw`, '192.0.2.7')).status).toBe(401);
    expect((await attempt('admin@demo.kigaligo.rw', '192.0.2.7', 'kigali-admin')).status).toBe(429);
    // A different client is unaffected.
    expect((await attempt('admin@demo.kigaligo.rw', '192.0.2.8', 'kigali-admin')).status).toBe(200);
  });

  it('answers a sign-up flood from one client with 429 before hashing', async () => {
    const register = (i: number) =>
      t.request('POST', '/api/auth/register', {
        body: { email: `flood${i}@example.rw`, password: 'correct horse battery', name: 'Flood' },
        headers: { 'x-forwarded-for': '192.0.2.50' },
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await register(i)).status);
    expect(statuses).toEqual([201, 201, 429, 429]);
  });

  it('while every hashing slot and queue place is taken, a sign-up gets 429 + Retry-After and creates nothing', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holders = Array.from({ length: hashingGate.concurrency + hashingGate.maxQueued }, () =>
      // A slot still held by an earlier test makes one of these wait or be refused: either way the gate is full.
      hashingGate.run(() => held).catch(() => undefined),
    );
    const res = await t.request('POST', '/api/auth/register', {
      body: { email: 'busy@example.rw', password: 'correct horse battery', name: 'Busy' },
      headers: { 'x-forwarded-for': '192.0.2.77' },
    });
    release();
    await Promise.all(holders);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    const login = await attempt('busy@example.rw', '192.0.2.78', 'correct horse battery');
    expect(login.status).toBe(401);
  });
});

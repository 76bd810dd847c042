import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client';
import { WrongRoleError } from './api-error';
import { createAuth } from './auth';
import { createConnectivity } from './connectivity';
import { createSessionStore } from './session-store';

const admin = {
  id: '00000000-0000-4000-8000-000000000009',
  email: 'ops@example.rw',
  name: 'Ops',
  phone: null,
  role: 'admin',
  suspended: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const tokens = (extra: Record<string, unknown> = {}) => ({
  user: admin,
  accessToken: 'a1',
  refreshToken: 'r1',
  expiresIn: 900,
  ...extra,
});
const challenge = {
  mfaRequired: true,
  challengeToken: 'c'.repeat(40),
  expiresIn: 300,
  methods: ['totp', 'recovery_code'],
};

function setup(role: 'admin' | 'rider', answers: Record<string, unknown>) {
  const data = new Map<string, string>();
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  } as Storage;
  const store = createSessionStore({ key: 's', role, storage });
  const bodies: Record<string, unknown>[] = [];
  const api = createApiClient({
    store,
    connectivity: createConnectivity(),
    fetch: async (input, init = {}) => {
      bodies.push(JSON.parse(String(init.body ?? '{}')));
      const answer = answers[String(input)];
      return new Response(JSON.stringify(answer ?? {}), { status: answer ? 200 : 404 });
    },
  });
  return { store, bodies, auth: createAuth(api, store, role, () => {}) };
}

describe('two-step sign-in on the device', () => {
  it('hands back the challenge without storing a session, then signs in with the code', async () => {
    const { store, bodies, auth } = setup('admin', {
      '/api/auth/login': challenge,
      '/api/auth/mfa': tokens(),
    });
    expect(await auth.login({ email: admin.email, password: 'pw-long-enough' })).toEqual(challenge);
    expect(store.get()).toBeNull();
    await auth.answerMfa(challenge.challengeToken, { code: '123456' });
    expect(bodies.at(-1)).toEqual({ challengeToken: challenge.challengeToken, code: '123456' });
    expect(store.get()?.accessToken).toBe('a1');
  });

  it('signs in at once without a factor, and keeps the enrolment-only mark for the app to act on', async () => {
    const { store, auth } = setup('admin', { '/api/auth/login': tokens({ mfaEnrolmentRequired: true }) });
    expect(await auth.login({ email: admin.email, password: 'pw-long-enough' })).toBeNull();
    expect(store.get()?.mfaEnrolmentRequired).toBe(true);
  });

  it('refuses an account of another role after the code too, and ends its session on the server', async () => {
    const { store, bodies, auth } = setup('rider', {
      '/api/auth/mfa': tokens(),
      '/api/auth/logout': {},
    });
    await expect(
      auth.answerMfa(challenge.challengeToken, { recoveryCode: 'abcdefghij' }),
    ).rejects.toBeInstanceOf(WrongRoleError);
    expect(store.get()).toBeNull();
    expect(bodies.at(-1)).toEqual({ refreshToken: 'r1' });
  });
});

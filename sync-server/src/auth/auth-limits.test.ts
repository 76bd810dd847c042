import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AuthLimits, defaultAuthLimits } from './auth-limits';
import { type LimitStore, memoryLimitStore, redisLimitStore } from './limit-store';

const stores: [string, () => Promise<LimitStore>][] = [['memory', async () => memoryLimitStore()]];
if (process.env.TEST_REDIS_URL) {
  const url = process.env.TEST_REDIS_URL;
  // A prefix per run: the Redis server is shared with other suites.
  stores.push(['redis', () => redisLimitStore(url, `test:${randomUUID()}:`)]);
}

describe.each(stores)('AuthLimits on a %s store', (_name, open) => {
  const opened: LimitStore[] = [];
  const limits = async (opts = defaultAuthLimits) => {
    const store = await open();
    opened.push(store);
    return new AuthLimits(store, opts);
  };
  afterAll(async () => {
    for (const store of opened) await store.close();
  });

  it('slows wrong passwords from one client exponentially, and not the same account from another', async () => {
    const l = await limits();
    for (let i = 0; i < 10; i++) await l.loginFailed('keza@example.rw', 'attacker');
    const wait = await l.beforeLogin('keza@example.rw', 'attacker');
    // 10 failures, 3 free: the 7th over doubles to 2^7 = 128 s.
    expect(wait).toBeGreaterThan(64);
    expect(wait).toBeLessThanOrEqual(128);
    expect(await l.beforeLogin('keza@example.rw', 'owner-phone')).toBe(0);
  });

  it('lets the first failures through, then starts at one second', async () => {
    const l = await limits();
    for (let i = 0; i < 2; i++) await l.loginFailed('a@example.rw', 'c');
    expect(await l.beforeLogin('a@example.rw', 'c')).toBe(0);
    await l.loginFailed('a@example.rw', 'c');
    expect(await l.beforeLogin('a@example.rw', 'c')).toBe(1);
  });

  it('never waits longer than the cap', async () => {
    const l = await limits({ ...defaultAuthLimits, maxBackoffSeconds: 20 });
    for (let i = 0; i < 40; i++) await l.loginFailed('b@example.rw', 'c');
    expect(await l.beforeLogin('b@example.rw', 'c')).toBeLessThanOrEqual(20);
  });

  it('forgets the failures of a pair after a success', async () => {
    const l = await limits();
    for (let i = 0; i < 6; i++) await l.loginFailed('d@example.rw', 'c');
    await l.loginSucceeded('d@example.rw', 'c');
    expect(await l.beforeLogin('d@example.rw', 'c')).toBe(0);
  });

  it('gives each client a global sign-in budget across accounts', async () => {
    const l = await limits({ ...defaultAuthLimits, loginsPerClientPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect(await l.beforeLogin(`u${i}@example.rw`, 'scanner')).toBe(0);
    expect(await l.beforeLogin('u9@example.rw', 'scanner')).toBeGreaterThan(0);
    expect(await l.beforeLogin('u9@example.rw', 'someone-else')).toBe(0);
  });

  it('limits registrations and reset requests per client', async () => {
    const l = await limits({
      ...defaultAuthLimits,
      registrations: { limit: 2, windowSeconds: 60 },
      resets: { limit: 1, windowSeconds: 60 },
    });
    expect(await l.beforeRegistration('c')).toBe(0);
    expect(await l.beforeRegistration('c')).toBe(0);
    expect(await l.beforeRegistration('c')).toBeGreaterThan(0);
    expect(await l.beforeRegistration('other')).toBe(0);
    expect(await l.beforePasswordReset('c')).toBe(0);
    expect(await l.beforePasswordReset('c')).toBeGreaterThan(0);
  });

  it('lets a few reset emails go to one account per window, from any client', async () => {
    const l = await limits({ ...defaultAuthLimits, accountResets: { limit: 2, windowSeconds: 60 } });
    expect(await l.mayEmailReset('a@example.rw')).toBe(true);
    expect(await l.mayEmailReset('a@example.rw')).toBe(true);
    expect(await l.mayEmailReset('a@example.rw')).toBe(false);
    expect(await l.mayEmailReset('b@example.rw')).toBe(true);
  });

  it('lets one of many racing answers claim a sign-in challenge, and takes it back after a wrong code', async () => {
    const l = await limits();
    const claims = await Promise.all(Array.from({ length: 8 }, () => l.claimChallenge('challenge-1', 300)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await l.claimChallenge('challenge-2', 300)).toBe(true);
    await l.releaseChallenge('challenge-1');
    expect(await l.claimChallenge('challenge-1', 300)).toBe(true);
    expect(await l.claimChallenge('challenge-1', 300)).toBe(false);
  });
});

describe('memoryLimitStore', () => {
  afterEach(() => vi.useRealTimers());

  it('opens a window at the first hit and closes it when it ends; blocks expire', async () => {
    vi.useFakeTimers({ now: 0 });
    const store = memoryLimitStore();
    expect(await store.hit('k', 60)).toEqual({ count: 1, secondsLeft: 60 });
    vi.setSystemTime(15_000);
    expect(await store.hit('k', 60)).toEqual({ count: 2, secondsLeft: 45 });
    vi.setSystemTime(60_000);
    expect(await store.hit('k', 60)).toEqual({ count: 1, secondsLeft: 60 });
    await store.block('b', 10);
    expect(await store.blockedFor('b')).toBe(10);
    vi.setSystemTime(70_000);
    expect(await store.blockedFor('b')).toBe(0);
  });
});

import type { LimitStore } from './limit-store';

export interface AuthLimitOptions {
  /** Wrong passwords for one account from one client before each further one doubles the wait. */
  freeFailures: number;
  /** The longest wait after wrong passwords, in seconds. */
  maxBackoffSeconds: number;
  /** Sign-in attempts per client (any account) per minute. */
  loginsPerClientPerMinute: number;
  /** New accounts per client per window. */
  registrations: { limit: number; windowSeconds: number };
  /** Password-reset requests per client per window. */
  resets: { limit: number; windowSeconds: number };
  /** Password-reset emails per account per window, whoever asks: nobody can fill a mailbox with them. */
  accountResets: { limit: number; windowSeconds: number };
}

export const defaultAuthLimits: AuthLimitOptions = {
  freeFailures: 3,
  maxBackoffSeconds: 15 * 60,
  loginsPerClientPerMinute: 30,
  // Riders on one mobile carrier often share an address (carrier-grade NAT): generous, still a flood stopper.
  registrations: { limit: 20, windowSeconds: 10 * 60 },
  resets: { limit: 5, windowSeconds: 60 * 60 },
  accountResets: { limit: 3, windowSeconds: 60 * 60 },
};

/**
 * Limits that protect without locking the owner out (OWASP authentication guidance). Wrong passwords slow down
 * only the pair (account, client) they came from, with exponential backoff: an attacker elsewhere can make
 * their own attempts slow but never stop the owner signing in from their own device. Each client also has a
 * global budget, so one machine cannot try many accounts. All return seconds to wait (0: go ahead).
 */
export class AuthLimits {
  constructor(
    private readonly store: LimitStore,
    private readonly opts: AuthLimitOptions = defaultAuthLimits,
  ) {}

  async beforeLogin(email: string, client: string): Promise<number> {
    const pair = await this.store.blockedFor(blockKey(email, client));
    const perClient = await this.store.hit(`login:client:${client}`, 60);
    const clientWait = perClient.count > this.opts.loginsPerClientPerMinute ? perClient.secondsLeft : 0;
    return Math.max(pair, clientWait);
  }

  async loginFailed(email: string, client: string): Promise<void> {
    const { count } = await this.store.hit(failKey(email, client), this.opts.maxBackoffSeconds);
    const over = count - this.opts.freeFailures;
    if (over >= 0)
      await this.store.block(blockKey(email, client), Math.min(2 ** over, this.opts.maxBackoffSeconds));
  }

  async loginSucceeded(email: string, client: string): Promise<void> {
    await this.store.forget(failKey(email, client), blockKey(email, client));
  }

  async beforeRegistration(client: string): Promise<number> {
    return this.windowed(`register:${client}`, this.opts.registrations);
  }

  async beforePasswordReset(client: string): Promise<number> {
    return this.windowed(`reset:${client}`, this.opts.resets);
  }

  /** Whether one more reset email may go to this address now (false: quietly send none, answer the same). */
  async mayEmailReset(email: string): Promise<boolean> {
    return (await this.windowed(`reset:account:${email}`, this.opts.accountResets)) === 0;
  }

  /**
   * Claims a sign-in MFA challenge for one answer (false: already claimed). The counter is atomic in Redis too,
   * so two processes answering the same challenge cannot both win; it lives as long as the challenge.
   */
  async claimChallenge(challengeId: string, ttlSeconds: number): Promise<boolean> {
    const { count } = await this.store.hit(challengeKey(challengeId), ttlSeconds);
    return count === 1;
  }

  /** Gives a claimed challenge back after a wrong code, so the person can type the code again. */
  async releaseChallenge(challengeId: string): Promise<void> {
    await this.store.forget(challengeKey(challengeId));
  }

  private async windowed(key: string, rule: { limit: number; windowSeconds: number }): Promise<number> {
    const { count, secondsLeft } = await this.store.hit(key, rule.windowSeconds);
    return count > rule.limit ? secondsLeft : 0;
  }
}

const challengeKey = (id: string) => `mfa:challenge:${id}`;
const failKey = (email: string, client: string) => `login:fail:${email}|${client}`;
const blockKey = (email: string, client: string) => `login:block:${email}|${client}`;

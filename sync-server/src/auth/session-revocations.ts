import { randomUUID } from 'node:crypto';
import type { SocketPurpose } from '@kigaligo/domain';
import { and, gt, isNotNull, max, sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { refreshTokens } from '../db/schema';
import type { TicketStore } from './socket-tickets';
import { ACCESS_TOKEN_TTL_SECONDS, type AccessClaims } from './tokens';

/** An access token outlives its session's revocation by at most its own lifetime (plus clock skew). */
const REMEMBER_MS = (ACCESS_TOKEN_TTL_SECONDS + 60) * 1000;
const CHANNEL = 'kigaligo:sessions:revoked';

/** How revocations reach the other server processes at once (Redis with REDIS_URL). */
export interface RevocationBus {
  publish(sessionIds: string[]): Promise<void>;
  onRevoked(handler: (sessionIds: string[]) => void): void;
  close(): Promise<void>;
}

export const localRevocationBus = (): RevocationBus => ({
  async publish() {},
  onRevoked() {},
  async close() {},
});

export async function redisRevocationBus(url: string): Promise<RevocationBus> {
  const instance = randomUUID();
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: true });
  await Promise.all([pub.connect(), sub.connect()]);
  await sub.subscribe(CHANNEL);
  const handlers: ((ids: string[]) => void)[] = [];
  sub.on('message', (_channel: string, message: string) => {
    const { from, ids } = JSON.parse(message) as { from: string; ids: string[] };
    if (from !== instance) for (const h of handlers) h(ids);
  });
  return {
    async publish(ids) {
      if (ids.length === 0) return;
      await pub.publish(CHANNEL, JSON.stringify({ from: instance, ids }));
    },
    onRevoked(handler) {
      handlers.push(handler);
    },
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}

/**
 * Which sessions ended in the last access-token lifetime, kept in memory so checking a token costs a map
 * lookup. A revocation made here is known at once; one made by another process arrives through the bus at
 * once, and the database is polled as well, so a missed message (or a revocation made in SQL by some other
 * path, such as a suspension) is known within `pollMs`. Open sockets of a revoked session are closed by
 * whoever listens (`onRevoked`).
 */
export class SessionRevocations {
  private readonly revoked = new Map<string, number>();
  private readonly listeners = new Set<(sessionId: string) => void>();
  private seenUpTo: Date | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly bus: RevocationBus,
    private readonly logger: Logger,
    private readonly pollMs = 5_000,
  ) {
    bus.onRevoked((ids) => this.remember(ids));
  }

  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => {
      this.poll().catch((err: unknown) => this.logger.error({ err }, 'session revocation poll failed'));
    }, this.pollMs);
    this.timer.unref();
  }

  isRevoked(sessionId: string): boolean {
    const forgetAt = this.revoked.get(sessionId);
    if (forgetAt === undefined) return false;
    if (forgetAt > Date.now()) return true;
    this.revoked.delete(sessionId);
    return false;
  }

  /** Call after the transaction that revoked these sessions committed. */
  async revoke(sessionIds: string[]): Promise<void> {
    this.remember(sessionIds);
    await this.bus.publish(sessionIds);
  }

  onRevoked(listener: (sessionId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.bus.close();
  }

  /**
   * After a change that revoked sessions in SQL without naming them (a suspension): learn them from the
   * database now and tell the other processes, instead of leaving it to their next poll.
   */
  async catchUp(): Promise<void> {
    await this.bus.publish(await this.poll());
  }

  /**
   * Reads revocations newer than the last seen, by the database's clock (no skew between processes); returns
   * the ones this process did not know yet.
   */
  async poll(): Promise<string[]> {
    // Overlap the last look: a revocation stamped just before it may have committed just after it.
    const since = this.seenUpTo
      ? gt(refreshTokens.revokedAt, new Date(this.seenUpTo.getTime() - 30_000))
      : gt(refreshTokens.revokedAt, sql`now() - ${`${REMEMBER_MS} milliseconds`}::interval`);
    const rows = await this.db
      .select({ familyId: refreshTokens.familyId, at: max(refreshTokens.revokedAt) })
      .from(refreshTokens)
      .where(and(isNotNull(refreshTokens.revokedAt), since))
      .groupBy(refreshTokens.familyId);
    for (const row of rows) if (row.at && (!this.seenUpTo || row.at > this.seenUpTo)) this.seenUpTo = row.at;
    return this.remember(rows.map((r) => r.familyId));
  }

  private remember(sessionIds: string[]): string[] {
    const now = Date.now();
    const fresh: string[] = [];
    for (const id of sessionIds) {
      if (!this.isRevoked(id)) fresh.push(id);
      this.revoked.set(id, now + REMEMBER_MS);
    }
    for (const id of fresh) for (const listener of this.listeners) listener(id);
    if (this.revoked.size > 50_000) {
      for (const [id, forgetAt] of this.revoked) if (forgetAt <= now) this.revoked.delete(id);
    }
    return fresh;
  }
}

/**
 * What a WebSocket endpoint needs: redeem a single-use ticket for the socket it serves (a revoked session's
 * tickets are refused) and hear of revocations. Access tokens are never accepted in a socket's URL.
 */
export interface AccessCheck {
  redeem(ticket: string, purpose: SocketPurpose): Promise<AccessClaims | null>;
  onRevoked(listener: (sessionId: string) => void): () => void;
}

export function accessCheck(tickets: TicketStore, revocations: SessionRevocations): AccessCheck {
  return {
    async redeem(ticket, purpose) {
      // Taken before the checks below: a ticket is used up by any attempt, also one that is refused.
      const grant = await tickets.take(ticket);
      if (!grant || grant.purpose !== purpose || revocations.isRevoked(grant.sessionId)) return null;
      return { userId: grant.userId, role: grant.role, sessionId: grant.sessionId };
    },
    onRevoked: (listener) => revocations.onRevoked(listener),
  };
}

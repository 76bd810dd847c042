import { createHash, randomBytes } from 'node:crypto';
import type { Role, SocketPurpose } from '@kigaligo/domain';
import { Redis } from 'ioredis';

/** Long enough to fetch a ticket and open the socket on a slow network, short enough to be useless when leaked. */
export const SOCKET_TICKET_TTL_SECONDS = 30;

/** Who a ticket was issued to, and for which socket. */
export interface TicketGrant {
  userId: string;
  role: Role;
  /** Checked against the revocations when the ticket is used: signing out ends unused tickets too. */
  sessionId: string;
  purpose: SocketPurpose;
}

/**
 * Single-use WebSocket tickets (and, with another grant type, other single-use hand-overs such as the code an
 * identity provider's sign-in hands to the app), in memory for one process or in Redis so a ticket issued by one process opens a
 * socket on another (the load balancer need not be sticky). Only a ticket's hash is stored: a dump of the store
 * or of Redis holds nothing that opens a socket.
 */
export interface TicketStore<G = TicketGrant> {
  issue(grant: G): Promise<string>;
  /** The grant of a valid ticket, which is used up by this call; null for an unknown, used or expired one. */
  take(ticket: string): Promise<G | null>;
  close(): Promise<void>;
}

const newTicket = () => randomBytes(32).toString('base64url');
const hashOf = (ticket: string) => createHash('sha256').update(ticket).digest('base64url');
/** A ticket as issued: 43 base64url characters. Anything else is refused before any lookup. */
const wellFormed = (ticket: string) => /^[\w-]{43}$/.test(ticket);

export function memoryTicketStore<G = TicketGrant>(ttlSeconds = SOCKET_TICKET_TTL_SECONDS): TicketStore<G> {
  const grants = new Map<string, { grant: G; expiresAt: number }>();
  return {
    async issue(grant) {
      const now = Date.now();
      // Unused tickets expire; drop them on the way so the map stays as small as the tickets in flight. All have
      // the same lifetime, so insertion order is expiry order: stop at the first one still valid (a burst of
      // connections must not make each issue walk every ticket in flight).
      for (const [key, entry] of grants) {
        if (entry.expiresAt > now) break;
        grants.delete(key);
      }
      const ticket = newTicket();
      grants.set(hashOf(ticket), { grant, expiresAt: now + ttlSeconds * 1000 });
      return ticket;
    },
    async take(ticket) {
      if (!wellFormed(ticket)) return null;
      const key = hashOf(ticket);
      const entry = grants.get(key);
      grants.delete(key);
      return entry && entry.expiresAt > Date.now() ? entry.grant : null;
    },
    async close() {
      grants.clear();
    },
  };
}

export async function redisTicketStore<G = TicketGrant>(
  url: string,
  ttlSeconds = SOCKET_TICKET_TTL_SECONDS,
  prefix = 'kigaligo:socket-tickets:',
): Promise<TicketStore<G>> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  return {
    async issue(grant) {
      const ticket = newTicket();
      await redis.set(prefix + hashOf(ticket), JSON.stringify(grant), 'EX', ttlSeconds);
      return ticket;
    },
    async take(ticket) {
      if (!wellFormed(ticket)) return null;
      // GETDEL is atomic: two processes handed the same ticket at once cannot both open a socket with it.
      const value = await redis.getdel(prefix + hashOf(ticket));
      return value ? (JSON.parse(value) as G) : null;
    },
    async close() {
      await redis.quit();
    },
  };
}

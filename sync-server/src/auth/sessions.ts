import { isIP } from 'node:net';
import { and, desc, eq, exists, gt, inArray, isNotNull, isNull, ne, notExists, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { refreshTokens, sessions } from '../db/schema';

/** What the client says about itself when it signs in, shown in the list of sessions. */
export interface SessionClient {
  app?: string | undefined;
  userAgent?: string | undefined;
  address: string;
}

const apps = new Set(['rider', 'driver', 'admin']);

/** The client's network, not its address: IPv4 /24 or IPv6 /48 (enough to recognise "my home Wi-Fi"). */
export function coarseNetwork(address: string): string | null {
  const v = isIP(address);
  if (v === 4) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (v === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return coarseNetwork(mapped[1]!);
    const [head = ''] = address.split('::');
    const groups = head.split(':').filter(Boolean).slice(0, 3);
    while (groups.length < 3) groups.push('0');
    return `${groups.join(':')}::/48`;
  }
  return null;
}

const describe = (client: SessionClient) => ({
  app: client.app && apps.has(client.app) ? client.app : null,
  userAgent: client.userAgent ? client.userAgent.slice(0, 256) : null,
  network: coarseNetwork(client.address),
});

/** Records a new session (its id is the refresh-token family id). */
export async function openSession(db: Db, id: string, userId: string, client: SessionClient): Promise<void> {
  await db.insert(sessions).values({ id, userId, ...describe(client) });
}

/** A refresh: the session was used now (created here for families that predate the sessions table). */
export async function touchSession(db: Db, id: string, userId: string, client: SessionClient): Promise<void> {
  const seen = describe(client);
  await db
    .insert(sessions)
    .values({ id, userId, ...seen })
    .onConflictDoUpdate({ target: sessions.id, set: { lastUsedAt: new Date(), network: seen.network } });
}

/** A family has ended once any of its tokens was revoked. */
const revokedToken = (familyId: typeof sessions.id) =>
  and(eq(refreshTokens.familyId, familyId), isNotNull(refreshTokens.revokedAt));
/** …and is alive while it holds an unrotated, unexpired token. */
const liveToken = (familyId: typeof sessions.id) =>
  and(
    eq(refreshTokens.familyId, familyId),
    isNull(refreshTokens.rotatedAt),
    isNull(refreshTokens.revokedAt),
    gt(refreshTokens.expiresAt, sql`now()`),
  );

/** The user's signed-in devices, most recently used first. */
export async function listSessions(db: Db, userId: string) {
  return db
    .select({
      id: sessions.id,
      app: sessions.app,
      userAgent: sessions.userAgent,
      network: sessions.network,
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        notExists(db.select({ one: sql`1` }).from(refreshTokens).where(revokedToken(sessions.id))),
        exists(db.select({ one: sql`1` }).from(refreshTokens).where(liveToken(sessions.id))),
      ),
    )
    .orderBy(desc(sessions.lastUsedAt));
}

/**
 * Ends sessions of one user: the given ones, or all of them (`except` one, e.g. the caller's own after a
 * password change). Returns the ids whose tokens were revoked now; tell SessionRevocations after commit.
 */
export async function revokeSessions(
  db: Db,
  userId: string,
  which: { ids: string[] } | { all: true; except?: string },
): Promise<string[]> {
  if ('ids' in which && which.ids.length === 0) return [];
  const scope =
    'ids' in which
      ? inArray(refreshTokens.familyId, which.ids)
      : which.except
        ? ne(refreshTokens.familyId, which.except)
        : undefined;
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt), scope))
    .returning({ familyId: refreshTokens.familyId });
  return [...new Set(rows.map((r) => r.familyId))];
}

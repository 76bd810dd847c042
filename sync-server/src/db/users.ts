import type { User } from '@kigaligo/domain';
import { user as userSchema } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { users } from './schema';

export type UserRow = typeof users.$inferSelect;

/**
 * The password hash of an account made by signing in with a provider: not a scrypt hash, so no password ever
 * matches it (verifyPassword). The rider can set a password later by resetting it.
 */
export const NO_PASSWORD = 'none:identity-provider';

/** Maps a row to the domain shape; parsing keeps the API honest about what it promises. */
export function toUser(row: UserRow): User {
  return userSchema.parse({
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    role: row.role,
    suspended: row.suspended,
    hasPassword: row.passwordHash !== NO_PASSWORD,
    createdAt: row.createdAt.toISOString(),
  });
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

import type { User } from '@kigaligo/domain';
import { user as userSchema } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { users } from './schema';

export type UserRow = typeof users.$inferSelect;

/** Maps a row to the domain shape; parsing keeps the API honest about what it promises. */
export function toUser(row: UserRow): User {
  return userSchema.parse({
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    role: row.role,
    suspended: row.suspended,
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

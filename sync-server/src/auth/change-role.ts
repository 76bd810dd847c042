import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { refreshTokens, users, vehicles } from '../db/schema';
import type { UserRow } from '../db/users';
import { conflict, notFound } from '../domain-error';
import { closeShifts } from '../tracking/shifts';

/**
 * Makes a staff account a driver or an admin. Every refresh token of the account is revoked (as suspension does),
 * so the caller's `sessions.catchUp()` ends its access tokens and sockets at once: nobody keeps acting with the old
 * role. A driver leaving the road has any running shift ended. Riders sign themselves up and stay riders; nobody
 * changes their own role (an admin cannot lock the last admin out by accident). The same role again changes
 * nothing and is not audited (an offline admin app may send the decision twice).
 */
export async function changeStaffRole(
  tx: Db,
  actorId: string,
  userId: string,
  to: 'driver' | 'admin',
): Promise<{ row: UserRow; endedShift: boolean }> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!row) throw notFound('No such user');
  if (row.role === 'rider') throw conflict('not_staff', 'Only driver and admin accounts change roles');
  if (row.id === actorId) throw conflict('own_role', 'Another admin must change your role');
  if (row.role === to) return { row, endedShift: false };
  const [updated] = await tx.update(users).set({ role: to }).where(eq(users.id, userId)).returning();
  let endedShift = false;
  if (row.role === 'driver') {
    const ended = await tx
      .update(vehicles)
      .set({ status: 'off_duty' })
      .where(and(eq(vehicles.driverId, userId), inArray(vehicles.status, ['available', 'on_trip'])))
      .returning({ id: vehicles.id });
    await closeShifts(tx, userId);
    endedShift = ended.length > 0;
  }
  const revoked = await tx
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  await recordAudit(tx, {
    actorId,
    action: 'user.role_changed',
    targetType: 'user',
    targetId: userId,
    details: { from: row.role, to, revokedTokens: revoked.length, endedShift },
  });
  return { row: updated!, endedShift };
}

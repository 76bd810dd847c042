import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { refreshTokens, reportEvents, safetyReports, users, vehicles } from '../db/schema';
import type { UserRow } from '../db/users';
import { conflict, notFound } from '../domain-error';
import { closeShifts } from '../tracking/shifts';

async function lockDriver(tx: Db, userId: string): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!row) throw notFound('No such user');
  if (row.role !== 'driver') throw conflict('not_a_driver', 'Only driver accounts can be suspended here');
  return row;
}

/**
 * Suspends a driver: they cannot sign in or refresh (auth-service checks `suspended`), every session's refresh
 * token is revoked the way logout revokes a family (revokedAt), and a running shift ends. An access token
 * already issued lives out its 15 minutes. Suspending a suspended driver changes nothing and is not audited
 * again (an offline admin app may send the decision twice).
 */
export async function suspendDriver(
  tx: Db,
  actorId: string,
  userId: string,
  input: { reason: string; reportId?: string | undefined },
): Promise<UserRow> {
  const driver = await lockDriver(tx, userId);
  if (input.reportId) {
    const [report] = await tx
      .select({ id: safetyReports.id })
      .from(safetyReports)
      .where(eq(safetyReports.id, input.reportId));
    if (!report) throw notFound('No such report');
  }
  if (driver.suspended) return driver;
  const [updated] = await tx.update(users).set({ suspended: true }).where(eq(users.id, userId)).returning();
  const ended = await tx
    .update(vehicles)
    .set({ status: 'off_duty' })
    .where(and(eq(vehicles.driverId, userId), inArray(vehicles.status, ['available', 'on_trip'])))
    .returning({ id: vehicles.id });
  await closeShifts(tx, userId);
  const revoked = await tx
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  if (input.reportId) {
    await tx.insert(reportEvents).values({
      reportId: input.reportId,
      actorId,
      kind: 'note',
      text: `Driver suspended: ${input.reason}`,
    });
  }
  await recordAudit(tx, {
    actorId,
    action: 'driver.suspended',
    targetType: 'user',
    targetId: userId,
    details: {
      reason: input.reason,
      ...(input.reportId ? { reportId: input.reportId } : {}),
      endedShifts: ended.map((v) => v.id),
      revokedTokens: revoked.length,
    },
  });
  return updated!;
}

export async function unsuspendDriver(
  tx: Db,
  actorId: string,
  userId: string,
  input: { reason?: string | undefined },
): Promise<UserRow> {
  const driver = await lockDriver(tx, userId);
  if (!driver.suspended) return driver;
  const [updated] = await tx.update(users).set({ suspended: false }).where(eq(users.id, userId)).returning();
  await recordAudit(tx, {
    actorId,
    action: 'driver.unsuspended',
    targetType: 'user',
    targetId: userId,
    details: input.reason ? { reason: input.reason } : {},
  });
  return updated!;
}

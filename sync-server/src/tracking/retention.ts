import { lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { positions, shifts } from '../db/schema';

/**
 * Location is personal data (Law 058/2021): fixes older than the retention period are deleted. Runs on start
 * and hourly; with the BRIN index on recorded_at the delete touches only old blocks.
 */
export async function purgeOldPositions(db: Db, retentionDays: number, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - retentionDays * 24 * 3600_000);
  const deleted = await db
    .delete(positions)
    .where(lt(positions.recordedAt, cutoff))
    .returning({ id: positions.id });
  // A shift only serves to judge fixes (and says where a driver worked): it goes once it ended that long ago.
  await db.delete(shifts).where(lt(shifts.endedAt, cutoff));
  return deleted.length;
}

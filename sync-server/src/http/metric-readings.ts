import { sql } from 'drizzle-orm';
import { deadLetters } from '../alerts/conditions';
import { type Db, resultRows } from '../db/client';
import type { MetricSources } from './metrics';

/** The database-backed gauges of /metrics, read at scrape time (a few indexed counts). */
export function databaseReadings(db: Db): MetricSources {
  return {
    async outboxOldestDue() {
      const [row] = resultRows<{ s: number | string | null }>(
        await db.execute(
          sql`select extract(epoch from now() - min(next_attempt_at)) as s from outbox
              where status = 'pending' and next_attempt_at <= now()`,
        ),
      );
      return Math.max(0, Number(row?.s ?? 0));
    },
    outboxDeadLetters: () => deadLetters(db),
    async reconcileFailures() {
      const [row] = resultRows<{ retrying: number | string; rejected: number | string }>(
        await db.execute(
          sql`select count(*) filter (where rejected_at is null) as retrying,
                     count(*) filter (where rejected_at is not null) as rejected
              from reconcile_failures`,
        ),
      );
      return { retrying: Number(row?.retrying ?? 0), rejected: Number(row?.rejected ?? 0) };
    },
    async alertsFiring() {
      const rows = resultRows<{ condition: string; firing: boolean }>(
        await db.execute(sql`select condition, firing from alert_states`),
      );
      return Object.fromEntries(rows.map((r) => [r.condition, r.firing]));
    },
  };
}

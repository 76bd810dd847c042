import { sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db/client';

/** Critical conditions that page on-call (seed §10). Each has a section in docs/operations.md. */
export const alertConditions = [
  'database_unreachable',
  'redis_unreachable',
  'server_errors',
  'outbox_dead_letters',
  'reconcile_failures',
  'authority_alerts_failing',
] as const;
export type AlertCondition = (typeof alertConditions)[number];

export interface CheckResult {
  /** null: neither fired nor cleared, the condition keeps its state. */
  firing: boolean | null;
  /** Fills the alert's text (`count`); stored with the state for whoever looks at it. */
  detail: Record<string, string | number>;
}

/** A condition read from state every process shares (the database, Redis), so all of them agree on it. */
export type Check = (db: Db) => Promise<CheckResult>;

/** Unhandled errors page while any process saw one in the last 5 minutes; they clear after 15 quiet ones. */
export const SERVER_ERROR_WINDOW_MINUTES = 5;
export const SERVER_ERROR_QUIET_MINUTES = 15;
/** A reconcile failure still retrying after this long (or refused in the last hour) pages. */
export const RECONCILE_RETRY_MINUTES = 5;

async function count(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = resultRows<{ n: number | string }>(await db.execute(query));
  return Number(row?.n ?? 0);
}

// Authority alerts (reports/authority-alert.ts) have their own condition: paged once, under their own name.
const authorityKey = sql`idempotency_key like 'report:%:authority-%'`;
// An alert that cannot be delivered must not page about itself, in a loop.
const alertKey = sql`idempotency_key like 'alert:%'`;

/** Outbox messages given up on in the last 24 hours, authority alerts and pages aside (also a metric). */
export function deadLetters(db: Db): Promise<number> {
  return count(
    db,
    // A dead message's next_attempt_at is when it was given up on (plus the delay it would have waited).
    sql`select count(*) as n from outbox where status = 'dead' and next_attempt_at > now() - interval '24 hours'
        and not (${authorityKey}) and not (${alertKey})`,
  );
}

export const checks: Record<Exclude<AlertCondition, 'database_unreachable' | 'redis_unreachable'>, Check> = {
  async server_errors(db) {
    // Between the two windows the condition keeps its state (null): a burst of errors does not flap.
    const [row] = resultRows<{ firing: boolean | null }>(
      await db.execute(sql`
        select case when observed_at > now() - make_interval(mins => ${SERVER_ERROR_WINDOW_MINUTES}) then true
                    when observed_at > now() - make_interval(mins => ${SERVER_ERROR_QUIET_MINUTES}) then null
                    else false end as firing
        from alert_states where condition = 'server_errors'`),
    );
    return { firing: row ? row.firing : false, detail: {} };
  },
  async outbox_dead_letters(db) {
    const n = await deadLetters(db);
    return { firing: n > 0, detail: { count: n } };
  },
  async reconcile_failures(db) {
    const n = await count(
      db,
      sql`select count(*) as n from reconcile_failures
          where (rejected_at is null and first_failed_at < now() - make_interval(mins => ${RECONCILE_RETRY_MINUTES}))
             or rejected_at > now() - interval '1 hour'`,
    );
    return { firing: n > 0, detail: { count: n } };
  },
  async authority_alerts_failing(db) {
    // Dead, or failed twice already: an authority alert is time-critical, so it pages before it is given up on.
    const n = await count(
      db,
      sql`select count(*) as n from outbox where ${authorityKey}
          and (status = 'dead' or (status = 'pending' and attempts >= 2))`,
    );
    return { firing: n > 0, detail: { count: n } };
  },
};

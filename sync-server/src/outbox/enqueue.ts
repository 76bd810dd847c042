import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import { type OutboxTopic, outboxTopics } from './topics';

/**
 * Adds a provider call to the outbox. Pass the transaction that makes the change causing it, so both commit
 * or neither does. The same idempotency key twice is one message. Returns true when it was new.
 */
export async function enqueue<T extends OutboxTopic>(
  tx: Db,
  topic: T,
  payload: unknown,
  idempotencyKey: string,
): Promise<boolean> {
  const parsed = outboxTopics[topic].parse(payload);
  const rows = await tx
    .insert(outbox)
    .values({ topic, payload: parsed, idempotencyKey })
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ id: outbox.id });
  if (rows.length > 0) await tx.execute(sql`select pg_notify('kigaligo_outbox', ${topic})`).catch(() => {});
  return rows.length > 0;
}

import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import { type OutboxTopic, outboxTopics } from './topics';

/**
 * Adds a provider call to the outbox. Pass the transaction that makes the change causing it, so both commit
 * or neither does. The same idempotency key twice is one message. Returns true when it was new. Workers find it
 * by polling (outbox-worker.ts); no NOTIFY: nothing listened, and a NOTIFY holds Postgres's global notify lock
 * through its transaction's commit, which made every booking that offers a ride commit one at a time
 * (`pnpm bench booking`).
 */
export async function enqueue<T extends OutboxTopic>(
  tx: Db,
  topic: T,
  payload: unknown,
  idempotencyKey: string,
  /** Not delivered before this moment (default: at once). */
  notBefore?: Date,
): Promise<boolean> {
  return (await enqueueMany(tx, topic, [{ payload, idempotencyKey, notBefore }])) > 0;
}

/** `enqueue` for several messages of one topic in one statement; returns how many were new. */
export async function enqueueMany<T extends OutboxTopic>(
  tx: Db,
  topic: T,
  messages: readonly { payload: unknown; idempotencyKey: string; notBefore?: Date | undefined }[],
): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await tx
    .insert(outbox)
    .values(
      messages.map((m) => ({
        topic,
        payload: outboxTopics[topic].parse(m.payload),
        idempotencyKey: m.idempotencyKey,
        ...(m.notBefore ? { nextAttemptAt: m.notBefore } : {}),
      })),
    )
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ id: outbox.id });
  return rows.length;
}

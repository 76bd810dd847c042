import type { OutboxMessage } from '@kigaligo/domain';
import type { outbox } from '../db/schema';

/** An outbox row as admins read it (`outboxMessage`): the admin outbox page and a trip's provider calls. */
export function outboxView(row: typeof outbox.$inferSelect): OutboxMessage {
  return {
    id: row.id,
    topic: row.topic,
    payload: row.payload,
    idempotencyKey: row.idempotencyKey,
    status: row.status,
    attempts: row.attempts,
    failures: row.failures,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    result: row.result,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

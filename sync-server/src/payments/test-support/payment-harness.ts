import { and, eq, inArray, lte } from 'drizzle-orm';
import { outbox, payments } from '../../db/schema';
import { createLogger } from '../../logger';
import { OutboxWorker } from '../../outbox/outbox-worker';
import { sandbox } from '../../outbox/providers';
import type { TestApp } from '../../test-support/test-app';
import { type PaymentsConfig, paymentProvidersFrom, paymentTopicHandlers } from '../payment-providers';

/** An outbox worker delivering payment topics through the given configuration; email and push to the sandbox. */
export function paymentWorker(t: TestApp, config: PaymentsConfig, maxAttempts = 3) {
  const db = t.database.db;
  const { providers } = paymentProvidersFrom(config);
  const handlers = paymentTopicHandlers(db, providers, {
    refresh: (tripId) => t.deps.tripDocs.refresh(tripId),
    maxAttempts,
  });
  const worker = new OutboxWorker(
    db,
    { email: sandbox, push: sandbox, ...handlers },
    createLogger('silent'),
    {
      maxAttempts,
      baseDelayMs: 1,
      maxDelayMs: 1,
    },
  );
  return {
    worker,
    /**
     * Runs the worker until no payment message is due (each retry is due a millisecond later; a status check
     * scheduled minutes ahead waits for `recheckNow`).
     */
    async drain(rounds = 30) {
      for (let i = 0; i < rounds; i++) {
        await new Promise((r) => setTimeout(r, 3));
        await worker.runOnce();
        const waiting = await db
          .select({ id: outbox.id })
          .from(outbox)
          .where(
            and(
              eq(outbox.status, 'pending'),
              inArray(outbox.topic, ['payment.charge', 'payment.refund', 'payment.recheck']),
              lte(outbox.nextAttemptAt, new Date(Date.now() + 1000)),
            ),
          );
        if (waiting.length === 0) return;
      }
      throw new Error('payment messages still pending after draining');
    },
  };
}

export async function paymentRow(t: TestApp, id: string) {
  const [row] = await t.database.db.select().from(payments).where(eq(payments.id, id));
  return row!;
}

export async function outboxRow(t: TestApp, key: string) {
  const [row] = await t.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, key));
  return row;
}

/** The status checks of dead-lettered charges, due now instead of minutes from now. */
export async function recheckNow(t: TestApp) {
  await t.database.db
    .update(outbox)
    .set({ nextAttemptAt: new Date() })
    .where(and(eq(outbox.topic, 'payment.recheck'), eq(outbox.status, 'pending')));
}

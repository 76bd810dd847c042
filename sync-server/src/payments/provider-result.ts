import { z } from 'zod';
import type { PaymentProvider, ProviderOutcome } from './providers/types';

/**
 * What a payment or refund delivery stores as the outbox row's result: the provider's answer in our terms
 * (read back by the after-delivery hook in the same transaction) plus the provider's own details, which is
 * what an admin sees — for the sandbox, exactly what would have been sent.
 */
const outcomeFields = z.object({
  paymentId: z.string(),
  tripId: z.string(),
  refundId: z.string().optional(),
  status: z.enum(['succeeded', 'pending', 'failed']),
  providerRef: z.string().nullable(),
  failureReason: z.string().optional(),
});
export type OutcomeResult = z.infer<typeof outcomeFields>;

export function outcomeResult(
  provider: PaymentProvider,
  subject: { id: string; tripId: string } | { refundId: string; paymentId: string; tripId: string },
  outcome: ProviderOutcome,
): Record<string, unknown> {
  const ids = 'refundId' in subject ? subject : { paymentId: subject.id, tripId: subject.tripId };
  return {
    provider: provider.name,
    ...(provider.sandbox ? { sandbox: true } : {}),
    ...ids,
    status: outcome.status,
    providerRef: outcome.providerRef,
    ...(outcome.failureReason ? { failureReason: outcome.failureReason } : {}),
    response: outcome.details,
  };
}

/** Undefined for a skipped delivery (nothing to apply). */
export function readOutcome(result: Record<string, unknown>): OutcomeResult | undefined {
  const parsed = outcomeFields.safeParse(result);
  return parsed.success ? parsed.data : undefined;
}

import type { PaymentProviderName } from '../../outbox/topics';

export type { PaymentProviderName };

export interface ChargeRequest {
  paymentId: string;
  tripId: string;
  /** Whole RWF (a zero-decimal currency everywhere, Stripe included). */
  amount: number;
  /** The payment's idempotency key (a UUID): the same key twice is one charge at the provider. */
  idempotencyKey: string;
  payerPhone?: string | null | undefined;
  paymentMethodId?: string | undefined;
  /** The payer's Stripe Customer, so a card they choose to save is kept for their next ride. */
  customerId?: string | undefined;
}

/** Who pays, for a provider that keeps its own record of them (a Stripe Customer). */
export interface Payer {
  id: string;
  email: string;
  name: string;
}

export interface RefundRequest {
  refundId: string;
  paymentId: string;
  amount: number;
  /** The refund's own key (its id, a UUID): a retried refund returns money once. */
  idempotencyKey: string;
  /** What the provider called the original payment (PaymentIntent id, MoMo reference id). */
  paymentProviderRef: string | null;
  payerPhone?: string | null | undefined;
  reason: string;
}

/**
 * What a provider said. `pending` means the money is not final yet: `poll` asks the outbox to ask again later
 * (mobile money's request-to-pay), otherwise a webhook will tell us (a Stripe intent waiting for the rider).
 * `details` is stored as the outbox row's result, which is what admins see.
 */
export interface ProviderOutcome {
  status: 'succeeded' | 'pending' | 'failed';
  providerRef: string | null;
  failureReason?: string | undefined;
  poll?: boolean;
  details: Record<string, unknown>;
}

/** One way of moving money. Every call must be safe to repeat with the same idempotency key. */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** True when nothing leaves the machine (no credentials configured). */
  readonly sandbox: boolean;
  charge(request: ChargeRequest): Promise<ProviderOutcome>;
  refund(request: RefundRequest): Promise<ProviderOutcome>;
  /**
   * Reads a collection's status without creating anything (undefined: the provider never received it), for
   * a charge given up on after the provider stopped answering: mobile money may still have collected it.
   * Providers that tell us by webhook (Stripe) or cannot fail this way (sandbox, cash) have none.
   */
  enquire?(request: ChargeRequest): Promise<ProviderOutcome | undefined>;
  /** Makes the payer's customer record at the provider (once per payer: idempotent by their id). */
  createCustomer?(payer: Payer): Promise<string>;
}

export type PaymentProviders = Record<PaymentProviderName, PaymentProvider>;

/** A provider answer that will not change by asking again (bad credentials, refused request): dead-letter now. */
export class PermanentProviderError extends Error {
  readonly permanent = true;
}

/**
 * The provider has not decided yet; the outbox asks again with backoff (capped) for as long as it stays
 * undecided — a pending collection is never failed by us, only by the provider's answer (FAILED, expired).
 */
export class StillPendingError extends Error {
  readonly stillPending = true;
}

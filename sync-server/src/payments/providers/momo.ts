import { expectAccepted, MomoClient, type MomoConfig, MomoHttpError } from './momo-client';
import type { PaymentProvider, PaymentProviderName, ProviderOutcome } from './types';

export type { MomoConfig } from './momo-client';

interface MomoTransfer {
  status?: 'PENDING' | 'SUCCESSFUL' | 'FAILED' | string;
  financialTransactionId?: string;
  reason?: string | { code?: string; message?: string };
}

/** MoMo wants the MSISDN without the plus: +250788123456 → 250788123456. */
const msisdn = (phone: string) => phone.replace(/^\+/, '');

function reasonText(reason: MomoTransfer['reason']): string {
  if (!reason) return 'The mobile-money payment was not approved';
  if (typeof reason === 'string') return reason;
  return reason.message ?? reason.code ?? 'The mobile-money payment was not approved';
}

/** Reads a request-to-pay or refund status; PENDING asks the outbox to poll again. */
async function statusOutcome(res: Response, referenceId: string, kind: string): Promise<ProviderOutcome> {
  if (!res.ok) throw new MomoHttpError(res.status, `MoMo ${kind} status: HTTP ${res.status}`);
  const body = (await res.json()) as MomoTransfer;
  const details = {
    provider: 'mtn_momo',
    referenceId,
    status: body.status ?? null,
    financialTransactionId: body.financialTransactionId ?? null,
  };
  if (body.status === 'SUCCESSFUL') return { status: 'succeeded', providerRef: referenceId, details };
  if (body.status === 'FAILED') {
    return { status: 'failed', providerRef: referenceId, failureReason: reasonText(body.reason), details };
  }
  return { status: 'pending', providerRef: referenceId, poll: true, details };
}

/**
 * MTN MoMo collections (request-to-pay): the rider approves the prompt on their phone. Creating is idempotent
 * by X-Reference-Id (our payment's key, a UUID; a repeat answers 409), so every delivery attempt — first try,
 * timeout retry, poll — POSTs and then reads the status, until MoMo says SUCCESSFUL or FAILED. Refunds are
 * MoMo's disbursement refund of that reference, with the refund's own X-Reference-Id.
 * Airtel Money plugs in as another PaymentProvider with the same shape (name `airtel_money`).
 */
export function momoProvider(config: MomoConfig, name: PaymentProviderName = 'mtn_momo'): PaymentProvider {
  const client = new MomoClient(config);
  return {
    name,
    sandbox: false,
    async charge(r) {
      if (!r.payerPhone)
        return {
          status: 'failed',
          providerRef: null,
          failureReason: 'No number to collect from',
          details: {},
        };
      const created = await client.call('collection', 'POST', '/v1_0/requesttopay', {
        referenceId: r.idempotencyKey,
        callbackUrl: config.callbackUrl,
        body: {
          amount: String(r.amount),
          currency: client.currency,
          externalId: r.paymentId,
          payer: { partyIdType: 'MSISDN', partyId: msisdn(r.payerPhone) },
          payerMessage: 'KigaliGo trip',
          payeeNote: `Trip ${r.tripId}`,
        },
      });
      await expectAccepted(created, 'MoMo request-to-pay');
      const status = await client.call('collection', 'GET', `/v1_0/requesttopay/${r.idempotencyKey}`);
      return statusOutcome(status, r.idempotencyKey, 'request-to-pay');
    },
    async enquire(r) {
      const status = await client.call('collection', 'GET', `/v1_0/requesttopay/${r.idempotencyKey}`);
      if (status.status === 404) return undefined;
      return statusOutcome(status, r.idempotencyKey, 'request-to-pay');
    },
    async refund(r) {
      if (!r.paymentProviderRef) {
        return {
          status: 'failed',
          providerRef: null,
          failureReason: 'The payment has no MoMo reference',
          details: {},
        };
      }
      const created = await client.call('disbursement', 'POST', '/v1_0/refund', {
        referenceId: r.idempotencyKey,
        body: {
          amount: String(r.amount),
          currency: client.currency,
          externalId: r.refundId,
          payerMessage: 'KigaliGo refund',
          payeeNote: r.reason.slice(0, 160),
          referenceIdToRefund: r.paymentProviderRef,
        },
      });
      await expectAccepted(created, 'MoMo refund');
      const status = await client.call('disbursement', 'GET', `/v1_0/refund/${r.idempotencyKey}`);
      return statusOutcome(status, r.idempotencyKey, 'refund');
    },
  };
}

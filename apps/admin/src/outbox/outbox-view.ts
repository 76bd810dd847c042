import { type ApiRequest, apiGet } from '@kigaligo/client';
// An outbox row as `GET /api/admin/outbox` returns it: the domain's schema, the one the API document declares.
import { type OutboxMessage, outboxMessage } from '@kigaligo/domain';
import { z } from 'zod';

export type { OutboxMessage };
export const outboxList = z.object({ messages: z.array(outboxMessage) });

export type OutboxState = 'sent' | 'waiting' | 'retrying' | 'dead';

/** "Retrying" is a pending message that has failed at least once; "waiting" has not been tried yet. */
export function outboxState(m: Pick<OutboxMessage, 'status' | 'attempts'>): OutboxState {
  if (m.status === 'pending') return m.attempts > 0 ? 'retrying' : 'waiting';
  return m.status;
}

/** The sandbox provider answers `{sandbox: true}`: recorded, nothing left the machine. */
export function isSandbox(m: Pick<OutboxMessage, 'result'>): boolean {
  return (
    typeof m.result === 'object' && m.result !== null && (m.result as { sandbox?: unknown }).sandbox === true
  );
}

export type Filter = 'all' | 'sent' | 'retrying' | 'dead';

/** Query for a filter: the API filters by stored status; "retrying" is the pending ones. */
export function outboxRequest(filter: Filter, limit = 200): ApiRequest<'GET'> {
  if (filter === 'all') return apiGet('/api/admin/outbox', { query: { limit } });
  const status = filter === 'retrying' ? 'pending' : filter;
  return apiGet('/api/admin/outbox', { query: { limit, status } });
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const short = (id: string) => id.slice(0, 8);

/** A one-line summary of what a message carries, as a message key and its values. */
export function outboxSummary(m: Pick<OutboxMessage, 'topic' | 'payload'>): {
  key:
    | 'outbox.what.email'
    | 'outbox.what.push'
    | 'outbox.what.charge'
    | 'outbox.what.refund'
    | 'outbox.what.recheck'
    | 'outbox.what.alert'
    | null;
  vars: Record<string, string | number>;
} {
  const p = (typeof m.payload === 'object' && m.payload !== null ? m.payload : {}) as Record<string, unknown>;
  switch (m.topic) {
    case 'email':
      return { key: 'outbox.what.email', vars: { to: str(p.to), subject: str(p.subject) } };
    case 'push':
      return {
        key: 'outbox.what.push',
        vars: { title: str(p.title), count: Array.isArray(p.tokens) ? p.tokens.length : 0 },
      };
    case 'payment.charge':
      return {
        key: 'outbox.what.charge',
        vars: { provider: str(p.provider), payment: short(str(p.paymentId)) },
      };
    case 'payment.recheck':
      return {
        key: 'outbox.what.recheck',
        vars: { provider: str(p.provider), payment: short(str(p.paymentId)) },
      };
    case 'payment.refund':
      return {
        key: 'outbox.what.refund',
        vars: { provider: str(p.provider), refund: short(str(p.refundId)) },
      };
    case 'alert.webhook': {
      // The page's first line is its subject ("KigaliGo alert: …"); the webhook's URL is never in the row.
      const [subject] = str(p.text).split('\n');
      return { key: 'outbox.what.alert', vars: { subject: subject ?? '' } };
    }
    default:
      return { key: null, vars: {} };
  }
}

import type { OutboxMessage } from '@kigaligo/domain';
import { Card } from '@kigaligo/ui';
import { type AdminKey, useAdminI18n } from '../messages';
import { outboxState } from '../outbox/outbox-view';
import { adminTime } from './admin-format';

type T = ReturnType<typeof useAdminI18n>['t'];

/** What the provider said, in words: paid, refused (with its reason), not decided, or why nothing was asked. */
function answer(m: OutboxMessage, t: T): string {
  const r = (typeof m.result === 'object' && m.result !== null ? m.result : {}) as Record<string, unknown>;
  const ref = typeof r.providerRef === 'string' ? ` · ${r.providerRef}` : '';
  if (r.status === 'succeeded') return `${t('calls.answer.succeeded')}${ref}`;
  if (r.status === 'failed')
    return `${t('calls.answer.failed', { reason: String(r.failureReason ?? '') })}${ref}`;
  // A card intent waits for its rider; the payment row above says how it ended (Stripe's webhook, the test form).
  if (r.status === 'pending' && r.provider === 'stripe') return `${t('calls.answer.card')}${ref}`;
  if (r.status === 'pending') return `${t('calls.answer.pending')}${ref}`;
  if (typeof r.settled === 'string') return t('calls.answer.unknown');
  if (typeof r.skipped === 'string') return t('calls.answer.skipped', { why: r.skipped });
  return m.lastError ?? '—';
}

/**
 * The trip's reconcile history: every call to a payment provider for its payments and refunds — charges,
 * status checks of collections the provider stopped answering about, refunds — with tries and answers, so an
 * admin can see how each payment reached its state without opening the provider's dashboard.
 */
export function ProviderCalls({ calls }: { calls: OutboxMessage[] }) {
  const { t, lang } = useAdminI18n();
  return (
    <Card title={t('calls.title')}>
      <p className="kg-muted">{t('calls.hint')}</p>
      {calls.length === 0 ? (
        <p className="kg-muted">{t('calls.none')}</p>
      ) : (
        <div className="kg-table-wrap kg-table-wrap--flat">
          <table className="kg-table" data-testid="provider-calls">
            <thead>
              <tr>
                <th scope="col">{t('outbox.col.created')}</th>
                <th scope="col">{t('outbox.col.topic')}</th>
                <th scope="col">{t('outbox.col.status')}</th>
                <th scope="col">{t('outbox.col.attempts')}</th>
                <th scope="col">{t('calls.col.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((m) => (
                <tr key={m.id} data-topic={m.topic} data-status={m.status}>
                  <td className="kg-nowrap">{adminTime(m.createdAt, lang)}</td>
                  <th scope="row">{t(`outbox.topic.${m.topic}` as AdminKey)}</th>
                  <td>{t(`outbox.state.${outboxState(m)}`)}</td>
                  <td className="kg-nowrap">
                    {t('calls.tries', { attempts: m.attempts, failures: m.failures })}
                  </td>
                  <td className="kg-outbox-what">{answer(m, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

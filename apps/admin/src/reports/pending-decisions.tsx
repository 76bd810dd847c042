import type { QueuedRequest, RequestQueueState } from '@kigaligo/client';
import { Button, formatRwf } from '@kigaligo/ui';
import { type ReportAdminKey, useReportAdminI18n } from './report-messages';

type T = ReturnType<typeof useReportAdminI18n>['t'];

/** What a queued request does, in words: "Status → Resolved", "Reply: “…”". */
export function describeRequest(r: QueuedRequest, t: T): string {
  const body = (r.body ?? {}) as { text?: string; amount?: number };
  const [kind, arg] = r.action.split(':');
  switch (kind) {
    case 'status':
      return t('pending.action.status', { status: t(`reportStatus.${arg}` as ReportAdminKey) });
    case 'reply':
    case 'note':
      return t(`pending.action.${kind}`, { text: (body.text ?? '').slice(0, 80) });
    case 'refund':
      return t('pending.action.refund', { amount: body.amount ? formatRwf(body.amount) : t('pending.all') });
    case 'suspend':
    case 'unsuspend':
      return t(`pending.action.${kind}`);
    default:
      return r.action;
  }
}

/**
 * Decisions on this report made on this device and not yet accepted: waiting to sync (in order), or refused by
 * the server with its reason — kept until the admin dismisses or retries them.
 */
export function PendingDecisions({ queue }: { queue: RequestQueueState }) {
  const { t } = useReportAdminI18n();
  if (queue.requests.length === 0) return null;
  const waiting = queue.requests.some((r) => r.state === 'waiting');
  return (
    <section className="kg-pending" aria-live="polite" data-testid="pending-decisions">
      <h2 className="kg-card-title">{t('pending.title')}</h2>
      <ul>
        {queue.requests.map((r) => (
          <li key={r.seq} data-state={r.state} className={`kg-pending-item kg-pending-item--${r.state}`}>
            <span>{describeRequest(r, t)}</span>
            {r.state === 'waiting' ? (
              <span className="kg-badge kg-report-waiting">{t('pending.waiting')}</span>
            ) : (
              <>
                <span className="kg-pending-error" role="alert">
                  {t('pending.refused', { message: r.error?.message ?? '' })}
                </span>
                <Button variant="secondary" onClick={() => void queue.retry(r.seq!)}>
                  {t('pending.retry')}
                </Button>
                <Button variant="ghost" onClick={() => void queue.dismiss(r.seq!)}>
                  {t('pending.dismiss')}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      {waiting && queue.problem ? <p className="kg-muted kg-small">{t(`pending.${queue.problem}`)}</p> : null}
    </section>
  );
}

import type { TrackingSnapshot } from '@kigaligo/client';
import { useDriverI18n } from '../messages';
import { reasonText } from './reject-reason';

/** The outbox at a glance: fixes waiting on the phone, the last upload, and what the server refused. */
export function TrackingStats({ status, lastUpload }: { status: TrackingSnapshot; lastUpload: string }) {
  const { t } = useDriverI18n();
  return (
    <dl className="kg-details kg-tracking-stats">
      <div>
        <dt>{t('tracking.waiting')}</dt>
        <dd data-testid="fixes-waiting" data-waiting={status.ready ? status.waiting : ''}>
          {status.waiting}
        </dd>
      </div>
      <div>
        <dt>{t('tracking.lastUpload')}</dt>
        <dd data-testid="last-upload">{lastUpload}</dd>
      </div>
      {status.rejected > 0 ? (
        <div>
          <dt>{t('tracking.rejected')}</dt>
          <dd data-testid="fixes-rejected" data-rejected={status.rejected}>
            {status.rejected}
            <ul className="kg-tracking-reasons">
              {status.reasons.map((r) => (
                <li key={r.reason}>
                  {reasonText(r.reason, t)}: {r.count}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

import { type EvidenceService, useEvidenceStatus } from '@kigaligo/client';
import type { ReportReply } from '@kigaligo/domain';
import { Card } from '@kigaligo/ui';
import { EvidenceThumb } from './evidence-thumb';
import { kigaliDateTime } from './format';
import { useReportI18n } from './report-messages';
import type { useReportDoc } from './use-report-doc';

type ReportDoc = ReturnType<typeof useReportDoc>;

/** A sent report as the rider wrote it, its files' upload state, and the safety team's replies. */
export function ReportView({ report, service }: { report: ReportDoc; service: EvidenceService | null }) {
  const { t, lang } = useReportI18n();
  const { fields, evidence, replies } = report;
  // Sent means the server has it: until then the report is only on this phone, however long ago it was written.
  const received = report.server.status !== undefined && report.status.pending === 0;
  const statuses = useEvidenceStatus(
    service,
    evidence.items.map((e) => e.sha256),
  );
  return (
    <>
      <Card title={t('view.replies')}>
        <Replies replies={replies} />
      </Card>
      <Card>
        <dl className="kg-details kg-report-details">
          <div>
            <dt>{t('view.description')}</dt>
            <dd className="kg-report-text">{fields.description}</dd>
          </div>
          <div>
            <dt>{t('view.when')}</dt>
            <dd>{fields.occurredAt ? kigaliDateTime(fields.occurredAt, lang) : '—'}</dd>
          </div>
          <div>
            <dt>{t('view.where')}</dt>
            <dd>
              {fields.location
                ? `${fields.location.lat.toFixed(5)}, ${fields.location.lon.toFixed(5)}`
                : t('view.noPlace')}
            </dd>
          </div>
          <div>
            <dt>{t('view.privacy')}</dt>
            <dd>{fields.anonymous ? t('view.anonymous') : t('view.named')}</dd>
          </div>
        </dl>
        <h3 className="kg-report-subtitle">{t('view.evidence')}</h3>
        {evidence.items.length ? (
          <ul className="kg-evidence-list">
            {evidence.items.map((item) => (
              <EvidenceThumb key={item.sha256} service={service} item={item} status={statuses[item.sha256]} />
            ))}
          </ul>
        ) : (
          <p className="kg-muted">{t('view.noEvidence')}</p>
        )}
        {fields.submittedAt ? (
          <p className="kg-muted kg-small">
            {t(received ? 'view.sent' : 'view.written', { time: kigaliDateTime(fields.submittedAt, lang) })}
          </p>
        ) : null}
      </Card>
    </>
  );
}

function Replies({ replies }: { replies: ReportReply[] }) {
  const { t, lang } = useReportI18n();
  if (replies.length === 0) return <p className="kg-muted">{t('view.noReplies')}</p>;
  return (
    <ol className="kg-replies">
      {replies.map((r) => (
        <li key={r.id} className="kg-reply" data-testid="report-reply">
          <p className="kg-reply-meta">
            {t('view.replyFrom')} · {kigaliDateTime(r.at, lang)}
          </p>
          <p className="kg-report-text">{r.text}</p>
        </li>
      ))}
    </ol>
  );
}

import { type EvidenceService, useEvidence, useEvidenceUrl } from '@kigaligo/client';
import type { EvidenceRef } from '@kigaligo/domain';
import { useReportAdminI18n } from './report-messages';

/**
 * The report's photos and videos. Evidence URLs are authorised (uploader and admins only), so each file is
 * fetched with the admin's token, checked against its digest, kept on this device (shown again offline) and
 * shown through an object URL.
 */
export function EvidenceViewer({ items }: { items: EvidenceRef[] }) {
  const { t } = useReportAdminI18n();
  const service = useEvidence();
  if (items.length === 0) return <p className="kg-muted">{t('report.noEvidence')}</p>;
  return (
    <ul className="kg-evidence-grid">
      {items.map((item, i) => (
        <EvidenceFile key={item.sha256} service={service} item={item} n={i + 1} />
      ))}
    </ul>
  );
}

function EvidenceFile({
  service,
  item,
  n,
}: {
  service: EvidenceService | null;
  item: EvidenceRef;
  n: number;
}) {
  const { t } = useReportAdminI18n();
  const { url, error } = useEvidenceUrl(service, item.sha256);
  const video = item.mime.startsWith('video/');
  const name = video ? t('report.video', { n }) : t('report.photo', { n });
  return (
    <li className="kg-evidence-file" data-testid="evidence" data-sha256={item.sha256}>
      {url ? (
        video ? (
          // biome-ignore lint/a11y/useMediaCaption: riders' phone videos come without captions
          <video src={url} controls preload="metadata" aria-label={name} />
        ) : (
          <a href={url} target="_blank" rel="noreferrer">
            <img src={url} alt={name} />
          </a>
        )
      ) : (
        <p className="kg-muted kg-evidence-wait">
          {error ? t('report.evidenceFailed') : t('report.evidenceLoading')}
        </p>
      )}
      <p className="kg-muted kg-small">
        {name} · {Math.max(1, Math.round(item.bytes / 1024))} KB
      </p>
    </li>
  );
}

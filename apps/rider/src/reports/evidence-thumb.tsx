import { type EvidenceService, type EvidenceStatus, useEvidenceUrl } from '@kigaligo/client';
import type { EvidenceRef } from '@kigaligo/domain';
import { useReportI18n } from './report-messages';

/** One attached photo or video, drawn from the device (object URL), with where its upload stands. */
export function EvidenceThumb({
  service,
  item,
  status,
  onRemove,
}: {
  service: EvidenceService | null;
  item: EvidenceRef;
  status: EvidenceStatus | undefined;
  onRemove?: () => void;
}) {
  const { t } = useReportI18n();
  const { url } = useEvidenceUrl(service, item.sha256);
  const video = item.mime.startsWith('video/');
  const name = video ? t('upload.video') : t('upload.photo');
  const state = status?.state ?? 'local';
  const label =
    state === 'refused'
      ? t('upload.refused', { reason: status?.error?.message ?? '' })
      : t(`upload.${state}` as 'upload.local');
  return (
    <li
      className="kg-evidence-item"
      data-testid="evidence-item"
      data-upload={state}
      data-sha256={item.sha256}
    >
      <div className="kg-evidence-media">
        {url ? (
          video ? (
            <video src={url} muted playsInline preload="metadata" aria-label={name} />
          ) : (
            <img src={url} alt={name} />
          )
        ) : (
          <span className="kg-evidence-placeholder" aria-hidden="true" />
        )}
      </div>
      <p className={`kg-evidence-state kg-evidence-state--${state}`}>{label}</p>
      {onRemove ? (
        <button type="button" className="kg-link-button kg-evidence-remove" onClick={onRemove}>
          {t('form.remove')}
          <span className="kg-visually-hidden"> {name}</span>
        </button>
      ) : null}
    </li>
  );
}

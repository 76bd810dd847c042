import { EvidenceRejected, type EvidenceService, useEvidenceStatus } from '@kigaligo/client';
import type { EvidenceRef } from '@kigaligo/domain';
import { Alert } from '@kigaligo/ui';
import { type ChangeEvent, useState } from 'react';
import { EvidenceThumb } from './evidence-thumb';
import { maxVideoSize, megabytes } from './format';
import { useReportI18n } from './report-messages';

/** The domain allows this many files per report (safetyReportInput.evidence). */
export const MAX_EVIDENCE = 10;

/**
 * Photos and videos for a draft: from the camera (`capture`) or from files. Each is prepared on the device
 * (photos resized) and stored in IndexedDB before it is listed, so it survives a reload offline.
 */
export function EvidencePicker({
  service,
  items,
  onAdd,
  onRemove,
}: {
  service: EvidenceService | null;
  items: EvidenceRef[];
  onAdd(ref: EvidenceRef): void;
  onRemove(sha256: string): void;
}) {
  const { t } = useReportI18n();
  const statuses = useEvidenceStatus(
    service,
    items.map((i) => i.sha256),
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (!service || files.length === 0) return;
    const problems: string[] = [];
    let count = items.length;
    for (const file of files) {
      if (count >= MAX_EVIDENCE) {
        problems.push(t('form.maxEvidence', { count: MAX_EVIDENCE }));
        break;
      }
      setBusy(file.name);
      try {
        const ref = await service.store.add(file);
        if (!items.some((i) => i.sha256 === ref.sha256)) {
          onAdd(ref);
          count++;
        }
      } catch (err) {
        problems.push(evidenceError(err, file.name, t));
      }
    }
    setBusy(null);
    setErrors(problems);
  };

  return (
    <fieldset className="kg-field kg-evidence">
      <legend className="kg-field-label">
        {t('form.evidence')} <span className="kg-field-optional">({t('auth.optional')})</span>
      </legend>
      <p className="kg-field-hint">{t('form.evidenceHint', { size: maxVideoSize() })}</p>
      {items.length ? (
        <ul className="kg-evidence-list">
          {items.map((item) => (
            <EvidenceThumb
              key={item.sha256}
              service={service}
              item={item}
              status={statuses[item.sha256]}
              onRemove={() => onRemove(item.sha256)}
            />
          ))}
        </ul>
      ) : null}
      <div className="kg-evidence-actions">
        <label className="kg-button kg-button--secondary kg-file-button">
          {t('form.camera')}
          <input
            type="file"
            accept="image/*,video/*"
            capture="environment"
            className="kg-visually-hidden"
            disabled={!service || busy !== null}
            onChange={(e) => void pick(e)}
          />
        </label>
        <label className="kg-button kg-button--secondary kg-file-button">
          {t('form.files')}
          <input
            type="file"
            accept="image/*,video/*"
            multiple
            className="kg-visually-hidden"
            data-testid="evidence-files"
            disabled={!service || busy !== null}
            onChange={(e) => void pick(e)}
          />
        </label>
      </div>
      {busy ? (
        <p className="kg-muted" role="status">
          {t('form.processing', { name: busy })}
        </p>
      ) : null}
      {errors.map((message) => (
        <Alert key={message}>{message}</Alert>
      ))}
    </fieldset>
  );
}

function evidenceError(err: unknown, name: string, t: ReturnType<typeof useReportI18n>['t']): string {
  if (err instanceof EvidenceRejected) {
    const p = err.problem;
    if (p.code === 'too_large') return t('evidence.too_large', { name, size: megabytes(p.limit) });
    return t(`evidence.${p.code}`, { name });
  }
  // IndexedDB refused the write (Dexie keeps the DOM error's name): the phone is out of storage.
  if ((err as { name?: string } | null)?.name === 'QuotaExceededError')
    return t('evidence.storage', { name });
  return t('evidence.unreadable', { name });
}

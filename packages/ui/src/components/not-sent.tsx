import type { ReconcileRejection } from '@kigaligo/domain';
import { useI18n } from '../i18n/i18n-context';
import { Button } from './button';

/**
 * What the server rejected (SS12), beside what the user wrote: "Not sent: <reason> — Edit and send again", with
 * the reason translated from its code (the server's English message is for admins). Nothing is removed until
 * the user discards it.
 */
export function NotSent({
  rejection,
  onEdit,
  onDiscard,
  editLabel = 'edit',
}: {
  rejection: Pick<ReconcileRejection, 'code'>;
  onEdit: () => void;
  onDiscard: () => void;
  /** `resend` where there is nothing to edit (a driver's action). */
  editLabel?: 'edit' | 'resend';
}) {
  const { t } = useI18n();
  return (
    <div className="kg-alert kg-alert--error kg-not-sent" role="alert" data-testid="not-sent">
      <p>{t('notSent.title', { reason: t(`notSent.reason.${rejection.code}`) })}</p>
      <div className="kg-not-sent-actions">
        <Button variant="secondary" onClick={onEdit} data-testid="not-sent-edit">
          {t(editLabel === 'edit' ? 'notSent.edit' : 'notSent.resend')}
        </Button>
        <Button variant="ghost" onClick={onDiscard} data-testid="not-sent-discard">
          {t('notSent.discard')}
        </Button>
      </div>
    </div>
  );
}

/**
 * A document the server could not take as a whole (SS12, `rejections['*']`): nothing to edit or discard one by
 * one, so it says what happened and that the changes stay on the phone until the next change tries again.
 */
export function DocumentNotSent({ rejection }: { rejection: Pick<ReconcileRejection, 'code'> | null }) {
  const { t } = useI18n();
  if (!rejection) return null;
  return (
    <div className="kg-alert kg-alert--error kg-not-sent" role="alert" data-testid="document-not-sent">
      <p>{t('notSent.document', { reason: t(`notSent.reason.${rejection.code}`) })}</p>
    </div>
  );
}

import { apiRequest, docName, type RequestQueueState, reportDoc } from '@kigaligo/client';
import { type AdminReportDetail, suspendDriverInput, unsuspendDriverInput } from '@kigaligo/domain';
import { Button, TextField } from '@kigaligo/ui';
import { useState } from 'react';
import { useReportAdminI18n } from './report-messages';

type Driver = NonNullable<AdminReportDetail['driver']>;

/** Suspending the reported driver (or lifting it), with a reason, through the request queue. */
export function DriverActions({
  reportId,
  driver,
  queue,
}: {
  reportId: string;
  driver: Driver;
  queue: RequestQueueState;
}) {
  const { t } = useReportAdminI18n();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const subject = docName(reportDoc(reportId));
  const path = { id: driver.id };
  const waiting = queue.requests.some((r) => r.state === 'waiting' && /^(un)?suspend$/.test(r.action));

  if (driver.suspended) {
    return (
      <Button
        variant="secondary"
        disabled={!queue.ready || waiting}
        onClick={() =>
          void queue.enqueue({
            ...apiRequest('post', '/api/admin/users/{id}/unsuspend', {
              path,
              body: unsuspendDriverInput.parse(reason.trim() ? { reason: reason.trim() } : {}),
            }),
            subject,
            action: 'unsuspend',
          })
        }
      >
        {t('actions.unsuspend')}
      </Button>
    );
  }
  const submit = async () => {
    const parsed = suspendDriverInput.safeParse({ reason, reportId });
    if (!parsed.success) return setInvalid(true);
    setInvalid(false);
    if (!window.confirm(t('actions.suspendConfirm', { name: driver.name }))) return;
    await queue.enqueue({
      ...apiRequest('post', '/api/admin/users/{id}/suspend', { path, body: parsed.data }),
      subject,
      action: 'suspend',
    });
    setReason('');
  };
  return (
    <div className="kg-report-suspend">
      <TextField
        label={t('actions.suspendReason')}
        value={reason}
        maxLength={1000}
        onChange={(e) => {
          setReason(e.target.value);
          setInvalid(false);
        }}
        hint={t('actions.suspendHint')}
        error={invalid ? t('actions.reasonShort') : undefined}
      />
      <Button variant="secondary" disabled={!queue.ready || waiting} onClick={() => void submit()}>
        {t('actions.suspendSubmit')}
      </Button>
    </div>
  );
}

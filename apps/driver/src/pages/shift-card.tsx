import { useDocument, useSession, useYMap } from '@kigaligo/client';
import { driverDocKeys } from '@kigaligo/sync-protocol';
import { Button, Card, formatDate, SyncStatus, useI18n } from '@kigaligo/ui';
import { useDriverI18n } from '../messages';

type ShiftStatus = 'off_duty' | 'available';

/** `driver:<id>` → shift. The status is overwritten, never deleted, so the server's ack can confirm it. */
interface Shift extends Record<string, unknown> {
  status: ShiftStatus;
  /** ISO time of the last change, shown so a driver sees when they last switched. */
  changedAt: string;
}

function kigaliTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'rw' ? 'rw-RW' : 'en-GB', {
    timeStyle: 'short',
    timeZone: 'Africa/Kigali',
  }).format(new Date(iso));
}

/** A big, glanceable availability switch for a phone on a dashboard; works offline and syncs later. */
export function ShiftCard() {
  const { t } = useDriverI18n();
  const { lang } = useI18n();
  const session = useSession();
  const doc = useDocument(session ? `driver:${session.user.id}` : null);
  const { value, update } = useYMap<Shift>(doc, driverDocKeys.shift);
  const status: ShiftStatus = value.status === 'available' ? 'available' : 'off_duty';
  const available = status === 'available';
  const toggle = () =>
    update({ status: available ? 'off_duty' : 'available', changedAt: new Date().toISOString() });

  return (
    <Card title={t('shift.title')}>
      <div className="kg-shift" data-shift={available ? 'available' : 'off-duty'}>
        <span className="kg-shift-dot" aria-hidden="true" />
        <div>
          <p className="kg-shift-status">{available ? t('shift.available') : t('shift.offDuty')}</p>
          <p className="kg-muted">{available ? t('shift.availableHint') : t('shift.offDutyHint')}</p>
          {value.changedAt ? (
            <p className="kg-shift-since">
              {t('shift.since', {
                time: kigaliTime(value.changedAt, lang),
                date: formatDate(value.changedAt, lang),
              })}
            </p>
          ) : null}
        </div>
      </div>
      <Button
        block
        className="kg-shift-toggle"
        variant={available ? 'secondary' : 'primary'}
        disabled={!doc}
        onClick={toggle}
      >
        {available ? t('shift.stop') : t('shift.start')}
      </Button>
      <SyncStatus className="kg-shift-sync" />
    </Card>
  );
}

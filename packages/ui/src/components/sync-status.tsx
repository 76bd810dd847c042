import { type SyncStatus as Status, useClient, useSyncStatus } from '@kigaligo/client';
import type { CommonKey } from '../i18n/common-messages';
import { type Translate, useI18n } from '../i18n/i18n-context';
import { Button } from './button';

const KIGALI = 'Africa/Kigali';

function savedText(at: number | null, t: Translate, lang: string, now = Date.now()): string {
  if (at === null) return t('sync.neverSaved');
  const locale = lang === 'rw' ? 'rw-RW' : 'en-GB';
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: KIGALI }).format(at);
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: KIGALI }).format(ms);
  if (day(at) === day(now)) return t('sync.savedAt', { time });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: KIGALI }).format(at);
  return t('sync.savedDay', { date, time });
}

/** Headline and detail for a status; exported for tests and for screens that lay it out themselves. */
export function syncStatusText(s: Status, t: Translate, lang: string): { title: string; detail: string } {
  const waiting = t('sync.waiting', { count: s.pending });
  switch (s.state) {
    case 'error': {
      const title = t(`sync.error.${s.error ?? 'refused'}` as CommonKey);
      return { title, detail: s.pending ? `${waiting}. ${t('sync.errorKept')}` : '' };
    }
    case 'offline':
      return s.pending
        ? { title: waiting, detail: t('sync.offline') }
        : { title: t('sync.saved'), detail: t('sync.offlineNoChanges') };
    case 'connecting':
      if (s.pending) return { title: waiting, detail: t('sync.connecting') };
      if (s.lastConfirmedAt === null) return { title: t('sync.connecting'), detail: '' };
      break;
    default:
      // Online: what is waiting is on its way.
      if (s.pending) return { title: t('sync.saving'), detail: waiting };
  }
  return { title: t('sync.saved'), detail: savedText(s.lastConfirmedAt, t, lang) };
}

function Icon({ tone }: { tone: string }) {
  const paths: Record<string, string> = {
    saved: 'M5 12.5l4.5 4.5L19 7.5',
    waiting: 'M12 7v5l3 2',
    offline:
      'M3 3l18 18M8.5 16.5a5 5 0 0 1 7 0M5 13a10 10 0 0 1 5-2.6M19 13a10 10 0 0 0-2.4-1.7M2 9.3A15 15 0 0 1 6 7M22 9.3A15 15 0 0 0 11 5.2',
    error: 'M12 8v5M12 16.5v.5',
  };
  return (
    <svg className="kg-sync-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      {tone === 'waiting' || tone === 'error' ? <circle cx="12" cy="12" r="9" /> : null}
      <path d={paths[tone]} />
    </svg>
  );
}

/**
 * Whether this device's changes are on the server: "All changes saved", "3 changes waiting", "Offline —
 * changes are kept on this device", or why saving stopped. Announced politely as it changes.
 */
export function SyncStatus({ className }: { className?: string }) {
  const status = useSyncStatus();
  const { auth } = useClient();
  const { t, lang } = useI18n();
  if (status.state === 'idle') return null;
  const { title, detail } = syncStatusText(status, t, lang);
  const tone =
    status.state === 'error'
      ? 'error'
      : status.pending
        ? 'waiting'
        : status.state === 'offline'
          ? 'offline'
          : 'saved';
  return (
    <div
      className={`kg-sync kg-sync--${tone} ${className ?? ''}`.trim()}
      role="status"
      data-testid="sync-status"
      data-sync-state={status.state}
      data-pending={status.pending}
    >
      <Icon tone={tone} />
      <div>
        <p className="kg-sync-title">{title}</p>
        {detail ? <p className="kg-sync-detail">{detail}</p> : null}
        {status.error === 'signed-out' ? (
          // Changes stay in this user's database on the device and are sent after signing back in.
          <Button variant="secondary" className="kg-sync-action" onClick={() => void auth.logout()}>
            {t('sync.signInAgain')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

import type { User } from '@kigaligo/domain';
import { useI18n } from '../i18n/i18n-context';
import { Avatar, Card } from './card';

export function formatDate(iso: string, lang: string): string {
  // Kigali time (UTC+2, no DST) whatever the device's zone; Kinyarwanda dates fall back to day-month-year.
  return new Intl.DateTimeFormat(lang === 'rw' ? 'rw-RW' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'Africa/Kigali',
  }).format(new Date(iso));
}

export function ProfileCard({ user }: { user: User }) {
  const { t, lang } = useI18n();
  return (
    <Card title={t('profile.title')} className="kg-profile">
      <div className="kg-profile-head">
        <Avatar name={user.name} />
        <div>
          <p className="kg-profile-name">{user.name}</p>
          <span className={`kg-badge kg-badge--${user.role}`}>{t(`role.${user.role}`)}</span>
        </div>
      </div>
      <dl className="kg-details">
        <div>
          <dt>{t('profile.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('profile.phone')}</dt>
          <dd>{user.phone ?? <span className="kg-muted">{t('profile.noPhone')}</span>}</dd>
        </div>
        <div>
          <dt>{t('profile.since')}</dt>
          <dd>{formatDate(user.createdAt, lang)}</dd>
        </div>
      </dl>
    </Card>
  );
}

/** Greeting by the hour in Kigali, so a phone on another zone's clock still says the right thing. */
export function greetingKey(
  now = new Date(),
): 'greeting.morning' | 'greeting.afternoon' | 'greeting.evening' {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Africa/Kigali' }).format(
      now,
    ),
  );
  if (hour < 12) return 'greeting.morning';
  return hour < 18 ? 'greeting.afternoon' : 'greeting.evening';
}

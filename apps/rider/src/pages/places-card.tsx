import { Button, Card, SyncStatus, TextField } from '@kigaligo/ui';
import { type FormEvent, useState } from 'react';
import { useRiderI18n } from '../messages';
import type { RiderPreferences } from '../use-rider-preferences';

const MAX = 80;

function PinIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0C18.5 15.4 12 21 12 21z" strokeLinejoin="round" />
      <circle cx="12" cy="10" r="2.3" />
    </svg>
  );
}

/** Home and work as place names the rider types once; saved on the device first, then to their account. */
export function PlacesCard({
  value,
  update,
  ready,
}: {
  value: Partial<RiderPreferences>;
  update(patch: Partial<RiderPreferences>): void;
  ready: boolean;
}) {
  const { t } = useRiderI18n();
  // Only what the rider is typing; everything else shows the document, so edits from another tab or
  // device appear in fields the rider has not touched.
  const [draft, setDraft] = useState<{ home?: string; work?: string }>({});
  const shown = (k: 'home' | 'work') => draft[k] ?? value[k] ?? '';
  const changed = (['home', 'work'] as const).some((k) => k in draft && shown(k).trim() !== (value[k] ?? ''));

  const save = (e: FormEvent) => {
    e.preventDefault();
    const patch: Partial<RiderPreferences> = {};
    for (const k of ['home', 'work'] as const) if (k in draft) patch[k] = shown(k).trim() || null;
    update(patch);
    setDraft({});
  };

  const field = (k: 'home' | 'work') => ({
    value: shown(k),
    maxLength: MAX,
    disabled: !ready,
    onChange: (e: { target: { value: string } }) => {
      setDraft((d) => ({ ...d, [k]: e.target.value }));
    },
  });

  return (
    <Card
      title={t('places.title')}
      action={
        <span className="kg-places-icon">
          <PinIcon />
        </span>
      }
    >
      <p className="kg-muted kg-places-intro">{t('places.intro')}</p>
      <form className="kg-form" onSubmit={save} noValidate>
        <TextField
          label={t('places.home')}
          placeholder={t('places.homeExample')}
          autoComplete="off"
          {...field('home')}
        />
        <TextField
          label={t('places.work')}
          placeholder={t('places.workExample')}
          autoComplete="off"
          {...field('work')}
        />
        <Button type="submit" block disabled={!changed}>
          {t('places.save')}
        </Button>
      </form>
      <SyncStatus className="kg-places-sync" />
    </Card>
  );
}

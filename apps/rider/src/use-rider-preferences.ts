import { riderDocKeys, useRiderDoc, useYMap } from '@kigaligo/client';
import { type Lang, useI18n } from '@kigaligo/ui';
import { useEffect } from 'react';

/** What the rider keeps in `rider:<id>` → preferences; place names are free text riders and drivers know. */
export interface RiderPreferences extends Record<string, unknown> {
  home: string | null;
  work: string | null;
  language: Lang | null;
}

/**
 * The signed-in rider's preferences, from their synced document: on this device at once (even offline),
 * on their other devices once saved. The preferred language follows the rider from device to device.
 */
export function useRiderPreferences() {
  const doc = useRiderDoc();
  const prefs = useYMap<RiderPreferences>(doc, riderDocKeys.preferences);
  const { lang, setLang } = useI18n();
  const preferred = prefs.value.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the stored preference applies it
  useEffect(() => {
    if ((preferred === 'en' || preferred === 'rw') && preferred !== lang) setLang(preferred);
  }, [preferred]);
  return { ...prefs, ready: doc !== null };
}

import { formatMessage } from '@kigaligo/domain';
import { useI18n } from '@kigaligo/ui';

// The rider's live-view strings, kept here (not in messages.ts) so this screen stays in its own files.
const en = {
  title: 'Vehicles near you',
  subtitle: 'Buses and motos moving right now. Tap one to see its line.',
  open: 'Live vehicles',
  back: 'Back',
  none: 'No vehicles in this area right now.',
  count: 'In view: {count}',
  connecting: 'Connecting to the live map…',
  offline: 'Offline — positions resume when the network is back.',
  'signed-out': 'Sign in again to see live vehicles.',
  refused: 'The live map is not available for this account.',
  online: 'Live',
};

// Kinyarwanda must cover every key: the type makes a missing translation a compile error.
const rw: Record<keyof typeof en, string> = {
  title: 'Ibinyabiziga biri hafi yawe',
  subtitle: 'Bisi na moto bigenda ubu. Kanda kimwe urebe umurongo wacyo.',
  open: 'Ibinyabiziga ubu',
  back: 'Subira inyuma',
  none: 'Nta kinyabiziga kiri aha ubu.',
  count: 'Biri ku ikarita: {count}',
  connecting: 'Turimo guhuza n’ikarita…',
  offline: 'Nta interineti — bizagaruka interineti igarutse.',
  'signed-out': 'Ongera winjire urebe ibinyabiziga.',
  refused: 'Iyi konti ntishobora kureba ikarita y’ako kanya.',
  online: 'Ubu',
};

export type LiveTextKey = keyof typeof en;

export function useRiderLiveText() {
  const { lang } = useI18n();
  return (key: LiveTextKey, vars?: Record<string, string | number>) =>
    formatMessage(lang, lang === 'rw' ? rw : en, en, key, vars);
}

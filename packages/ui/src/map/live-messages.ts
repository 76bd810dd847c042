import type { LiveVehicle } from '@kigaligo/domain';
import { type Lang, useI18n } from '../i18n/i18n-context';

// The live map's own strings, kept next to it so any app that shows the map gets them in both languages.
const en = {
  'live.map': 'Map of vehicles near you',
  'live.unavailable': 'This device cannot draw the map. The vehicles are listed below.',
  'live.kind.bus': 'Bus',
  'live.kind.moto': 'Moto',
  'live.kind.car': 'Car',
  'live.speed': '{speed} km/h',
  'live.seen': 'Last seen {time}',
  'live.stale': 'No signal for a while',
  'live.moving': 'Live',
  'live.routes': 'Near bus line {routes}',
  'live.noRoute': 'Not on a bus line',
  'live.close': 'Close',
  'live.anonymous': '{kind} nearby',
  'live.approximate': 'Shown within about 500 m and without its plate, to protect the driver’s privacy.',
  'live.pin.from': 'Pickup: {place}',
  'live.pin.to': 'Destination: {place}',
};

// Kinyarwanda must cover every key: the type makes a missing translation a compile error.
const rw: Record<keyof typeof en, string> = {
  'live.map': 'Ikarita y’ibinyabiziga biri hafi yawe',
  'live.unavailable': 'Iyi telefoni ntishobora kwerekana ikarita. Ibinyabiziga biri ku rutonde hepfo.',
  'live.kind.bus': 'Bisi',
  'live.kind.moto': 'Moto',
  'live.kind.car': 'Imodoka',
  'live.speed': 'km {speed} ku isaha',
  'live.seen': 'Byagaragaye bwa nyuma saa {time}',
  'live.stale': 'Nta kimenyetso kimaze igihe',
  'live.moving': 'Ubu',
  'live.routes': 'Hafi y’umurongo wa bisi {routes}',
  'live.noRoute': 'Ntabwo kiri ku murongo wa bisi',
  'live.close': 'Funga',
  'live.anonymous': '{kind} iri hafi',
  'live.approximate':
    'Kigaragazwa ku buryo bwa hafi (nka metero 500) kandi nta purake, kugira ngo umushoferi arindirwe ubuzima bwite.',
  'live.pin.from': 'Aho bagufatira: {place}',
  'live.pin.to': 'Aho ujya: {place}',
};

export type LiveKey = keyof typeof en;
const dict: Record<Lang, Record<LiveKey, string>> = { en, rw };

/** `t` for the live map's strings in the app's current language. */
export function useLiveText() {
  const { lang } = useI18n();
  return {
    lang,
    t: (key: LiveKey, vars: Record<string, string | number> = {}) =>
      dict[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)),
  };
}

/** What to call a vehicle on screen: its plate, or "Moto nearby" for one shown anonymously. */
export function vehicleName(
  v: Pick<LiveVehicle, 'plate' | 'kind'>,
  t: ReturnType<typeof useLiveText>['t'],
): string {
  return v.plate ?? t('live.anonymous', { kind: t(`live.kind.${v.kind}`) });
}

export function kigaliClock(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'rw' ? 'rw-RW' : 'en-GB', {
    timeStyle: 'medium',
    timeZone: 'Africa/Kigali',
  }).format(new Date(iso));
}

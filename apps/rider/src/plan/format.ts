import type { Translate } from '@kigaligo/ui';
import type { PlanKey } from './use-plan-i18n';

/** Money is whole RWF with no minor unit (KIGALI.md), written the way fares are posted: "RWF 1,050". */
export const formatRwf = (m: { amount: number }) => `RWF ${m.amount.toLocaleString('en-US')}`;

/** The planner's times are ISO with the network zone's offset, so the wall-clock time is in the string itself. */
export const clock = (iso: string) => iso.slice(11, 16);

export function duration(t: Translate<PlanKey>, fromIso: string, toIso: string): string {
  const mins = Math.max(1, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));
  return mins < 60 ? t('plan.min', { n: mins }) : t('plan.hmin', { h: Math.floor(mins / 60), m: mins % 60 });
}

export const distance = (m: number) =>
  m < 1000 ? `${Math.round(m / 10) * 10} m` : `${(m / 1000).toFixed(1)} km`;

export function transfers(t: Translate<PlanKey>, n: number): string {
  return n === 0 ? t('plan.direct') : n === 1 ? t('plan.transfers1') : t('plan.transfersN', { n });
}

/** Some feed stops are in capitals ("KUMURENGE REMERE"); shown in title case like the rest. */
export function stopName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s/(-])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
}

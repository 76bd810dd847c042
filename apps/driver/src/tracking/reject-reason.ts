import type { DriverKey } from '../messages';

const knownReasons = [
  'outside_service_area',
  'recorded_in_future',
  'malformed',
  'implausible_jump',
  'outside_shift',
  'past_retention',
] as const;

/** The server's reason code (some carry a detail after a colon) in the driver's language. */
export function reasonText(reason: string, t: (key: DriverKey) => string): string {
  const code = reason.split(':')[0] as (typeof knownReasons)[number];
  return knownReasons.includes(code) ? t(`tracking.reason.${code}`) : reason.replaceAll('_', ' ');
}

import { evidenceLimits } from '@kigaligo/client';

const KIGALI = 'Africa/Kigali';
const locale = (lang: string) => (lang === 'rw' ? 'rw-RW' : 'en-GB');

/** Date and time in Kigali time, whatever the phone's zone. */
export function kigaliDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: KIGALI,
  }).format(new Date(iso));
}

/** "12 MB" for size limits in messages. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export const maxVideoSize = () => megabytes(evidenceLimits.maxVideoBytes);

/**
 * `<input type="datetime-local">` speaks the phone's local time without a zone: convert both ways through
 * Date so the stored value is an ISO instant (UTC), as the domain schema wants.
 */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

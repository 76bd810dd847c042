/** "25 Nov 2026, 08:05" in Kigali time, whatever the admin's browser zone. */
export function kigaliTime(iso: string, lang: string, seconds = false): string {
  return new Intl.DateTimeFormat(lang === 'rw' ? 'rw-RW' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: seconds ? 'medium' : 'short',
    timeZone: 'Africa/Kigali',
  }).format(new Date(iso));
}

/** The report's status as an admin decision waiting on this device would leave it. */
export function pendingStatuses(
  requests: { subject: string; action: string; state: string }[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of requests) {
    if (r.state !== 'waiting' || !r.action.startsWith('status:')) continue;
    out.set(r.subject, r.action.slice('status:'.length));
  }
  return out;
}

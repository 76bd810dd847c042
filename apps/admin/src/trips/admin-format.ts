/** "25 Nov 2026, 08:05:12" in Kigali time: admins compare events to the second. */
export function adminTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'rw' ? 'rw-RW' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Africa/Kigali',
  }).format(new Date(iso));
}

/** The first 8 characters of a UUID: enough to tell trips apart on screen and to search for. */
export const shortId = (id: string) => id.slice(0, 8);

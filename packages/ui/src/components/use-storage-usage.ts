import { useEffect, useState } from 'react';

/**
 * Bytes this app keeps on the device (IndexedDB, caches, the service worker's precache), as the browser counts
 * them; null where the browser does not say. Read when the screen opens: it changes slowly.
 */
export function useStorageUsage(): number | null {
  const [usage, setUsage] = useState<number | null>(null);
  useEffect(() => {
    let gone = false;
    void navigator.storage
      ?.estimate?.()
      .then((e) => {
        if (!gone && typeof e.usage === 'number') setUsage(e.usage);
      })
      .catch(() => {});
    return () => {
      gone = true;
    };
  }, []);
  return usage;
}

/** "850 KB", "3.2 MB": one decimal under 10, none above; 1 KB = 1,000 bytes, as phones' storage settings count. */
export function formatStorage(bytes: number, lang: string): string {
  const locale = lang === 'rw' ? 'rw-RW' : 'en-GB';
  const [value, unit] =
    bytes >= 1e9
      ? [bytes / 1e9, 'GB']
      : bytes >= 1e6
        ? [bytes / 1e6, 'MB']
        : [Math.max(bytes, 0) / 1e3, 'KB'];
  const digits = value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${unit}`;
}

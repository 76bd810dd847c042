import { useSyncExternalStore } from 'react';

// `#/stop/<stop id>` opens a stop's departures. A hash keeps it on the precached index.html (offline), and
// the back button returns to the screen it was opened from.
const PREFIX = '#/stop/';

export const stopHref = (stopId: string) => `${PREFIX}${encodeURIComponent(stopId)}`;

const readStop = (): string => {
  const hash = window.location.hash;
  if (!hash.startsWith(PREFIX)) return '';
  try {
    return decodeURIComponent(hash.slice(PREFIX.length));
  } catch {
    return '';
  }
};

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The stop whose departures are open, or null. */
export function useStopRoute(): string | null {
  return useSyncExternalStore(subscribe, readStop, () => '') || null;
}

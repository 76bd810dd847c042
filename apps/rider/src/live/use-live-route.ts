import { useSyncExternalStore } from 'react';

// `#/live` opens the live map. A hash keeps it on the precached index.html (offline) and leaves the
// rest of the rider app's navigation alone.
export const liveHref = '#/live';
const isLive = () => window.location.hash.replace(/^#\/?/, '') === 'live';

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useLiveRoute(): boolean {
  return useSyncExternalStore(subscribe, isLive, () => false);
}

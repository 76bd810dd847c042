import { useSyncExternalStore } from 'react';

export const routes = ['users', 'add-driver', 'fleet', 'system'] as const;
export type Route = (typeof routes)[number];

// Hash routes keep every screen on /admin/ itself, so the service worker's single precached index.html
// serves them all offline and the server needs no per-route fallback.
function current(): Route {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (routes as readonly string[]).includes(name) ? (name as Route) : 'users';
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHashRoute(): Route {
  return useSyncExternalStore(subscribe, current, () => 'users');
}

export const hrefFor = (route: Route) => `#/${route}`;

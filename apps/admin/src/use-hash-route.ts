import { useSyncExternalStore } from 'react';

export const routes = [
  'users',
  'add-driver',
  'fleet',
  'system',
  'trips',
  'outbox',
  'reports',
  'audit',
  'sync-issues',
] as const;
export type Route = (typeof routes)[number];

// Hash routes keep every screen on /admin/ itself, so the service worker's single precached index.html
// serves them all offline and the server needs no per-route fallback.
function current(): Route {
  // `#/trips/<id>` is the trips section: a page reads the rest of the path itself (routeParam).
  const name = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
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

/** The part after `#/<route>/` (e.g. a trip id), or null. */
export function routeParam(): string | null {
  const [, param] = window.location.hash.replace(/^#\/?/, '').split('/');
  return param ? decodeURIComponent(param) : null;
}

/** `routeParam()` as React state: a detail page follows the back button. */
export function useRouteParam(): string | null {
  return useSyncExternalStore(subscribe, routeParam, () => null);
}

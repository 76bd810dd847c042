import { useMemo, useSyncExternalStore } from 'react';

// Safety screens live in the URL hash like the planner and the bookings: `#/safety` (my reports),
// `#/safety/new` (starts a draft, then replaces itself with the draft's own address) and `#/safety/<id>`.
// A reload, offline too, lands on the same screen and the same draft.

export type ReportRoute = { screen: 'list' } | { screen: 'new' } | { screen: 'report'; id: string };

export const safetyHref = '#/safety';
export const newReportHref = '#/safety/new';
export const reportHref = (id: string) => `#/safety/${id}`;

export function parseReportRoute(hash: string): ReportRoute | null {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  if (path === 'safety') return { screen: 'list' };
  if (path === 'safety/new') return { screen: 'new' };
  const m = /^safety\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(path);
  return m ? { screen: 'report', id: m[1]!.toLowerCase() } : null;
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
const readHash = () => window.location.hash;

export function useReportRoute(): ReportRoute | null {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  return useMemo(() => parseReportRoute(hash), [hash]);
}

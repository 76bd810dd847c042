import type { BookableKind, Place } from '@kigaligo/domain';
import { useMemo, useSyncExternalStore } from 'react';

// Booking screens live in the URL hash like the planner and the live map: `#/book?…` (the form, optionally
// filled from a planned moto leg), `#/trips` (my trips) and `#/trips/<intentId>` (one trip). A reload,
// offline too, lands on the same screen.

export interface BookPrefill {
  from?: Place;
  to?: Place;
  kind?: BookableKind;
  /** The rejected intent this booking sends again (SS12): cleared once the new one is written. */
  replaces?: string;
}

export type BookingRoute =
  | { screen: 'book'; prefill: BookPrefill }
  | { screen: 'trips' }
  | { screen: 'trip'; id: string };

const placeParam = (p: Place) => `${p.lat.toFixed(6)},${p.lon.toFixed(6)}`;

export function bookHref(prefill: BookPrefill = {}): string {
  const q = new URLSearchParams();
  if (prefill.from) {
    q.set('from', placeParam(prefill.from));
    if (prefill.from.label) q.set('fromName', prefill.from.label);
  }
  if (prefill.to) {
    q.set('to', placeParam(prefill.to));
    if (prefill.to.label) q.set('toName', prefill.to.label);
  }
  if (prefill.kind) q.set('kind', prefill.kind);
  if (prefill.replaces) q.set('replaces', prefill.replaces);
  const s = q.toString();
  return s ? `#/book?${s}` : '#/book';
}

export const tripsHref = '#/trips';
export const tripHref = (intentId: string) => `#/trips/${intentId}`;

/** What the booking form can take back from an intent the server rejected, whatever else is wrong with it. */
export function prefillOf(raw: Record<string, unknown>): BookPrefill {
  const place = (v: unknown): Place | undefined => {
    const p = v as { lat?: unknown; lon?: unknown; label?: unknown } | null;
    if (typeof p?.lat !== 'number' || typeof p.lon !== 'number') return undefined;
    if (Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) return undefined;
    return typeof p.label === 'string'
      ? { lat: p.lat, lon: p.lon, label: p.label }
      : { lat: p.lat, lon: p.lon };
  };
  const prefill: BookPrefill = {};
  const from = place(raw.origin);
  const to = place(raw.destination);
  if (from) prefill.from = from;
  if (to) prefill.to = to;
  if (raw.kind === 'moto' || raw.kind === 'car') prefill.kind = raw.kind;
  return prefill;
}

function readPlace(q: URLSearchParams, key: string): Place | undefined {
  const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(q.get(key) ?? '');
  if (!m) return undefined;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  const label = q.get(`${key}Name`)?.slice(0, 200);
  return label ? { lat, lon, label } : { lat, lon };
}

export function parseBookingRoute(hash: string): BookingRoute | null {
  const path = hash.replace(/^#\/?/, '');
  const [head = '', query = ''] = path.split('?');
  if (head === 'book') {
    const q = new URLSearchParams(query);
    const prefill: BookPrefill = {};
    const from = readPlace(q, 'from');
    const to = readPlace(q, 'to');
    const kind = q.get('kind');
    if (from) prefill.from = from;
    if (to) prefill.to = to;
    if (kind === 'moto' || kind === 'car') prefill.kind = kind;
    const replaces = q.get('replaces');
    if (replaces) prefill.replaces = replaces;
    return { screen: 'book', prefill };
  }
  if (head === 'trips') return { screen: 'trips' };
  const trip = /^trips\/([0-9a-f-]{36})$/i.exec(head);
  return trip ? { screen: 'trip', id: trip[1]!.toLowerCase() } : null;
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
const readHash = () => window.location.hash;

export function useBookingRoute(): BookingRoute | null {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  return useMemo(() => parseBookingRoute(hash), [hash]);
}

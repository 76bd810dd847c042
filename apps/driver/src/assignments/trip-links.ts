import type { DriverAssignment, Place } from '@kigaligo/domain';

const coords = (p: Place) => `${p.lat.toFixed(6)},${p.lon.toFixed(6)}`;

/**
 * A `geo:` URI (RFC 5870) with the place as query, so Android opens the driver's navigation app there and
 * shows the label; iPhones ignore `geo:`, hence `mapsUrl` as the second link.
 */
export function geoUrl(p: Place): string {
  const label = p.label ? `(${encodeURIComponent(p.label)})` : '';
  return `geo:${coords(p)}?q=${coords(p)}${label}`;
}

/** Google Maps' documented cross-platform directions URL: opens the app or the web page, any phone. */
export function mapsUrl(p: Place): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${coords(p)}&travelmode=driving`;
}

/** Where the driver heads now: the pickup until the rider is on board, then the destination. */
export function navigationTarget(
  a: Pick<DriverAssignment, 'status' | 'origin' | 'destination'>,
): Place | null {
  if (a.status === 'accepted' || a.status === 'driver_arrived') return a.origin;
  if (a.status === 'in_progress') return a.destination;
  return null;
}

/** `tel:` link for the rider's number, spaces removed (the server sends it only once the ride is accepted). */
export function telUrl(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/[^\d+]/g, '');
  return digits ? `tel:${digits}` : null;
}

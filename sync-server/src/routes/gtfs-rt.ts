import { type Network, serviceDayOrigin } from '@kigaligo/planner';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { verifyAccessToken } from '../auth/tokens';
import { documented } from '../http/api-docs';
import { query } from '../http/validate';
import type { FeedVehicle } from '../live/live-hub';
import type { Viewer } from '../live/visibility';
import { findScheduledTrip, tripDescriptor } from '../realtime/scheduled-trip';
import { tripProgress } from '../realtime/trip-predictions';

const { transit_realtime: rt } = GtfsRealtimeBindings;

const feedQuery = z.object({
  format: z
    .enum(['protobuf', 'json'])
    .optional()
    .describe('json: the same feed as JSON (protobuf field names in camelCase), for people reading it'),
});

const feedHeaders = {
  'Last-Modified': {
    description:
      'When the feed last changed (a fix, a shift or trip change, a fix ageing out, a static feed activated)',
    schema: { type: 'string' as const },
  },
};

const feedAnswer = {
  200: { media: ['application/x-protobuf', 'application/json'], headers: feedHeaders },
  304: null,
};

/** Who asks: a signed-in caller by their access token (signature, claims, not signed out), else anonymous. */
async function viewerOf(c: Context<AppEnv>): Promise<Viewer> {
  const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  const claims = token ? await verifyAccessToken(token, c.var.deps.jwtSecret) : null;
  const signedIn = claims && !c.var.deps.sessions.isRevoked(claims.sessionId) ? claims : null;
  return signedIn ? { role: signedIn.role, userId: signedIn.userId } : { role: 'anonymous' };
}

/** The fleet as the caller may see it, each bus with the trip of the active feed it runs (when found). */
async function fleetFor(c: Context<AppEnv>) {
  const now = Date.now();
  const { vehicles, lastModified: fleetModified } = c.var.deps.live.feedFor(await viewerOf(c), now);
  let network: Network | undefined;
  // A newly activated feed changes the trip descriptors and predictions even when no bus moved.
  let feedActivated = 0;
  try {
    network = c.var.deps.network.get();
    feedActivated = Date.parse(c.var.deps.network.info().importedAt);
  } catch {
    // No network loaded yet: positions without trips.
  }
  const lastModified = Math.max(fleetModified, feedActivated);
  const fleet = vehicles.map((v: FeedVehicle) => {
    const run = network && v.trip ? findScheduledTrip(network, v.trip) : undefined;
    return { ...v, run };
  });
  return { now, network, fleet, lastModified };
}

/**
 * The answer to a feed request: 304 when the caller's If-Modified-Since is not before the feed's last change
 * (HTTP dates count whole seconds), else the feed as protobuf, or JSON with ?format=json.
 */
function answer(c: Context<AppEnv>, entity: unknown[], lastModified: number, format: string | undefined) {
  const seconds = Math.floor(lastModified / 1000);
  const headers = { 'Last-Modified': new Date(seconds * 1000).toUTCString(), 'Cache-Control': 'no-cache' };
  const since = Date.parse(c.req.header('if-modified-since') ?? '');
  if (Number.isFinite(since) && since >= seconds * 1000) return c.body(null, 304, headers);
  const message = rt.FeedMessage.fromObject({
    header: { gtfsRealtimeVersion: '2.0', incrementality: 'FULL_DATASET', timestamp: seconds },
    entity,
  });
  if (format === 'json')
    return c.json(rt.FeedMessage.toObject(message, { longs: Number, enums: String }), 200, headers);
  const body = rt.FeedMessage.encode(message).finish();
  return c.body(body as unknown as ArrayBuffer, 200, {
    ...headers,
    'Content-Type': 'application/x-protobuf',
  });
}

/**
 * GTFS-Realtime for other transit tools, under the same policy as /live (live/visibility.ts): buses on shift to
 * anyone; a signed-in caller sees the vehicle of their own trip (a driver their own) exactly and other motos
 * and cars as anonymous entities whose ids last this one answer. Only vehicles on shift with a fix at most 90 s
 * old; a bus running a scheduled trip carries its trip descriptor, and TripUpdates predict its coming stops.
 */
export const gtfsRtRoutes = new Hono<AppEnv>()
  .get(
    '/vehicle-positions',
    documented({
      summary: 'GTFS-Realtime VehiclePositions (protobuf; ?format=json for people)',
      description:
        'The /live policy: buses on shift to anyone; signed in, your own vehicle exactly and other motos and cars anonymously (ids per answer). Vehicles on shift with a fix at most 90 s old; a bus on a scheduled trip carries its trip descriptor. If-Modified-Since → 304.',
      audience: 'optional',
      query: feedQuery,
      ok: feedAnswer,
      errors: [400],
    }),
    query(feedQuery),
    async (c) => {
      const { network, fleet, lastModified } = await fleetFor(c);
      const entity = fleet.map(({ view: v, trip, run }) => ({
        id: v.vehicleId,
        vehicle: {
          ...(network && run && trip ? { trip: tripDescriptor(network, run, trip.startDate) } : {}),
          vehicle: {
            id: v.vehicleId,
            ...(v.plate === null ? {} : { label: v.plate, licensePlate: v.plate }),
          },
          position: {
            latitude: v.lat,
            longitude: v.lon,
            ...(v.heading == null ? {} : { bearing: v.heading }),
            ...(v.speed == null ? {} : { speed: v.speed }),
          },
          timestamp: Math.floor(Date.parse(v.recordedAt) / 1000),
        },
      }));
      return answer(c, entity, lastModified, c.req.valid('query').format);
    },
  )
  .get(
    '/trip-updates',
    documented({
      summary: 'GTFS-Realtime TripUpdates: predicted arrivals at the coming stops of each tracked trip',
      description:
        'One entity per bus on shift running a scheduled trip of the active feed, with a fix at most 90 s old: its position matched to the trip’s shape gives its delay, carried to every coming stop (never decreasing along the trip). If-Modified-Since → 304.',
      audience: 'optional',
      query: feedQuery,
      ok: feedAnswer,
      errors: [400],
    }),
    query(feedQuery),
    async (c) => {
      const { now, network, fleet, lastModified } = await fleetFor(c);
      const entity = fleet.flatMap(({ view: v, trip, run }) => {
        if (!network || !run || !trip) return [];
        const at = Date.parse(v.recordedAt);
        const origin = serviceDayOrigin(trip.startDate, network.timetable.timezone);
        const progress = tripProgress(network, run, origin, { lat: v.lat, lon: v.lon, at }, now);
        return [
          {
            id: `trip:${v.vehicleId}`,
            tripUpdate: {
              trip: tripDescriptor(network, run, trip.startDate),
              vehicle: {
                id: v.vehicleId,
                ...(v.plate === null ? {} : { label: v.plate, licensePlate: v.plate }),
              },
              stopTimeUpdate: progress.coming.map((s) => ({
                stopId: s.stopId,
                arrival: { time: s.predicted, delay: s.predicted - s.scheduled },
              })),
              timestamp: Math.floor(at / 1000),
              delay: progress.delay,
            },
          },
        ];
      });
      return answer(c, entity, lastModified, c.req.valid('query').format);
    },
  );

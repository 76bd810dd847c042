import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { verifyAccessToken } from '../auth/tokens';
import { documented } from '../http/api-docs';
import type { Viewer } from '../live/visibility';

const { transit_realtime: rt } = GtfsRealtimeBindings;

/**
 * GTFS-Realtime VehiclePositions for other transit tools, under the same policy as /live (live/visibility.ts):
 * buses on shift to anyone; a signed-in caller sees the vehicle of their own trip (a driver their own) exactly
 * and other motos and cars as anonymous entities whose ids last this one answer; admins see everything.
 */
export const gtfsRtRoutes = new Hono<AppEnv>().get(
  '/vehicle-positions',
  documented({
    summary: 'GTFS-Realtime VehiclePositions (protobuf)',
    description:
      'The /live policy: buses on shift to anyone; signed in, your own vehicle exactly and other motos and cars anonymously (ids per answer); everything for admins.',
    audience: 'optional',
    ok: { 200: { media: ['application/x-protobuf'] } },
  }),
  async (c) => {
    const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const claims = token ? await verifyAccessToken(token, c.var.deps.jwtSecret) : null;
    const signedIn = claims && !c.var.deps.sessions.isRevoked(claims.sessionId) ? claims : null;
    const viewer: Viewer = signedIn
      ? { role: signedIn.role, userId: signedIn.userId }
      : { role: 'anonymous' };
    const now = Math.floor(Date.now() / 1000);
    const entity = c.var.deps.live.visibleTo(viewer).map((v) => ({
      id: v.vehicleId,
      vehicle: {
        vehicle: { id: v.vehicleId, ...(v.plate === null ? {} : { label: v.plate, licensePlate: v.plate }) },
        position: {
          latitude: v.lat,
          longitude: v.lon,
          ...(v.heading == null ? {} : { bearing: v.heading }),
          ...(v.speed == null ? {} : { speed: v.speed }),
        },
        timestamp: Math.floor(Date.parse(v.recordedAt) / 1000),
      },
    }));
    const message = rt.FeedMessage.fromObject({
      header: { gtfsRealtimeVersion: '2.0', incrementality: 0, timestamp: now },
      entity,
    });
    const body = rt.FeedMessage.encode(message).finish();
    return c.body(body as unknown as ArrayBuffer, 200, {
      'Content-Type': 'application/x-protobuf',
      'Cache-Control': 'no-store',
    });
  },
);

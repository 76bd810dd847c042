import { z } from 'zod';
import { isoDateTime, latitude, longitude } from './common';
import { vehicleId } from './ids';
import { position } from './position';
import { vehicleKind } from './vehicle';

/** At most this many fixes per upload; the driver app sends its outbox in batches of this size. */
export const MAX_POSITION_BATCH = 500;

/** A fix's JSON Schema, for the API description only (validation is per item, below). */
const { $schema: _, ...fixJsonSchema } = z.toJSONSchema(position, { io: 'input' });

/**
 * Items are checked one by one (a malformed fix is rejected with a reason, not the whole batch), so the batch
 * accepts any item; the OpenAPI document still shows each item as a `position`.
 */
export const positionBatchInput = z.object({
  positions: z.array(z.unknown().meta(fixJsonSchema)).min(1).max(MAX_POSITION_BATCH),
});

export const positionRejection = z.object({ id: z.string(), reason: z.string() });
export const positionBatchResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(positionRejection),
});
export type PositionBatchResult = z.infer<typeof positionBatchResult>;

export const shiftStartInput = z.object({ vehicleId });

/**
 * A bus driver's route for the coming run: the feed's route_id and the headsign (direction) shown on the bus.
 * The server finds the scheduled trip it is running, so GTFS-Realtime consumers and riders' departure boards
 * can match the bus to the timetable.
 */
export const shiftRouteInput = z.object({
  routeId: z.string().min(1).max(200),
  headsign: z.string().max(200),
});
export type ShiftRouteInput = z.infer<typeof shiftRouteInput>;

/** The scheduled trip a bus on shift is running, as GTFS names it, with what the driver picked. */
export const shiftRunningTrip = z.object({
  routeId: z.string(),
  routeShortName: z.string(),
  headsign: z.string(),
  tripId: z.string(),
  /** Service day, YYYYMMDD. */
  startDate: z.string(),
  /** Departure from the first stop, HH:MM:SS of the service day (hours past 24 after midnight). */
  startTime: z.string(),
});
export type ShiftRunningTrip = z.infer<typeof shiftRunningTrip>;

/**
 * Ending a shift. `endedAt`: when the driver pressed "End shift", for an end the phone sent later because it was
 * offline then. The server keeps it only between the shift's start and now: it can shorten the driver's own
 * shift, never lengthen it.
 */
export const shiftEndInput = z.object({ endedAt: isoDateTime.optional() });

/**
 * The driver's "taking rides" switch during a shift, in their `driver:<id>` document (written offline too,
 * synced to their other devices). `off_duty` pauses ride offers without ending the shift; the server counts
 * it only when `changedAt` falls in the shift it would pause, so a switch left off yesterday does not pause
 * today's shift.
 */
export const rideAvailability = z.object({
  status: z.enum(['off_duty', 'available']),
  changedAt: isoDateTime,
});
export type RideAvailability = z.infer<typeof rideAvailability>;

/** Where a vehicle is, as the server tracks it (exact, with its plate): server-side, and for admins. */
export const trackedVehicle = z.object({
  vehicleId,
  kind: vehicleKind,
  plate: z.string(),
  lat: latitude,
  lon: longitude,
  recordedAt: isoDateTime,
  speed: z.number().nullable().optional(),
  heading: z.number().nullable().optional(),
  stale: z.boolean(),
});
export type TrackedVehicle = z.infer<typeof trackedVehicle>;

/**
 * A vehicle as one viewer may see it on the live map or in GTFS-Realtime (docs/architecture.md, "Who sees
 * which vehicle"). `exact`: the vehicle's id, plate and position. `coarse`: a moto or car shown anonymously —
 * `vehicleId` is a pseudonym that lasts one connection (or one feed request), no plate, the position snapped
 * to a grid of COARSE_GRID_DEGREES and the time to the minute, no speed or heading.
 */
export const liveVehicle = z.object({
  vehicleId: z.string().min(1).max(64),
  kind: vehicleKind,
  plate: z.string().nullable(),
  lat: latitude,
  lon: longitude,
  recordedAt: isoDateTime,
  speed: z.number().nullable().optional(),
  heading: z.number().nullable().optional(),
  stale: z.boolean(),
  precision: z.enum(['exact', 'coarse']),
});
export type LiveVehicle = z.infer<typeof liveVehicle>;

/** Coarse positions sit on the centres of a grid this many degrees wide: ~550 m in Kigali. */
export const COARSE_GRID_DEGREES = 0.005;

/**
 * What a /live client may send, as the server validates it; the message types themselves live in
 * @kigaligo/sync-protocol (live-messages.ts) with the rest of the wire, and the server checks this agrees.
 */
export const liveClientMessage = z.object({
  type: z.literal('subscribe'),
  bbox: z.tuple([longitude, latitude, longitude, latitude]).optional(),
});

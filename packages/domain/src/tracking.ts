import { z } from 'zod';
import { isoDateTime, latitude, longitude } from './common';
import { vehicleId } from './ids';
import { vehicleKind } from './vehicle';

/** At most this many fixes per upload; the driver app sends its outbox in batches of this size. */
export const MAX_POSITION_BATCH = 500;

/** Items are checked one by one (a malformed fix is rejected with a reason, not the whole batch). */
export const positionBatchInput = z.object({
  positions: z.array(z.unknown()).min(1).max(MAX_POSITION_BATCH),
});

export const positionRejection = z.object({ id: z.string(), reason: z.string() });
export const positionBatchResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(positionRejection),
});
export type PositionBatchResult = z.infer<typeof positionBatchResult>;

export const shiftStartInput = z.object({ vehicleId });

/** A vehicle on the live map. */
export const liveVehicle = z.object({
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
export type LiveVehicle = z.infer<typeof liveVehicle>;

/** Messages the /live channel sends (JSON text frames). */
export type LiveServerMessage =
  | { type: 'snapshot'; vehicles: LiveVehicle[] }
  | { type: 'position'; vehicle: LiveVehicle }
  | { type: 'stale'; vehicleId: string };

/** What a /live client may send: narrow to a bounding box [minLon, minLat, maxLon, maxLat], or everything. */
export const liveClientMessage = z.object({
  type: z.literal('subscribe'),
  bbox: z.tuple([longitude, latitude, longitude, latitude]).optional(),
});

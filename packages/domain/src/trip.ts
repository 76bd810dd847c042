import { z } from 'zod';
import { isoDateTime, money, place } from './common';
import { tripId, userId, vehicleId } from './ids';

export const tripKinds = ['moto', 'car', 'bus'] as const;
export const tripKind = z.enum(tripKinds);
export type TripKind = z.infer<typeof tripKind>;

export const tripStatuses = [
  'requested',
  'assigned',
  'accepted',
  'driver_arrived',
  'in_progress',
  'completed',
  'cancelled',
  'rejected',
] as const;
export const tripStatus = z.enum(tripStatuses);
export type TripStatus = z.infer<typeof tripStatus>;

/**
 * The trip state machine. The server is the authority: it applies these transitions and refuses any other.
 * A declined assignment goes back to `requested` so another vehicle can be found.
 */
const tripTransitions: Record<TripStatus, readonly TripStatus[]> = {
  requested: ['assigned', 'rejected', 'cancelled'],
  assigned: ['accepted', 'requested', 'cancelled'],
  accepted: ['driver_arrived', 'cancelled'],
  driver_arrived: ['in_progress', 'cancelled'],
  in_progress: ['completed'],
  completed: [],
  cancelled: [],
  rejected: [],
};

export function canTransitionTrip(from: TripStatus, to: TripStatus): boolean {
  return tripTransitions[from].includes(to);
}

export function isTripFinal(status: TripStatus): boolean {
  return tripTransitions[status].length === 0;
}

export const tripRequest = z.object({
  kind: tripKind,
  origin: place,
  destination: place,
  /** When the rider wants to leave; absent means now. */
  departAt: isoDateTime.optional(),
});
export type TripRequest = z.infer<typeof tripRequest>;

export const trip = z.object({
  id: tripId,
  riderId: userId,
  driverId: userId.nullable(),
  vehicleId: vehicleId.nullable(),
  kind: tripKind,
  status: tripStatus,
  origin: place,
  destination: place,
  fare: money,
  requestedAt: isoDateTime,
  departAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Trip = z.infer<typeof trip>;

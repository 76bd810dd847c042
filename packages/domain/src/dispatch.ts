import { z } from 'zod';
import { isoDateTime } from './common';
import type { TripStatus } from './trip';

/**
 * Dispatch: how a booked ride finds its driver. The server offers the trip to one vehicle at a time; each
 * offer is its own small state machine, and the trip moves with it:
 *
 *   trip requested ──offer──▶ assigned (the offer is waiting) ──accept──▶ accepted (going to pickup)
 *                                 │ decline / expiry / withdrawn
 *                                 ▼
 *                      requested again ──▶ the next offer, or `rejected` with `no_driver_found`
 *
 * `DispatchPhase` names those trip statuses as riders and drivers read them (offered, going to pickup,
 * arrived, on trip…); the database keeps the trip statuses of trip.ts.
 */
export const offerStatuses = ['offered', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export const offerStatus = z.enum(offerStatuses);
export type OfferStatus = z.infer<typeof offerStatus>;

/** An offer is answered once: accepted by its driver, declined, expired unanswered, or withdrawn (rider cancelled). */
const offerTransitions: Record<OfferStatus, readonly OfferStatus[]> = {
  offered: ['accepted', 'declined', 'expired', 'withdrawn'],
  accepted: [],
  declined: [],
  expired: [],
  withdrawn: [],
};

export function canTransitionOffer(from: OfferStatus, to: OfferStatus): boolean {
  return offerTransitions[from].includes(to);
}

/** Seconds a driver has to accept an offer before it goes to the next vehicle (`DISPATCH_ACCEPT_SECONDS`). */
export const DEFAULT_ACCEPT_SECONDS = 30;

/**
 * Offers made for one trip before the rider is told no driver was found. With the default 30 s, a rider
 * knows within two minutes; after that, a farther or busier driver is unlikely to come sooner than the rider
 * finding another way. Our figure, not a regulation.
 */
export const MAX_OFFERS_PER_TRIP = 4;

/**
 * A driver whose phone sent no position for this long is not offered rides: they may have no signal, a dead
 * battery or have put the phone away, and an offer they never see would cost the rider its whole window.
 */
export const DISPATCH_POSITION_FRESH_MS = 2 * 60 * 1000;

export interface DispatchPolicy {
  acceptSeconds: number;
  maxOffers: number;
}

export const defaultDispatchPolicy: DispatchPolicy = {
  acceptSeconds: DEFAULT_ACCEPT_SECONDS,
  maxOffers: MAX_OFFERS_PER_TRIP,
};

export function offerExpiresAt(offeredAt: Date, policy: DispatchPolicy): Date {
  return new Date(offeredAt.getTime() + policy.acceptSeconds * 1000);
}

/** At its expiry instant the offer is already over: the driver had exactly `acceptSeconds`. */
export function isOfferExpired(expiresAt: Date, now: Date): boolean {
  return now.getTime() >= expiresAt.getTime();
}

/** Whether another vehicle may still be offered the trip after `offersMade` offers. */
export function mayOfferAgain(offersMade: number, policy: DispatchPolicy): boolean {
  return offersMade < policy.maxOffers;
}

/** What the rider and the driver see of a waiting offer: its deadline and which attempt it is. */
export const offerInfo = z.object({
  expiresAt: isoDateTime,
  /** 1 for the first vehicle asked, 2 for the next… */
  attempt: z.number().int().min(1),
});
export type OfferInfo = z.infer<typeof offerInfo>;

/** Seconds left to answer, never negative (the countdown the driver and rider see). */
export function secondsLeft(expiresAt: string | Date, now: Date): number {
  const end = typeof expiresAt === 'string' ? Date.parse(expiresAt) : expiresAt.getTime();
  return Math.max(0, Math.ceil((end - now.getTime()) / 1000));
}

export const dispatchPhases = [
  'searching',
  'offered',
  'to_pickup',
  'arrived',
  'on_trip',
  'completed',
  'cancelled',
  'no_driver',
  'turned_down',
] as const;
export type DispatchPhase = (typeof dispatchPhases)[number];

/** The trip's status as riders and drivers read it. A booking nobody accepted is `no_driver`, not a refusal. */
export function dispatchPhase(status: TripStatus, rejectReason?: string | null): DispatchPhase {
  switch (status) {
    case 'requested':
      return 'searching';
    case 'assigned':
      return 'offered';
    case 'accepted':
      return 'to_pickup';
    case 'driver_arrived':
      return 'arrived';
    case 'in_progress':
      return 'on_trip';
    case 'completed':
      return 'completed';
    case 'cancelled':
      return 'cancelled';
    case 'rejected':
      return rejectReason === 'no_driver_found' || rejectReason === 'no_vehicle_available'
        ? 'no_driver'
        : 'turned_down';
  }
}

export const driverStatuses = [
  'off_duty',
  'available',
  'offer_waiting',
  'to_pickup',
  'arrived',
  'on_trip',
] as const;
export type DriverStatus = (typeof driverStatuses)[number];

/**
 * The ONE status a driver sees: from whether a shift is running and the trips addressed to them (their
 * current offer or ride). A ride in hand outranks the shift: a driver finishing a trip after ending the shift
 * is still on that trip, and an offer only reaches a driver on shift.
 */
export function driverStatus(onShift: boolean, tripStatuses: readonly TripStatus[]): DriverStatus {
  if (tripStatuses.includes('in_progress')) return 'on_trip';
  if (tripStatuses.includes('driver_arrived')) return 'arrived';
  if (tripStatuses.includes('accepted')) return 'to_pickup';
  if (tripStatuses.includes('assigned')) return 'offer_waiting';
  return onShift ? 'available' : 'off_duty';
}

import { describe, expect, it } from 'vitest';
import {
  canTransitionOffer,
  defaultDispatchPolicy,
  dispatchPhase,
  driverStatus,
  isOfferExpired,
  mayOfferAgain,
  offerExpiresAt,
  offerStatuses,
  secondsLeft,
} from './dispatch';
import { canTransitionTrip } from './trip';

describe('dispatch offers', () => {
  it('answers an offer once: accepted, declined, expired or withdrawn, then nothing more', () => {
    for (const to of ['accepted', 'declined', 'expired', 'withdrawn'] as const) {
      expect(canTransitionOffer('offered', to)).toBe(true);
      for (const again of offerStatuses) expect(canTransitionOffer(to, again)).toBe(false);
    }
    expect(canTransitionOffer('offered', 'offered')).toBe(false);
  });

  it('moves the trip back to requested when an offer ends unanswered, and on when accepted', () => {
    expect(canTransitionTrip('requested', 'assigned')).toBe(true);
    expect(canTransitionTrip('assigned', 'requested')).toBe(true);
    expect(canTransitionTrip('assigned', 'accepted')).toBe(true);
    expect(canTransitionTrip('requested', 'rejected')).toBe(true);
    expect(canTransitionTrip('accepted', 'requested')).toBe(false);
  });

  it('expires exactly acceptSeconds after the offer', () => {
    const offered = new Date('2026-12-02T08:00:00Z');
    const policy = { ...defaultDispatchPolicy, acceptSeconds: 10 };
    const expires = offerExpiresAt(offered, policy);
    expect(expires.toISOString()).toBe('2026-12-02T08:00:10.000Z');
    expect(isOfferExpired(expires, new Date('2026-12-02T08:00:09.999Z'))).toBe(false);
    expect(isOfferExpired(expires, expires)).toBe(true);
    expect(secondsLeft(expires, new Date('2026-12-02T08:00:03.500Z'))).toBe(7);
    expect(secondsLeft(expires.toISOString(), new Date('2026-12-02T08:01:00Z'))).toBe(0);
  });

  it('bounds the offers made for one trip', () => {
    const policy = { acceptSeconds: 30, maxOffers: 3 };
    expect([0, 1, 2, 3, 4].map((n) => mayOfferAgain(n, policy))).toEqual([true, true, true, false, false]);
  });
});

describe('what riders and drivers read', () => {
  it('names the trip statuses as dispatch phases', () => {
    expect(dispatchPhase('requested')).toBe('searching');
    expect(dispatchPhase('assigned')).toBe('offered');
    expect(dispatchPhase('accepted')).toBe('to_pickup');
    expect(dispatchPhase('driver_arrived')).toBe('arrived');
    expect(dispatchPhase('in_progress')).toBe('on_trip');
    expect(dispatchPhase('rejected', 'no_driver_found')).toBe('no_driver');
    expect(dispatchPhase('rejected', 'stale')).toBe('turned_down');
  });

  it('gives a driver one status, the ride in hand before the shift', () => {
    expect(driverStatus(false, [])).toBe('off_duty');
    expect(driverStatus(true, [])).toBe('available');
    expect(driverStatus(true, ['completed', 'cancelled'])).toBe('available');
    expect(driverStatus(true, ['assigned'])).toBe('offer_waiting');
    expect(driverStatus(true, ['accepted'])).toBe('to_pickup');
    expect(driverStatus(true, ['driver_arrived'])).toBe('arrived');
    expect(driverStatus(false, ['in_progress'])).toBe('on_trip');
    expect(driverStatus(true, ['assigned', 'in_progress'])).toBe('on_trip');
  });
});

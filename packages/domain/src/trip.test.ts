import { describe, expect, it } from 'vitest';
import { canTransitionTrip, isTripFinal, tripRequest, tripStatuses } from './trip';

describe('trip state machine', () => {
  it('follows the ride from request to completion', () => {
    const path = ['requested', 'assigned', 'accepted', 'driver_arrived', 'in_progress', 'completed'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransitionTrip(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('refuses impossible transitions', () => {
    expect(canTransitionTrip('requested', 'completed')).toBe(false);
    expect(canTransitionTrip('in_progress', 'cancelled')).toBe(false);
    expect(canTransitionTrip('completed', 'requested')).toBe(false);
  });

  it('has no way out of final states', () => {
    const finals = tripStatuses.filter(isTripFinal);
    expect(finals).toEqual(['completed', 'cancelled', 'rejected']);
    for (const from of finals) for (const to of tripStatuses) expect(canTransitionTrip(from, to)).toBe(false);
  });

  it('validates a trip request', () => {
    const ok = tripRequest.safeParse({
      kind: 'moto',
      origin: { lat: -1.9441, lon: 30.0619, label: 'Downtown' },
      destination: { lat: -1.9496, lon: 30.1256 },
    });
    expect(ok.success).toBe(true);
    expect(tripRequest.safeParse({ kind: 'helicopter', origin: {}, destination: {} }).success).toBe(false);
  });
});

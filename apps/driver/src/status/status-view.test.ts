import type { DriverAssignment, TripStatus } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { statusView } from './status-view';

const ride = (tripId: string, status: TripStatus, offerExpiresAt?: string) =>
  ({ tripId, status, ...(offerExpiresAt ? { offerExpiresAt } : {}) }) as DriverAssignment;

describe('statusView', () => {
  it('is off duty off shift, and off duty but paused on shift without taking rides', () => {
    expect(statusView(false, true, [])).toMatchObject({ status: 'off_duty', paused: false });
    expect(statusView(true, false, [])).toMatchObject({ status: 'off_duty', paused: true });
    expect(statusView(true, true, [])).toMatchObject({ status: 'available', paused: false });
  });
  it('shows a waiting offer with its deadline, never "off duty" above it', () => {
    const offered = ride('t1', 'assigned', '2026-12-02T10:00:30.000Z');
    expect(statusView(true, true, [offered])).toMatchObject({ status: 'offer_waiting', offer: offered });
    expect(statusView(false, true, [offered]).status).toBe('offer_waiting');
  });
  it('names the ride in hand, and is available again once it is finished', () => {
    const going = ride('t2', 'accepted');
    const done = ride('t3', 'completed');
    expect(statusView(true, true, [done, going])).toMatchObject({ status: 'to_pickup', ride: going });
    expect(statusView(true, true, [ride('t2', 'in_progress'), done]).status).toBe('on_trip');
    expect(statusView(true, true, [ride('t2', 'completed'), done])).toMatchObject({
      status: 'available',
      ride: undefined,
    });
  });
});

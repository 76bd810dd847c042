import { type DriverAssignment, type DriverStatus, driverStatus, type TripStatus } from '@kigaligo/domain';
import { isActive } from '../assignments/assignment-state';

/** The step of the ride in hand that gives the driver their status (the hint names its place and rider). */
const rideStep: Partial<Record<DriverStatus, TripStatus>> = {
  to_pickup: 'accepted',
  arrived: 'driver_arrived',
  on_trip: 'in_progress',
};

export interface StatusView {
  status: DriverStatus;
  /** On shift but not taking rides: off duty for dispatch, still on shift with the vehicle. */
  paused: boolean;
  /** The ride the status is about, once accepted. */
  ride: DriverAssignment | undefined;
  /** The offer waiting for an answer, with its deadline. */
  offer: DriverAssignment | undefined;
}

/**
 * What the status card shows, from the vehicle shift (the server's), the "taking rides" switch (synced) and
 * the rides in the driver's document: one status (domain `driverStatus`), the ride it is about, the offer.
 */
export function statusView(
  onShift: boolean,
  takingRides: boolean,
  assignments: readonly DriverAssignment[],
): StatusView {
  const current = assignments.filter(isActive);
  const status = driverStatus(
    onShift && takingRides,
    current.map((a) => a.status),
  );
  return {
    status,
    paused: onShift && !takingRides,
    ride: current.find((a) => a.status === rideStep[status]),
    offer: current.find((a) => a.status === 'assigned' && a.offerExpiresAt),
  };
}

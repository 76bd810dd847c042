import { cancellationFee } from '@kigaligo/domain';
import type { Db } from '../db/client';
import { notFound } from '../domain-error';
import { notifyUser } from '../notifications/notify-user';
import { settleCancellation } from '../payments/payment-service';
import { closeOffer, openOffer } from './dispatch-offers';
import { freeVehicle, lockTrip, moveTrip, type TripRow } from './trip-moves';

/**
 * The rider cancels (`POST /api/trips/:id/cancel` or `cancelRequestedAt` on the intent in their document).
 * Free until the driver has arrived, then the domain's cancellation fee; the payment keeps at most the fee
 * (settleCancellation) and the vehicle is free again. Cancelling a cancelled trip changes nothing, so both
 * paths cancel once; a trip that has started or ended cannot be cancelled (409 `invalid_transition`).
 */
export async function cancelTrip(tx: Db, riderId: string, tripId: string): Promise<TripRow> {
  const trip = await lockTrip(tx, tripId);
  if (trip.riderId !== riderId) throw notFound('No such trip');
  if (trip.status === 'cancelled') return trip;
  const fee = cancellationFee(trip.kind, trip.status);
  const offer = trip.status === 'assigned' ? await openOffer(tx, trip.id) : undefined;
  if (offer) await closeOffer(tx, offer.id, 'withdrawn', new Date());
  const cancelled = await moveTrip(tx, trip, 'cancelled', {
    actorId: riderId,
    actionId: `cancel:${trip.intentId}`,
    what: 'cancel',
    set: { cancellationFee: fee, cancelledBy: riderId },
  });
  await freeVehicle(tx, trip.vehicleId);
  await settleCancellation(tx, trip.id, fee, riderId);
  await notifyUser(tx, riderId, 'trip_cancelled', { fee }, `trip:${trip.id}:cancelled`, { tripId: trip.id });
  // The fee text is the rider's; the driver only needs to know the job is off.
  if (trip.driverId) {
    await notifyUser(tx, trip.driverId, 'trip_cancelled', { fee: 0 }, `trip:${trip.id}:cancelled:driver`);
  }
  return cancelled;
}

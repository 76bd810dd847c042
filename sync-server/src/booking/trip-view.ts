import { type OfferInfo, type PaymentSummary, type Place, type TripView, tripView } from '@kigaligo/domain';
import { desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { tripOffers, trips, users, vehicles } from '../db/schema';
import { paymentSummary } from '../payments/payment-service';

const driverUser = alias(users, 'driver_user');
const riderUser = alias(users, 'rider_user');

const firstName = (name: string) => name.split(' ')[0] ?? name;

/** The waiting offer of each trip and which attempt it is (offers made so far, this one included). */
async function offerInfos(db: Db, tripIds: string[]): Promise<Map<string, OfferInfo>> {
  const result = new Map<string, OfferInfo>();
  if (tripIds.length === 0) return result;
  const rows = await db
    .select({ tripId: tripOffers.tripId, status: tripOffers.status, expiresAt: tripOffers.expiresAt })
    .from(tripOffers)
    .where(inArray(tripOffers.tripId, tripIds));
  for (const id of tripIds) {
    const mine = rows.filter((r) => r.tripId === id);
    const open = mine.find((r) => r.status === 'offered');
    if (open) result.set(id, { expiresAt: open.expiresAt.toISOString(), attempt: mine.length });
  }
  return result;
}

/** Trips with their vehicle, driver, rider's first name and payment, newest first. */
export async function loadTripViews(db: Db, where: SQL | undefined, limit = 200): Promise<TripView[]> {
  const rows = await db
    .select({
      trip: trips,
      vehicle: { id: vehicles.id, plate: vehicles.plate, kind: vehicles.kind },
      driver: { id: driverUser.id, name: driverUser.name, phone: driverUser.phone },
      riderName: riderUser.name,
    })
    .from(trips)
    .innerJoin(riderUser, eq(riderUser.id, trips.riderId))
    .leftJoin(vehicles, eq(vehicles.id, trips.vehicleId))
    .leftJoin(driverUser, eq(driverUser.id, trips.driverId))
    .where(where)
    .orderBy(desc(trips.requestedAt), desc(trips.id))
    .limit(limit);
  // The payments helper decides which payment counts (the live one, else the latest attempt).
  const summaries = new Map<string, PaymentSummary | null>();
  for (const r of rows) summaries.set(r.trip.id, await paymentSummary(db, r.trip.id));
  const offers = await offerInfos(
    db,
    rows.filter((r) => r.trip.status === 'assigned').map((r) => r.trip.id),
  );
  return rows.map(({ trip: t, vehicle, driver, riderName }) =>
    tripView.parse({
      id: t.id,
      riderId: t.riderId,
      driverId: t.driverId,
      vehicleId: t.vehicleId,
      kind: t.kind,
      status: t.status,
      origin: t.origin as Place,
      destination: t.destination as Place,
      fare: { amount: t.fareAmount, currency: 'RWF' },
      requestedAt: t.requestedAt.toISOString(),
      departAt: t.departAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      intentId: t.intentId,
      paymentMethod: t.paymentMethod,
      distanceMeters: t.distanceMeters,
      etaMinutes: t.etaMinutes,
      cancellationFee: t.cancellationFee,
      rejectReason: t.rejectReason,
      offer: offers.get(t.id) ?? null,
      vehicle: vehicle?.id ? vehicle : null,
      driver: driver?.id ? driver : null,
      riderName: firstName(riderName),
      payment: summaries.get(t.id) ?? null,
    }),
  );
}

export async function loadTripView(db: Db, tripId: string): Promise<TripView | undefined> {
  const [view] = await loadTripViews(db, eq(trips.id, tripId), 1);
  return view;
}

import {
  type BookableKind,
  bookableKinds,
  type DispatchPolicy,
  type LatLon,
  mayOfferAgain,
} from '@kigaligo/domain';
import type { Db } from '../db/client';
import { type Assignment, assignNearest, type Taken } from './assign-nearest';
import { freeVehiclesNear, lockAvailable } from './find-vehicles';

export interface Wanted {
  kind: BookableKind;
  pickup: LatLon;
}

/**
 * Rounds of choose-and-lock before a pickup whose choices keep being taken by other bookings is given up:
 * each round loses only to bookings committing at that moment (another server process, a re-offer).
 */
const MAX_ROUNDS = 5;

/**
 * A vehicle for each of the bookings waiting at one moment, in their order, locked in the caller's
 * transaction (or none, when nothing free is within reach). Per kind: one read of the free vehicles around all
 * the pickups, nearest-first assignment in memory (assign-nearest.ts), then the chosen vehicles locked in one
 * statement with SKIP LOCKED (find-vehicles.ts lockAvailable). Those another booking holds or took meanwhile
 * are out of play, and the pickups that had chosen them choose again among the rest, so a few statements
 * decide a whole batch and no vehicle is given twice.
 */
export async function reserveVehicles(
  tx: Db,
  wanted: readonly Wanted[],
  now: Date,
  policy: DispatchPolicy,
): Promise<(Assignment | undefined)[]> {
  const reserved: (Assignment | undefined)[] = wanted.map(() => undefined);
  // A new trip has had no offer yet: only a policy of no offers at all says no here.
  if (!mayOfferAgain(0, policy)) return reserved;
  for (const kind of bookableKinds) {
    let pending = wanted.flatMap((w, i) => (w.kind === kind ? [i] : []));
    if (pending.length === 0) continue;
    const free = await freeVehiclesNear(
      tx,
      kind,
      pending.map((i) => wanted[i]!.pickup),
      now,
    );
    const taken: Taken = { vehicles: new Set(), drivers: new Set() };
    for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
      const choices = assignNearest(
        pending.map((i) => wanted[i]!.pickup),
        free,
        taken,
      );
      const locked = await lockAvailable(
        tx,
        choices.filter((c) => c !== undefined),
      );
      // A choice not locked stays taken: another booking has it.
      pending = pending.filter((i, k) => {
        const choice = choices[k];
        if (choice && locked.has(choice.vehicleId)) reserved[i] = choice;
        return choice !== undefined && !locked.has(choice.vehicleId);
      });
    }
  }
  return reserved;
}

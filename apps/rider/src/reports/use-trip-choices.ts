import { riderDocKeys, useRiderDoc, useYMapEntries } from '@kigaligo/client';
import { bookingDecision, bookingIntent } from '@kigaligo/domain';
import { useMemo } from 'react';

export interface TripChoice {
  tripId: string;
  vehicleId: string;
  plate: string;
  at: string;
  from: string;
  to: string;
}

type Entry = Record<string, unknown>;

/**
 * The rider's confirmed trips as report links, from their synced document (so the choice works offline):
 * the booking intents for the places, the server's decisions for the trip, its vehicle and plate.
 */
export function useTripChoices(): TripChoice[] {
  const doc = useRiderDoc();
  const intents = useYMapEntries<Entry>(doc, riderDocKeys.bookingIntents).entries;
  const decisions = useYMapEntries<Entry>(doc, riderDocKeys.bookingDecisions).entries;
  return useMemo(() => {
    const out: TripChoice[] = [];
    for (const [id, raw] of Object.entries(decisions)) {
      const decision = bookingDecision.safeParse(raw);
      if (!decision.success || decision.data.status !== 'confirmed') continue;
      const intent = bookingIntent.safeParse(intents[id]);
      const d = decision.data;
      out.push({
        tripId: d.tripId,
        vehicleId: d.vehicle.id,
        plate: d.vehicle.plate,
        at: intent.success ? (intent.data.departAt ?? intent.data.createdAt) : d.decidedAt,
        from: intent.success ? (intent.data.origin.label ?? '') : '',
        to: intent.success ? (intent.data.destination.label ?? '') : '',
      });
    }
    return out.sort((a, b) => b.at.localeCompare(a.at)).slice(0, 30);
  }, [intents, decisions]);
}

/** "rd123a", "RD 123 A" and "RD123 A" are the same plate. */
export const plateKey = (plate: string) => plate.toUpperCase().replace(/[^A-Z0-9]/g, '');

import type { Itinerary } from '@kigaligo/planner';
import { useEffect, useState } from 'react';
import type { Chosen } from './place-field';
import type { PlanQuery } from './planner-protocol';
import { networkWallTime, type When } from './time-choice';

export type Results =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; itineraries: Itinerary[] }
  | { state: 'error'; message: string };

/**
 * Earliest arrival (to the minute the rider sees) first; at the same minute the cheaper option, so a bus
 * comes before a whole-trip moto that is a few seconds faster.
 */
const byArrivalThenFare = (a: Itinerary, b: Itinerary) =>
  a.arriveAt.slice(0, 16).localeCompare(b.arriveAt.slice(0, 16)) ||
  a.fare.amount - b.fare.amount ||
  a.transfers - b.transfers;

/** Re-plans whenever the ends or the time change; a late answer to an older question is dropped. */
export function usePlanResults(
  plan: (q: PlanQuery) => Promise<Itinerary[]>,
  from: Chosen | null,
  to: Chosen | null,
  when: When,
): Results {
  const [results, setResults] = useState<Results>({ state: 'idle' });
  useEffect(() => {
    if (!from || !to) {
      setResults({ state: 'idle' });
      return;
    }
    let live = true;
    setResults({ state: 'busy' });
    const query: PlanQuery = {
      from: { lat: from.lat, lon: from.lon, name: from.label },
      to: { lat: to.lat, lon: to.lon, name: to.label },
      ...(when.mode === 'depart' ? { departAt: networkWallTime(when.at) } : {}),
      ...(when.mode === 'arrive' ? { arriveBy: networkWallTime(when.at) } : {}),
    };
    plan(query).then(
      (its) => live && setResults({ state: 'done', itineraries: [...its].sort(byArrivalThenFare) }),
      (err: unknown) => live && setResults({ state: 'error', message: String(err) }),
    );
    return () => {
      live = false;
    };
  }, [plan, from, to, when]);
  return results;
}

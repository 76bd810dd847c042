import { apiGet, useClient } from '@kigaligo/client';
import type { Departure, Leg } from '@kigaligo/planner';
import { useEffect, useState } from 'react';

/**
 * The departure of the stop's list that a plan's transit leg rides: same route, same headsign, leaving at the
 * leg's scheduled time (an itinerary names no trip, and at one stop no two runs of a route and headsign leave
 * in the same second). Only a live one is worth showing: the leg already says the schedule.
 */
export function liveDepartureOfLeg(leg: Leg, departures: Departure[]): Departure | undefined {
  const at = Date.parse(leg.departAt);
  return departures.find(
    (d) =>
      d.realtime &&
      d.route.id === leg.route?.id &&
      d.headsign === leg.route?.headsign &&
      Date.parse(d.scheduledAt) === at,
  );
}

/** The list starts a little before the leg's time: a bus running early is listed by its prediction. */
const LIST_FROM_MS = 60_000;

/**
 * The live prediction for a plan's first transit leg, when a tracked bus runs its trip: asked once when the
 * itinerary is opened (online; offline there is nothing live to show).
 */
export function useLegLiveTime(leg: Leg | undefined): Departure | undefined {
  const { api } = useClient();
  const [live, setLive] = useState<Departure | undefined>(undefined);
  const stopId = leg?.from.stopId;
  useEffect(() => {
    setLive(undefined);
    if (!leg || !stopId) return;
    let open = true;
    const from = new Date(Date.parse(leg.departAt) - LIST_FROM_MS).toISOString();
    api
      .request<{ departures: Departure[] }>(
        apiGet('/api/stops/{id}/departures', { path: { id: stopId }, query: { from, limit: 50 } }),
        { auth: false },
      )
      .then(
        (answer) => open && setLive(liveDepartureOfLeg(leg, answer.departures)),
        // Offline, or a stop of a feed the server no longer runs: the leg keeps its scheduled time.
        () => {},
      );
    return () => {
      open = false;
    };
  }, [api, leg, stopId]);
  return live;
}

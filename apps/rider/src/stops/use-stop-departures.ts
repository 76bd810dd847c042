import { ApiRequestError, apiGet, fetchNetworkBundle, useClient } from '@kigaligo/client';
import { loadBundle, type Network, type Timetable } from '@kigaligo/planner';
import { useEffect, useState } from 'react';
import { offlineDepartures, type StopDepartures } from './offline-departures';

/** How often the open screen asks again: live predictions move with each bus's fix. */
const REFRESH_MS = 30_000;
const LIMIT = 12;

let shared: Promise<Network> | null = null;
/** The offline network bundle (the planner's), loaded once per page when the server cannot answer. */
function offlineNetwork(): Promise<Network> {
  shared ??= fetchNetworkBundle('/network/kigali.bundle.json').then((text) =>
    loadBundle(JSON.parse(text) as Timetable),
  );
  shared.catch(() => {
    shared = null;
  });
  return shared;
}

export type StopDeparturesState =
  | { status: 'loading' }
  | { status: 'live' | 'offline'; answer: StopDepartures }
  | { status: 'unknown' | 'failed' };

/**
 * A stop's next departures while the screen is open, asked again every 30 s: from the server (live
 * predictions where a tracked bus runs the trip), else from the offline bundle's schedule.
 */
export function useStopDepartures(stopId: string): StopDeparturesState {
  const { api } = useClient();
  const [state, setState] = useState<StopDeparturesState>({ status: 'loading' });
  useEffect(() => {
    let open = true;
    setState({ status: 'loading' });
    const load = async () => {
      try {
        const answer = await api.request<StopDepartures>(
          apiGet('/api/stops/{id}/departures', { path: { id: stopId }, query: { limit: LIMIT } }),
          // Public, like the GTFS-Realtime feeds: no token to refresh first.
          { auth: false },
        );
        if (open) setState({ status: 'live', answer });
      } catch (err) {
        // The server knows the active feed: a stop it does not know is not there, online or not.
        if (err instanceof ApiRequestError && err.status === 404) {
          if (open) setState({ status: 'unknown' });
          return;
        }
        try {
          const answer = offlineDepartures(await offlineNetwork(), stopId, Date.now(), LIMIT);
          if (open) setState(answer ? { status: 'offline', answer } : { status: 'unknown' });
        } catch {
          if (open) setState({ status: 'failed' });
        }
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      open = false;
      clearInterval(timer);
    };
  }, [api, stopId]);
  return state;
}

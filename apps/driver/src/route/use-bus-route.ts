import {
  ApiRequestError,
  apiRequest,
  fetchNetworkBundle,
  NetworkError,
  type RouteDirection,
  routeDirections,
  useClient,
} from '@kigaligo/client';
import { shiftRunningTrip, vehicle } from '@kigaligo/domain';
import { useEffect, useState } from 'react';
import { z } from 'zod';

export type RouteError = 'no_trip' | 'offline' | 'other' | null;

const setAnswer = z.object({ trip: shiftRunningTrip });
const clearAnswer = z.object({ vehicle });

/**
 * The routes a bus can run (from the active network bundle, kept on the phone) and the calls that tell the
 * server which one this bus runs now; the server matches it to the scheduled trip (`reloadShift` shows it).
 */
export function useBusRoute(reloadShift: () => Promise<unknown>) {
  const { api } = useClient();
  const [directions, setDirections] = useState<RouteDirection[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RouteError>(null);

  useEffect(() => {
    let live = true;
    fetchNetworkBundle(`${import.meta.env.BASE_URL}network/kigali.bundle.json`)
      .then((text) => live && setDirections(routeDirections(JSON.parse(text))))
      .catch(() => live && setDirections([]));
    return () => {
      live = false;
    };
  }, []);

  /** Whether the call succeeded; a failure is kept in `error`. */
  const call = async (send: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await send();
      return true;
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'no_scheduled_trip') setError('no_trip');
      else setError(err instanceof NetworkError ? 'offline' : 'other');
      return false;
    } finally {
      await reloadShift();
      setBusy(false);
    }
  };

  return {
    directions,
    busy,
    error,
    set: (d: RouteDirection) =>
      call(() =>
        api.request(
          apiRequest('put', '/api/shifts/current/route', {
            body: { routeId: d.routeId, headsign: d.headsign },
          }),
          { schema: setAnswer },
        ),
      ),
    clear: () =>
      call(() => api.request(apiRequest('delete', '/api/shifts/current/route'), { schema: clearAnswer })),
  };
}

import {
  ApiRequestError,
  apiGet,
  apiRequest,
  NetworkError,
  useApiQuery,
  useClient,
  useOnline,
  useSession,
} from '@kigaligo/client';
import { shiftRunningTrip, type Vehicle, vehicle } from '@kigaligo/domain';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';

// `trip` is absent from answers cached before the server named a bus's scheduled trip.
const current = z.object({ vehicle: vehicle.nullable(), trip: shiftRunningTrip.nullable().default(null) });
const list = z.object({ vehicles: z.array(vehicle) });
const one = z.object({ vehicle });

export type ShiftError = 'taken' | 'offline' | 'other' | null;

const endKey = (userId: string) => `kigaligo.shiftEnd.${userId}`;

/**
 * The driver's shift on a vehicle, from the server (a shift is the server's decision: two drivers must
 * not take one vehicle). The last answers are cached on the device, so the card still shows offline.
 * Ending works offline: the time it was pressed is kept on the device and sent once the network is back
 * (the server ends the shift then, at that time), so fixes recorded until then still count for the shift.
 */
export function useVehicleShift() {
  const { api } = useClient();
  const me = useSession()?.user.id;
  const online = useOnline();
  const shift = useApiQuery('shift-current', apiGet('/api/shifts/current'), current);
  const fleet = useApiQuery('driver-vehicles', apiGet('/api/vehicles'), list);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShiftError>(null);
  const [endedAt, setEndedAt] = useState<string | null>(() =>
    me ? globalThis.localStorage?.getItem(endKey(me)) : null,
  );

  // Mine first (assigned by an admin), then any free vehicle nobody drives.
  const choices: Vehicle[] = (fleet.data?.vehicles ?? []).filter(
    (v) => v.driverId === me || (v.driverId === null && v.status === 'off_duty'),
  );
  choices.sort((a, b) => Number(b.driverId === me) - Number(a.driverId === me));

  const reload = useCallback(
    () => Promise.all([shift.reload(), fleet.reload()]),
    [shift.reload, fleet.reload],
  );

  /** Tells the server about an end pressed offline; forgotten once it answered (404: already off shift). */
  const sendQueuedEnd = useCallback(async () => {
    const at = me ? globalThis.localStorage?.getItem(endKey(me)) : null;
    if (!me || !at) return;
    try {
      await api.request(apiRequest('post', '/api/shifts/end', { body: { endedAt: at } }), { schema: one });
    } catch (err) {
      if (!(err instanceof ApiRequestError && err.status === 404)) throw err;
    }
    globalThis.localStorage?.removeItem(endKey(me));
    setEndedAt(null);
    await reload();
  }, [api, me, reload]);

  useEffect(() => {
    if (online && endedAt) sendQueuedEnd().catch(() => {});
  }, [online, endedAt, sendQueuedEnd]);

  /** Whether the call succeeded; a failure is kept in `error`. */
  const run = async (call: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await call();
      return true;
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 409) setError('taken');
      else setError(err instanceof NetworkError ? 'offline' : 'other');
      return false;
    } finally {
      await reload();
      setBusy(false);
    }
  };

  const end = async () => {
    const at = new Date().toISOString();
    setBusy(true);
    setError(null);
    try {
      await api.request(apiRequest('post', '/api/shifts/end', { body: { endedAt: at } }), { schema: one });
      await reload();
    } catch (err) {
      if (err instanceof NetworkError && me) {
        globalThis.localStorage?.setItem(endKey(me), at);
        setEndedAt(at);
      } else setError('other');
    } finally {
      setBusy(false);
    }
  };

  const onShift = shift.data?.vehicle ?? null;
  return {
    // An end pressed offline has ended the shift on this phone already.
    vehicle: onShift && onShift.status !== 'off_duty' && !endedAt ? onShift : null,
    /** The scheduled trip the bus on shift runs, as the server matched it (null for motos and cars). */
    trip: shift.data?.trip ?? null,
    /** An end pressed offline, not yet told to the server. */
    endQueued: endedAt !== null,
    reload,
    choices,
    loading: shift.loading && !shift.data,
    busy,
    error,
    start: (vehicleId: string) =>
      run(async () => {
        await sendQueuedEnd();
        await api.request(apiRequest('post', '/api/shifts', { body: { vehicleId } }), { schema: one });
      }),
    end,
  };
}

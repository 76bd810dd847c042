import { ApiRequestError, NetworkError, useApiQuery, useClient, useSession } from '@kigaligo/client';
import { type Vehicle, vehicle } from '@kigaligo/domain';
import { useState } from 'react';
import { z } from 'zod';

const current = z.object({ vehicle: vehicle.nullable() });
const list = z.object({ vehicles: z.array(vehicle) });
const one = z.object({ vehicle });

export type ShiftError = 'taken' | 'offline' | 'other' | null;

/**
 * The driver's shift on a vehicle, from the server (a shift is the server's decision: two drivers must
 * not take one vehicle). The last answers are cached on the device, so the card still shows offline.
 */
export function useVehicleShift() {
  const { api } = useClient();
  const me = useSession()?.user.id;
  const shift = useApiQuery('shift-current', '/api/shifts/current', current);
  const fleet = useApiQuery('driver-vehicles', '/api/vehicles', list);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShiftError>(null);

  // Mine first (assigned by an admin), then any free vehicle nobody drives.
  const choices: Vehicle[] = (fleet.data?.vehicles ?? []).filter(
    (v) => v.driverId === me || (v.driverId === null && v.status === 'off_duty'),
  );
  choices.sort((a, b) => Number(b.driverId === me) - Number(a.driverId === me));

  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 409) setError('taken');
      else setError(err instanceof NetworkError ? 'offline' : 'other');
    } finally {
      await Promise.all([shift.reload(), fleet.reload()]);
      setBusy(false);
    }
  };

  const onShift = shift.data?.vehicle ?? null;
  return {
    vehicle: onShift && onShift.status !== 'off_duty' ? onShift : null,
    choices,
    loading: shift.loading && !shift.data,
    busy,
    error,
    start: (vehicleId: string) =>
      run(() => api.request('/api/shifts', { method: 'POST', body: { vehicleId }, schema: one })),
    end: () => run(() => api.request('/api/shifts/end', { method: 'POST', body: {}, schema: one })),
  };
}

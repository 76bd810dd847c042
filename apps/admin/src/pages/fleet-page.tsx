import { apiGet, useApiQuery, useLiveVehicles } from '@kigaligo/client';
import { vehicle } from '@kigaligo/domain';
import { Button, LiveMap, useLiveText, VehicleDetails, type VehicleSelection } from '@kigaligo/ui';
import { useState } from 'react';
import { z } from 'zod';
import { useAdminI18n } from '../messages';
import { FleetTable } from './fleet-table';

const fleetResponse = z.object({ vehicles: z.array(vehicle) });

/** The whole fleet: every registered vehicle, live on the map, with how stale each position is. */
export function FleetPage() {
  const { t } = useAdminI18n();
  const live = useLiveText();
  const fleet = useApiQuery('admin-fleet', apiGet('/api/vehicles'), fleetResponse);
  const { state, vehicles } = useLiveVehicles();
  const [selection, setSelection] = useState<VehicleSelection | null>(null);
  const positions = new Map(vehicles.map((v) => [v.vehicleId, v]));
  const stale = vehicles.filter((v) => v.stale).length;
  const current = selection && positions.get(selection.vehicle.vehicleId);

  return (
    <>
      <div className="kg-admin-heading">
        <div>
          <h1>{t('fleet.title')}</h1>
          <p className="kg-muted">{t('fleet.subtitle')}</p>
        </div>
        <Button variant="secondary" busy={fleet.loading} onClick={() => void fleet.reload()}>
          {t('fleet.refresh')}
        </Button>
      </div>
      <p className="kg-muted kg-fleet-summary" data-testid="live-state" data-state={state}>
        {t(`fleet.live.${state}`)} ·{' '}
        {t('fleet.count', {
          live: vehicles.length - stale,
          stale,
          total: fleet.data?.vehicles.length ?? vehicles.length,
        })}
      </p>
      <LiveMap
        base={import.meta.env.BASE_URL}
        vehicles={vehicles}
        label={live.t('live.map')}
        unavailable={live.t('live.unavailable')}
        selectedId={selection?.vehicle.vehicleId ?? null}
        onSelect={setSelection}
      />
      {selection ? (
        <VehicleDetails
          selection={{ ...selection, vehicle: current ?? selection.vehicle }}
          onClose={() => setSelection(null)}
        />
      ) : null}
      <FleetTable vehicles={fleet.data?.vehicles ?? []} positions={positions} />
    </>
  );
}

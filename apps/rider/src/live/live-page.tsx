import { type BBox, useLiveVehicles } from '@kigaligo/client';
import { AppHeader, LiveMap, useLiveText, VehicleDetails, type VehicleSelection } from '@kigaligo/ui';
import { useState } from 'react';
import { useRiderLiveText } from './live-text';
import { NearbyList } from './nearby-list';
import './live.css';

/**
 * Vehicles moving near the rider. The feed is narrowed to the map's view (after each pan or zoom), so a
 * rider's phone receives only what it can show.
 */
export function LivePage() {
  const t = useRiderLiveText();
  const map = useLiveText();
  const [view, setView] = useState<BBox | null>(null);
  const { state, vehicles } = useLiveVehicles(view);
  const [selection, setSelection] = useState<VehicleSelection | null>(null);
  const current = selection && vehicles.find((v) => v.vehicleId === selection.vehicle.vehicleId);

  return (
    <>
      <AppHeader />
      <main className="kg-page kg-live-page">
        <div className="kg-live-top">
          <a href="#/" className="kg-live-back">
            ← {t('back')}
          </a>
          <span className="kg-live-state" data-testid="live-state" data-state={state}>
            {t(state)}
          </span>
        </div>
        <div>
          <h1 className="kg-hero-title">{t('title')}</h1>
          <p className="kg-hero-text">{t('subtitle')}</p>
        </div>
        <LiveMap
          base={import.meta.env.BASE_URL}
          vehicles={vehicles}
          label={map.t('live.map')}
          unavailable={map.t('live.unavailable')}
          selectedId={selection?.vehicle.vehicleId ?? null}
          onSelect={setSelection}
          onViewChange={setView}
        />
        {selection ? (
          <VehicleDetails
            selection={{ ...selection, vehicle: current ?? selection.vehicle }}
            onClose={() => setSelection(null)}
          />
        ) : null}
        <NearbyList vehicles={vehicles} />
      </main>
    </>
  );
}

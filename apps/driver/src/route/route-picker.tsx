import type { ShiftRunningTrip } from '@kigaligo/domain';
import { Alert, Button } from '@kigaligo/ui';
import { useState } from 'react';
import { useDriverI18n } from '../messages';
import { useBusRoute } from './use-bus-route';

interface Props {
  trip: ShiftRunningTrip | null;
  reloadShift(): Promise<unknown>;
}

/** "06:00:00" → "06:00"; a trip after midnight ("25:10:00") is shown on the clock ("01:10"). */
export const departureClock = (startTime: string) => {
  const [h = '0', m = '00'] = startTime.split(':');
  return `${String(Number(h) % 24).padStart(2, '0')}:${m}`;
};

/**
 * A bus on shift: which route and direction it runs. The server matches it to today's scheduled trip, so
 * riders' departure boards and GTFS-Realtime consumers see the bus on that trip. Shown only for buses.
 */
export function RoutePicker({ trip, reloadShift }: Props) {
  const { t } = useDriverI18n();
  const route = useBusRoute(reloadShift);
  const [changing, setChanging] = useState(false);
  const [picked, setPicked] = useState('');
  const options = route.directions ?? [];
  const keyOf = (d: (typeof options)[number]) => `${d.routeId}\u0000${d.headsign}`;
  const chosen = options.find((d) => keyOf(d) === picked) ?? options[0];

  const error = route.error ? <Alert>{t(`route.error.${route.error}`)}</Alert> : null;
  if (trip && !changing)
    return (
      <div className="kg-route" data-testid="bus-route" data-trip-id={trip.tripId}>
        <p className="kg-route-running">
          {t('route.running', {
            line: trip.routeShortName,
            headsign: trip.headsign,
            time: departureClock(trip.startTime),
          })}
        </p>
        {error}
        <div className="kg-route-actions">
          <Button variant="secondary" onClick={() => setChanging(true)}>
            {t('route.change')}
          </Button>
          <Button variant="secondary" busy={route.busy} onClick={() => void route.clear()}>
            {t('route.off')}
          </Button>
        </div>
      </div>
    );
  return (
    <div className="kg-route" data-testid="bus-route">
      <div className="kg-field">
        <label className="kg-field-label" htmlFor="kg-route-pick">
          {t('route.pick')}
        </label>
        {route.directions === null ? (
          <p className="kg-muted">{t('route.loading')}</p>
        ) : (
          <select
            id="kg-route-pick"
            className="kg-input"
            value={chosen ? keyOf(chosen) : ''}
            onChange={(e) => setPicked(e.target.value)}
          >
            {options.map((d) => (
              <option key={keyOf(d)} value={keyOf(d)}>
                {d.line} → {d.headsign}
              </option>
            ))}
          </select>
        )}
      </div>
      <p className="kg-muted kg-small">{t('route.hint')}</p>
      {error}
      <Button
        block
        busy={route.busy}
        disabled={!chosen}
        onClick={async () => {
          if (chosen && (await route.set(chosen))) setChanging(false);
        }}
      >
        {t('route.set')}
      </Button>
    </div>
  );
}

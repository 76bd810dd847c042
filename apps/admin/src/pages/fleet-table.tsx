import type { LiveVehicle, Vehicle } from '@kigaligo/domain';
import { kigaliClock, useLiveText } from '@kigaligo/ui';
import { useAdminI18n } from '../messages';

interface Props {
  vehicles: Vehicle[];
  positions: ReadonlyMap<string, LiveVehicle>;
}

/** Registered vehicles joined with the live feed: live, stale (silent for 2 min) or never seen. */
export function FleetTable({ vehicles, positions }: Props) {
  const { t, lang } = useAdminI18n();
  const text = useLiveText();
  if (vehicles.length === 0) return <p className="kg-table-empty">{t('fleet.none')}</p>;
  return (
    <div className="kg-table-wrap kg-fleet-table">
      <table className="kg-table">
        <thead>
          <tr>
            <th scope="col">{t('fleet.col.plate')}</th>
            <th scope="col">{t('fleet.col.kind')}</th>
            <th scope="col">{t('fleet.col.operator')}</th>
            <th scope="col">{t('fleet.col.status')}</th>
            <th scope="col">{t('fleet.col.signal')}</th>
            <th scope="col">{t('fleet.col.seen')}</th>
          </tr>
        </thead>
        <tbody>
          {vehicles.map((v) => {
            const live = positions.get(v.id);
            const signal = live ? (live.stale ? 'stale' : 'live') : 'none';
            return (
              <tr key={v.id} data-testid="fleet-row" data-plate={v.plate} data-signal={signal}>
                <th scope="row" className="kg-nowrap">
                  {v.plate}
                </th>
                <td>{text.t(`live.kind.${v.kind}`)}</td>
                <td>{v.operator}</td>
                <td>{t(`fleet.status.${v.status}`)}</td>
                <td>
                  {/* No position is normal for a parked vehicle; only a silent one on the road is a warning. */}
                  <span
                    className={
                      signal === 'none'
                        ? 'kg-muted'
                        : signal === 'live'
                          ? 'kg-status-active'
                          : 'kg-status-down'
                    }
                  >
                    {t(`fleet.signal.${signal}`)}
                  </span>
                </td>
                <td className="kg-nowrap">{live ? kigaliClock(live.recordedAt, lang) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

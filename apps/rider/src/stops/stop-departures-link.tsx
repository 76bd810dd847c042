import { useRiderI18n } from '../messages';
import { stopHref } from './stop-route';

/** From a plan's transit leg: the boarding stop's departures (live times of the buses serving it). */
export function StopDeparturesLink({ stopId, name }: { stopId: string; name: string }) {
  const { t } = useRiderI18n();
  return (
    <a className="kg-leg-stop-link" href={stopHref(stopId)}>
      {t('stop.open', { stop: name })}
    </a>
  );
}

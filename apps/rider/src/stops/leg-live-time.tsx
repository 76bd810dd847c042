import type { Leg } from '@kigaligo/planner';
import { useRiderI18n } from '../messages';
import { clock } from '../plan/format';
import { useLegLiveTime } from './use-leg-live-time';

/** Under a plan's first transit leg: the live time of the bus that runs it, when one is tracked. */
export function LegLiveTime({ leg }: { leg: Leg }) {
  const { t } = useRiderI18n();
  const live = useLegLiveTime(leg);
  if (!live) return null;
  return (
    <span className="kg-leg-detail kg-leg-live" data-testid="leg-live">
      <span className="kg-departure-live">{t('stop.live')}</span>{' '}
      {t('stop.legLive', { time: clock(live.expectedAt) })}
    </span>
  );
}

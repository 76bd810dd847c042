import { zonedWallTime } from '@kigaligo/planner';
import { usePlanI18n } from './use-plan-i18n';

export type When = { mode: 'now' } | { mode: 'depart' | 'arrive'; at: string };

/**
 * "2026-11-24T08:30" from a datetime-local input is wall-clock time in the network's zone: it is passed on
 * without an offset and the planner reads it in the feed's agency_timezone (daylight saving included).
 */
export const networkWallTime = (local: string) => `${local.slice(0, 16)}:00`;

/** Now in the network's zone as a datetime-local value, whatever the phone's time zone. */
export const networkNow = (timeZone: string) => zonedWallTime(Date.now(), timeZone);

/** Leave now / depart at / arrive by, as a segmented control and a time. */
export function TimeChoice({
  value,
  onChange,
  timeZone,
}: {
  value: When;
  onChange(next: When): void;
  /** The network's zone (from the loaded feed). */
  timeZone: string;
}) {
  const { t } = usePlanI18n();
  const modes = [
    ['now', t('plan.leaveNow')],
    ['depart', t('plan.departAt')],
    ['arrive', t('plan.arriveBy')],
  ] as const;
  return (
    <div className="kg-when">
      <fieldset className="kg-segments" aria-label={t('plan.timing')}>
        {modes.map(([mode, text]) => (
          <button
            key={mode}
            type="button"
            aria-pressed={value.mode === mode}
            className="kg-segment"
            onClick={() =>
              onChange(
                mode === 'now'
                  ? { mode }
                  : { mode, at: value.mode === 'now' ? networkNow(timeZone) : value.at },
              )
            }
          >
            {text}
          </button>
        ))}
      </fieldset>
      {value.mode !== 'now' ? (
        <input
          type="datetime-local"
          className="kg-input kg-when-input"
          aria-label={t('plan.when')}
          value={value.at}
          onChange={(e) => e.target.value && onChange({ mode: value.mode, at: e.target.value })}
        />
      ) : null}
    </div>
  );
}

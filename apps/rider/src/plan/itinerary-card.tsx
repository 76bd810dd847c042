import { type Itinerary, isTransitMode, type Leg } from '@kigaligo/planner';
import { BookLegLinks } from '../booking/book-leg-links';
import { LegLiveTime } from '../stops/leg-live-time';
import { StopDeparturesLink } from '../stops/stop-departures-link';
import { clock, distance, duration, formatRwf, stopName, transfers } from './format';
import { LegIcon } from './leg-icons';
import { routeChipStyle } from './route-colors';
import { usePlanI18n } from './use-plan-i18n';

function Chip({ leg }: { leg: Leg }) {
  if (isTransitMode(leg.mode) && leg.route) {
    return (
      <span className="kg-chip kg-chip--transit" style={routeChipStyle(leg.route.color)}>
        <LegIcon mode={leg.mode} />
        {leg.route.shortName}
      </span>
    );
  }
  return (
    <span className={`kg-chip kg-chip--${leg.mode}`}>
      <LegIcon mode={leg.mode} />
      {leg.mode === 'walk' ? distance(leg.distanceMeters) : 'Moto'}
    </span>
  );
}

function LegRow({ leg, first }: { leg: Leg; first: boolean }) {
  const { t } = usePlanI18n();
  const d = distance(leg.distanceMeters);
  let title: string;
  let detail: string | null = null;
  if (isTransitMode(leg.mode)) {
    title = t('plan.leg.transit', {
      mode: t(`mode.${leg.mode}`),
      route: leg.route?.shortName ?? '',
      headsign: stopName(leg.route?.headsign ?? leg.to.name),
    });
    detail = t('plan.leg.busStops', {
      from: stopName(leg.from.name),
      to: stopName(leg.to.name),
      count: Math.max(1, (leg.stops?.length ?? 2) - 1),
    });
  } else {
    title = t(leg.mode === 'walk' ? 'plan.leg.walk' : 'plan.leg.moto', {
      distance: d,
      place: stopName(leg.to.name),
    });
  }
  return (
    <li className={`kg-leg kg-leg--${isTransitMode(leg.mode) ? 'transit' : leg.mode}`} data-mode={leg.mode}>
      <span className="kg-leg-time">{clock(leg.departAt)}</span>
      <span className="kg-leg-icon">
        <LegIcon mode={leg.mode} />
      </span>
      <span className="kg-leg-body">
        <span className="kg-leg-title">{title}</span>
        {detail ? <span className="kg-leg-detail">{detail}</span> : null}
        <span className="kg-leg-detail">
          {duration(t, leg.departAt, leg.arriveAt)}
          {leg.fare !== undefined ? ` · ${formatRwf(leg.fare)}` : ''}
        </span>
        {leg.approximate ? <span className="kg-leg-detail">{t('plan.leg.approximate')}</span> : null}
        {leg.mode === 'moto' ? <BookLegLinks leg={leg} /> : null}
        {first ? <LegLiveTime leg={leg} /> : null}
        {isTransitMode(leg.mode) && leg.from.stopId ? (
          <StopDeparturesLink stopId={leg.from.stopId} name={stopName(leg.from.name)} />
        ) : null}
      </span>
    </li>
  );
}

/** One option: times, duration, changes, walking and fare; its legs when selected. */
export function ItineraryCard({
  it,
  selected,
  onSelect,
}: {
  it: Itinerary;
  selected: boolean;
  onSelect(): void;
}) {
  const { t } = usePlanI18n();
  return (
    <li className={`kg-itin${selected ? ' kg-itin--selected' : ''}`} data-testid="itinerary">
      <button type="button" className="kg-itin-summary" aria-expanded={selected} onClick={onSelect}>
        <span className="kg-itin-top">
          <span className="kg-itin-times">
            {clock(it.departAt)} – {clock(it.arriveAt)}
          </span>
          <span className="kg-itin-fare">{formatRwf(it.fare)}</span>
        </span>
        <span className="kg-itin-chips">
          {it.legs.map((leg, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: legs have no id and never reorder
            <Chip key={i} leg={leg} />
          ))}
        </span>
        <span className="kg-itin-meta">
          {[
            duration(t, it.departAt, it.arriveAt),
            transfers(t, it.transfers),
            it.walkMeters > 0 ? t('plan.walkTotal', { distance: distance(it.walkMeters) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </button>
      {selected ? (
        <ol className="kg-legs">
          {it.legs.map((leg, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: legs have no id and never reorder
            <LegRow key={i} leg={leg} first={i === it.legs.findIndex((l) => isTransitMode(l.mode))} />
          ))}
          <li className="kg-leg kg-leg--end">
            <span className="kg-leg-time">{clock(it.arriveAt)}</span>
            <span className="kg-leg-icon kg-leg-icon--end" />
            <span className="kg-leg-body">
              <span className="kg-leg-title">{stopName(it.legs.at(-1)?.to.name ?? '')}</span>
            </span>
          </li>
        </ol>
      ) : null}
    </li>
  );
}

import type { Departure } from '@kigaligo/planner';
import { AppHeader } from '@kigaligo/ui';
import { useEffect, useState } from 'react';
import { useRiderI18n } from '../messages';
import { clock, stopName } from '../plan/format';
import { LegIcon } from '../plan/leg-icons';
import { routeChipStyle } from '../plan/route-colors';
import { minutesUntil } from './offline-departures';
import { useStopDepartures } from './use-stop-departures';
import '../plan/itinerary.css';
import './stop.css';

/** The minute now, ticking so "in N min" counts down between refreshes. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function DepartureRow({ d, now }: { d: Departure; now: number }) {
  const { t } = useRiderI18n();
  const mins = minutesUntil(d.expectedAt, now);
  const style = routeChipStyle(d.route.color, d.route.textColor);
  return (
    <li className="kg-departure" data-testid="departure" data-realtime={d.realtime}>
      <span className="kg-chip kg-chip--transit" style={style}>
        <LegIcon mode={d.route.mode} />
        <span className="kg-visually-hidden">{t(`mode.${d.route.mode}`)} </span>
        {d.route.shortName}
      </span>
      <span className="kg-departure-body">
        <span className="kg-departure-headsign">{t('stop.towards', { headsign: stopName(d.headsign) })}</span>
        <span className="kg-departure-detail">
          {d.realtime ? (
            <span className="kg-departure-live">{t('stop.live')}</span>
          ) : (
            <span className="kg-departure-scheduled">{t('stop.scheduled')}</span>
          )}
          {d.realtime && d.expectedAt !== d.scheduledAt
            ? ` · ${t('stop.scheduledWas', { time: clock(d.scheduledAt) })}`
            : ''}
        </span>
      </span>
      <span className="kg-departure-when">
        <span className="kg-departure-in">{mins === 0 ? t('stop.now') : t('stop.inMin', { n: mins })}</span>
        <time className="kg-departure-clock" dateTime={d.expectedAt}>
          {clock(d.expectedAt)}
        </time>
      </span>
    </li>
  );
}

/** A stop's next departures: live where a tracked bus runs the trip, the schedule offline (and said so). */
export function StopPage({ stopId }: { stopId: string }) {
  const { t } = useRiderI18n();
  const state = useStopDepartures(stopId);
  const now = useNow();
  const answer = state.status === 'live' || state.status === 'offline' ? state.answer : null;
  return (
    <>
      <AppHeader />
      <main className="kg-page kg-stop-page" data-testid="stop-page" data-state={state.status}>
        <button type="button" className="kg-stop-back" onClick={() => history.back()}>
          ← {t('stop.back')}
        </button>
        <h1 className="kg-hero-title">{answer ? stopName(answer.stop.name) : t('stop.title')}</h1>
        <div aria-live="polite">
          {state.status === 'loading' ? <p className="kg-hero-text">{t('stop.loading')}</p> : null}
          {state.status === 'unknown' ? <p role="alert">{t('stop.unknown')}</p> : null}
          {state.status === 'failed' ? <p role="alert">{t('stop.failed')}</p> : null}
          {state.status === 'offline' ? (
            <p className="kg-stop-offline" data-testid="stop-offline">
              {t('stop.offline')}
            </p>
          ) : null}
        </div>
        {answer ? (
          answer.departures.length === 0 ? (
            <p className="kg-hero-text">{t('stop.none')}</p>
          ) : (
            <section aria-labelledby="kg-stop-list">
              <h2 id="kg-stop-list" className="kg-stop-list-title">
                {t('stop.list')}
              </h2>
              <ol className="kg-departures">
                {answer.departures.map((d) => (
                  <DepartureRow key={`${d.tripId}/${d.startDate}/${d.startTime}`} d={d} now={now} />
                ))}
              </ol>
            </section>
          )
        ) : null}
      </main>
    </>
  );
}

import '../plan/plan.css';
import '../plan/itinerary.css';
import { nearestStops } from '@kigaligo/places';
import type { Itinerary } from '@kigaligo/planner';
import { AppHeader, Button, Card } from '@kigaligo/ui';
import { useMemo, useState } from 'react';
import { ItineraryCard } from '../plan/itinerary-card';
import { LocateButton } from '../plan/locate-button';
import type { MapLabel } from '../plan/map-labels';
import { type Chosen, PlaceField } from '../plan/place-field';
import { RouteMap } from '../plan/route-map';
import { SavedRoutesCard } from '../plan/saved-routes-card';
import { TimeChoice, type When } from '../plan/time-choice';
import { usePlaces } from '../plan/use-places';
import { usePlanI18n } from '../plan/use-plan-i18n';
import { usePlanResults } from '../plan/use-plan-results';
import { usePlanner } from '../plan/use-planner';
import { useSavedRoutes } from '../plan/use-saved-routes';

const itineraryKey = (it: Itinerary) =>
  `${it.departAt}|${it.arriveAt}|${it.legs.map((l) => l.route?.shortName ?? l.mode).join('-')}`;

/** Trip planning, fully offline: places, the planner (in a worker) and the map all come from shipped data. */
export function PlanPage({ onBack }: { onBack(): void }) {
  const { t } = usePlanI18n();
  const index = usePlaces();
  const { plan, shapes, failed, timeZone } = usePlanner();
  const saved = useSavedRoutes();
  const [from, setFrom] = useState<Chosen | null>(null);
  const [to, setTo] = useState<Chosen | null>(null);
  const [when, setWhen] = useState<When>({ mode: 'now' });
  const [selected, setSelected] = useState(0);
  const [savedKey, setSavedKey] = useState<string | null>(null);
  /** A rejected saved route being edited: removed once its replacement is saved, so nothing is lost meanwhile. */
  const [replacing, setReplacing] = useState<string | null>(null);
  const results = usePlanResults(plan, from, to, when);
  const its = results.state === 'done' ? results.itineraries : [];
  const chosen = its[Math.min(selected, its.length - 1)] ?? null;
  const key = from && to ? `${from.lat},${from.lon}>${to.lat},${to.lon}` : null;

  const labels = useMemo<MapLabel[]>(() => {
    const out: MapLabel[] = [];
    for (const { place } of index?.places ?? []) {
      // Nyabugogo sits 1.4 km west of Downtown: its label goes to the left so the two never overlap.
      const anchor = place.id === 'station-nyabugogo' ? ('right' as const) : undefined;
      if (place.kind === 'station')
        out.push({
          text: place.name.replace(/ Bus (Park|Terminal)$/, ''),
          ...place,
          kind: 'station',
          anchor,
        });
      if (place.kind === 'neighbourhood') out.push({ text: place.name, ...place, kind: 'sector' });
    }
    // Shown as A and B; named in full for screen readers.
    if (from) out.push({ ...from, text: `${t('plan.from')}: ${from.label}`, kind: 'from' });
    if (to) out.push({ ...to, text: `${t('plan.to')}: ${to.label}`, kind: 'to' });
    return out;
  }, [index, from, to, t]);

  const change = (set: (c: Chosen | null) => void) => (c: Chosen | null) => {
    set(c);
    setSelected(0);
  };
  const saveRoute = () => {
    if (!from || !to || !key) return;
    saved.save({
      name: `${from.label} → ${to.label}`.slice(0, 80),
      origin: { lat: from.lat, lon: from.lon, label: from.label },
      destination: { lat: to.lat, lon: to.lon, label: to.label },
    });
    if (replacing) saved.remove(replacing);
    setReplacing(null);
    setSavedKey(key);
  };
  const near = (c: Chosen) => (index ? nearestStops(index, c, 1)[0]?.name : undefined);

  return (
    <>
      <AppHeader />
      <main className="kg-page kg-plan">
        <div className="kg-plan-head">
          <button type="button" className="kg-back" onClick={onBack}>
            ← {t('plan.back')}
          </button>
          <h1 className="kg-hero-title">{t('plan.title')}</h1>
        </div>
        <Card className="kg-plan-form">
          <PlaceField
            label={t('plan.from')}
            placeholder={t('plan.fromPlaceholder')}
            value={from}
            onChange={change(setFrom)}
            index={index}
            action={
              <LocateButton onLocated={(c) => change(setFrom)({ ...c, label: t('plan.myLocation') })} />
            }
          />
          {from && from.label === t('plan.myLocation') && near(from) ? (
            <p className="kg-field-hint">{t('plan.near', { place: near(from) ?? '' })}</p>
          ) : null}
          <PlaceField
            label={t('plan.to')}
            placeholder={t('plan.toPlaceholder')}
            value={to}
            onChange={change(setTo)}
            index={index}
            action={
              <button
                type="button"
                className="kg-icon-button"
                aria-label={t('plan.swap')}
                disabled={!from && !to}
                onClick={() => {
                  setFrom(to);
                  setTo(from);
                }}
              >
                ⇅
              </button>
            }
          />
          <TimeChoice value={when} onChange={setWhen} timeZone={timeZone} />
        </Card>
        <RouteMap shapes={shapes} itinerary={chosen} labels={labels} label={t('plan.map')} />
        <section className="kg-results" aria-live="polite" aria-busy={results.state === 'busy'}>
          {failed ? <p className="kg-notice kg-notice--error">{t('plan.loadFailed')}</p> : null}
          {results.state === 'idle' && !failed ? <p className="kg-muted">{t('plan.pick')}</p> : null}
          {results.state === 'busy' ? (
            <p className="kg-muted">{shapes ? t('plan.searching') : t('plan.loading')}</p>
          ) : null}
          {results.state === 'error' || (results.state === 'done' && its.length === 0) ? (
            <p className="kg-notice">{t('plan.none')}</p>
          ) : null}
          {its.length > 0 ? (
            <>
              <div className="kg-results-head">
                <h2 className="kg-card-title">{t('plan.results')}</h2>
                <Button variant="secondary" onClick={saveRoute} disabled={savedKey === key || !saved.ready}>
                  {savedKey === key ? t('plan.saved') : t('plan.save')}
                </Button>
              </div>
              <ol className="kg-itins">
                {its.map((it, i) => (
                  <ItineraryCard
                    key={itineraryKey(it)}
                    it={it}
                    selected={it === chosen}
                    onSelect={() => setSelected(i)}
                  />
                ))}
              </ol>
            </>
          ) : null}
        </section>
        <SavedRoutesCard
          routes={saved.routes}
          notSent={saved.notSent}
          onDelete={saved.remove}
          onUse={(f, tt) => {
            setFrom(f);
            setTo(tt);
            setSelected(0);
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }}
          onEdit={(n) => {
            setFrom(n.from);
            setTo(n.to);
            setSelected(0);
            setSavedKey(null);
            setReplacing(n.key);
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }}
        />
      </main>
    </>
  );
}

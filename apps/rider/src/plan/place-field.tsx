import { type PlacesIndex, searchPlaces } from '@kigaligo/places';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { StopDeparturesLink } from '../stops/stop-departures-link';
import { usePlanI18n } from './use-plan-i18n';

/** A place the rider picked: what the planner needs, and the name to show and save. */
export interface Chosen {
  label: string;
  lat: number;
  lon: number;
}

/** A search box over the shipped places: suggestions as the rider types, typos forgiven, works offline. */
export function PlaceField({
  label,
  placeholder,
  value,
  onChange,
  index,
  action,
}: {
  label: string;
  placeholder: string;
  value: Chosen | null;
  onChange(next: Chosen | null): void;
  index: PlacesIndex | null;
  action?: ReactNode;
}) {
  const { t } = usePlanI18n();
  const id = useId();
  const [query, setQuery] = useState<string | null>(null);
  // A bus stop or station picked from the suggestions: its departures are a tap away.
  const [pickedStop, setPickedStop] = useState<{ id: string; name: string } | null>(null);
  const text = query ?? value?.label ?? '';
  const hits = useMemo(
    () => (index && query && query.trim().length >= 2 ? searchPlaces(index, query, { limit: 6 }) : []),
    [index, query],
  );
  const open = query !== null && query.trim().length >= 2;

  return (
    <div className="kg-place">
      <label htmlFor={id} className="kg-field-label">
        {label}
      </label>
      <div className="kg-place-row">
        <input
          id={id}
          className="kg-input"
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          onChange={(e) => {
            setQuery(e.target.value);
            setPickedStop(null);
            if (value) onChange(null);
          }}
          onFocus={(e) => e.target.select()}
        />
        {action}
      </div>
      {value && pickedStop && !open ? (
        <StopDeparturesLink stopId={pickedStop.id} name={pickedStop.name} />
      ) : null}
      {open ? (
        <div id={`${id}-list`} role="listbox" aria-label={label} className="kg-place-list">
          {hits.length === 0 ? (
            <p className="kg-place-none">{t('plan.noMatch', { query: query.trim() })}</p>
          ) : (
            hits.map((h) => (
              <button
                key={h.id}
                type="button"
                role="option"
                aria-selected="false"
                className="kg-place-option"
                onClick={() => {
                  onChange({ label: h.name, lat: h.lat, lon: h.lon });
                  setPickedStop(h.stopIds?.[0] ? { id: h.stopIds[0], name: h.name } : null);
                  setQuery(null);
                }}
              >
                <span className="kg-place-name">{h.name}</span>
                <span className={`kg-place-kind kg-place-kind--${h.kind}`}>{t(`kind.${h.kind}`)}</span>
              </button>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}

import { useLiveVehicles } from '@kigaligo/client';
import { plate as plateSchema } from '@kigaligo/domain';
import { useId, useMemo } from 'react';
import { kigaliDateTime } from './format';
import { useReportI18n } from './report-messages';
import { plateKey, type TripChoice, useTripChoices } from './use-trip-choices';

export interface LinkValue {
  tripId?: string | undefined;
  vehicleId?: string | undefined;
  /** The plate as typed, kept with the draft; added to the description on sending if no vehicle matched. */
  vehiclePlate?: string | undefined;
}

/**
 * The trip or vehicle a report is about: one of the rider's trips (from their synced document, offline too)
 * or a plate. A plate is matched against the rider's trips and the vehicles on the live map; the report links
 * the vehicle by id when it matches.
 */
export function LinkFields({
  value,
  plateText,
  onPlateText,
  onChange,
}: {
  value: LinkValue;
  plateText: string;
  onPlateText(text: string): void;
  onChange(next: LinkValue): void;
}) {
  const { t, lang } = useReportI18n();
  const tripId = useId();
  const plateId = useId();
  const trips = useTripChoices();
  const { vehicles } = useLiveVehicles();
  const known = useMemo(() => {
    const out = new Map<string, { id: string; plate: string }>();
    // Only vehicles shown with their plate can be matched (anonymous ones carry a pseudonym, not an id).
    for (const v of vehicles)
      if (v.plate !== null) out.set(plateKey(v.plate), { id: v.vehicleId, plate: v.plate });
    for (const trip of trips) out.set(plateKey(trip.plate), { id: trip.vehicleId, plate: trip.plate });
    return out;
  }, [vehicles, trips]);
  const chosenTrip = trips.find((tr) => tr.tripId === value.tripId);

  const setPlate = (text: string) => {
    onPlateText(text);
    const trimmed = text.trim();
    if (!trimmed) return onChange({ tripId: value.tripId, vehicleId: chosenTrip?.vehicleId });
    const match = known.get(plateKey(trimmed));
    onChange({ tripId: value.tripId, vehicleId: match?.id, vehiclePlate: trimmed });
  };
  const setTrip = (id: string) => {
    const trip = trips.find((tr) => tr.tripId === id);
    if (trip) onPlateText(trip.plate);
    onChange(trip ? { tripId: trip.tripId, vehicleId: trip.vehicleId, vehiclePlate: trip.plate } : {});
    if (!trip) onPlateText('');
  };

  const typed = plateText.trim();
  const matched = typed ? known.get(plateKey(typed)) : undefined;
  const valid = !typed || plateSchema.safeParse(typed).success;
  return (
    <>
      {trips.length ? (
        <div className="kg-field">
          <label htmlFor={tripId} className="kg-field-label">
            {t('form.trip')} <span className="kg-field-optional">({t('auth.optional')})</span>
          </label>
          <select
            id={tripId}
            className="kg-input"
            value={value.tripId ?? ''}
            onChange={(e) => setTrip(e.target.value)}
          >
            <option value="">{t('form.noTrip')}</option>
            {trips.map((trip: TripChoice) => (
              <option key={trip.tripId} value={trip.tripId}>
                {t('form.tripOption', {
                  date: kigaliDateTime(trip.at, lang),
                  from: trip.from || t('form.tripPlace'),
                  to: `${trip.to || t('form.tripPlace')} · ${trip.plate}`,
                })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className={`kg-field${valid ? '' : ' kg-field--invalid'}`}>
        <label htmlFor={plateId} className="kg-field-label">
          {t('form.plate')} <span className="kg-field-optional">({t('auth.optional')})</span>
        </label>
        <input
          id={plateId}
          className="kg-input"
          value={plateText}
          autoCapitalize="characters"
          autoComplete="off"
          placeholder="RD 123 A"
          onChange={(e) => setPlate(e.target.value)}
        />
        <p className={valid ? 'kg-field-hint' : 'kg-field-error'} data-testid="plate-hint">
          {!typed
            ? t('form.plateHint')
            : !valid
              ? t('form.plateInvalid')
              : matched
                ? t('form.plateMatched', { plate: matched.plate })
                : t('form.plateUnknown')}
        </p>
      </div>
    </>
  );
}

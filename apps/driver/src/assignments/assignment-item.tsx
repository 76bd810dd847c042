import type { DriverActionInput, DriverAssignment, DriverTripAction } from '@kigaligo/domain';
import { Alert, Button, formatRwf, NotSent } from '@kigaligo/ui';
import { useState } from 'react';
import { useDriverI18n } from '../messages';
import {
  actionsFor,
  type FinishedStatus,
  isActive,
  needsCashConfirmation,
  type TripActionState,
} from './assignment-state';
import { geoUrl, mapsUrl, navigationTarget, telUrl } from './trip-links';
import { TripMapSlot } from './trip-map-slot';

interface Props {
  assignment: DriverAssignment;
  /** The vehicle of the driver's shift, drawn on the ride's map. */
  vehicleId: string | null;
  state: TripActionState;
  /** Changes of the driver document not yet stored on the server (the action may be among them). */
  unsent: boolean;
  onAct(action: DriverTripAction, cashCollected?: boolean): void;
  /** Sends a rejected action again (SS12). */
  onResend(action: DriverActionInput): void;
  /** Drops a rejected action (by id). */
  onDiscard(actionId: string): void;
}

function time(iso: string, lang: string) {
  return new Intl.DateTimeFormat(lang === 'rw' ? 'rw-RW' : 'en-GB', {
    timeStyle: 'short',
    timeZone: 'Africa/Kigali',
  }).format(new Date(iso));
}

/** One assigned trip: who, where from and to, what it pays, and the next step of the trip. */
export function AssignmentItem({
  assignment: a,
  vehicleId,
  state,
  unsent,
  onAct,
  onResend,
  onDiscard,
}: Props) {
  const { t, lang } = useDriverI18n();
  const [cash, setCash] = useState(false);
  const fare = formatRwf(a.fare);
  const actions = actionsFor(a.status);
  const busy = state.pending !== null;
  const cashNeeded = needsCashConfirmation(a);
  const target = navigationTarget(a);
  const call = telUrl(a.riderPhone);
  return (
    <li
      className={`kg-ride${isActive(a) ? ' kg-ride--active' : ''}`}
      data-testid="assignment"
      data-trip={a.tripId}
      data-status={a.status}
    >
      <div className="kg-ride-head">
        {/* A ride in hand is named by the driver's status above (its step and countdown), once. */}
        {isActive(a) ? null : (
          <strong className="kg-ride-status">{t(`rides.status.${a.status as FinishedStatus}`)}</strong>
        )}
        <span className="kg-muted kg-small">
          {t(`rides.kind.${a.kind}`)} · {t('rides.assignedAt', { time: time(a.assignedAt, lang) })}
        </span>
      </div>
      <dl className="kg-details kg-ride-details">
        <div>
          <dt>{t('rides.rider')}</dt>
          <dd data-testid="assignment-rider">{a.riderName}</dd>
        </div>
        <div>
          <dt>{t('rides.fare')}</dt>
          <dd data-testid="assignment-fare">{fare}</dd>
        </div>
        <div>
          <dt>{t('rides.pickup')}</dt>
          <dd>{a.origin.label ?? `${a.origin.lat.toFixed(4)}, ${a.origin.lon.toFixed(4)}`}</dd>
        </div>
        <div>
          <dt>{t('rides.destination')}</dt>
          <dd>{a.destination.label ?? `${a.destination.lat.toFixed(4)}, ${a.destination.lon.toFixed(4)}`}</dd>
        </div>
        <div className="kg-ride-wide">
          <dt>{t('rides.payment')}</dt>
          <dd>{t(`rides.pay.${a.paymentMethod}`)}</dd>
        </div>
      </dl>
      {target ? <TripMapSlot assignment={a} vehicleId={vehicleId} /> : null}
      {target || call ? (
        <div className="kg-ride-links">
          {target ? (
            <>
              <a className="kg-button kg-button--secondary" href={geoUrl(target)} data-testid="navigate">
                {t('rides.navigate')}
              </a>
              <a className="kg-ride-maplink" href={mapsUrl(target)} target="_blank" rel="noreferrer">
                {t('rides.navigateMaps')}
              </a>
            </>
          ) : null}
          {call ? (
            <a className="kg-button kg-button--secondary" href={call} data-testid="call-rider">
              {t('rides.call')}
            </a>
          ) : null}
        </div>
      ) : null}
      {cashNeeded ? (
        <label className="kg-ride-cash">
          <input type="checkbox" checked={cash} onChange={(e) => setCash(e.target.checked)} disabled={busy} />
          {t('rides.cashReceived', { fare })}
        </label>
      ) : null}
      {busy ? (
        <p className="kg-ride-pending" data-testid="assignment-pending">
          {unsent ? t('rides.waitingToSend') : t('rides.sent')}
        </p>
      ) : null}
      {state.rejected ? (
        <NotSent
          rejection={state.rejected.rejection}
          editLabel="resend"
          onEdit={() => onResend(state.rejected!.action)}
          onDiscard={() => onDiscard(state.rejected!.action.id)}
        />
      ) : null}
      {state.refused ? (
        <Alert>{t('rides.refused', { message: state.refused.message || state.refused.code })}</Alert>
      ) : null}
      {actions.length ? (
        <div className={`kg-ride-actions kg-ride-actions--${actions.length}`}>
          {actions.map((action) => (
            <Button
              key={action}
              variant={action === 'decline' ? 'secondary' : 'primary'}
              disabled={busy || (action === 'complete' && cashNeeded && !cash)}
              onClick={() => onAct(action, action === 'complete' && cashNeeded ? true : undefined)}
            >
              {t(`rides.action.${action}`)}
            </Button>
          ))}
        </div>
      ) : null}
    </li>
  );
}

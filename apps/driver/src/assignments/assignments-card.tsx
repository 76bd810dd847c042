import { Card, DocumentNotSent } from '@kigaligo/ui';
import { useDriverI18n } from '../messages';
import { AssignmentItem } from './assignment-item';
import { actionState, orderAssignments } from './assignment-state';
import type { useAssignments } from './use-assignments';

/** Rides KigaliGo assigned to this driver, with the next step of each; every step works offline. */
export function AssignmentsCard({
  rides,
  vehicleId,
}: {
  rides: ReturnType<typeof useAssignments>;
  /** The vehicle of the driver's shift, for the ride's map. */
  vehicleId: string | null;
}) {
  const { t } = useDriverI18n();
  const { assignments, actions, results, rejections, act, resend, discard, pending, ready } = rides;
  const shown = orderAssignments(assignments);
  return (
    <Card title={t('rides.title')}>
      <DocumentNotSent rejection={rides.documentRejection} />
      {shown.length === 0 ? (
        ready ? (
          <p className="kg-muted">{t('rides.none')}</p>
        ) : null
      ) : (
        <ul className="kg-rides" data-testid="assignments">
          {shown.map((a) => (
            <AssignmentItem
              key={a.tripId}
              assignment={a}
              vehicleId={vehicleId}
              state={actionState(a.tripId, actions, results, rejections)}
              unsent={pending > 0}
              onAct={(action, cash) => act(a.tripId, action, cash)}
              onResend={resend}
              onDiscard={discard}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

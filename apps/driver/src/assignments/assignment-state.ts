import type {
  DriverActionInput,
  DriverActionResult,
  DriverAssignment,
  DriverTripAction,
  ReconcileRejection,
  TripStatus,
} from '@kigaligo/domain';

/** What the driver can do next at each step of the trip state machine (the server enforces it again). */
const nextActions: Partial<Record<TripStatus, DriverTripAction[]>> = {
  assigned: ['accept', 'decline'],
  accepted: ['arrive'],
  driver_arrived: ['start'],
  in_progress: ['complete'],
};

export function actionsFor(status: TripStatus): DriverTripAction[] {
  return nextActions[status] ?? [];
}

const active = ['assigned', 'accepted', 'driver_arrived', 'in_progress'] as const satisfies TripStatus[];
/** A trip no longer in the driver's hands: completed, cancelled, handed back or never booked. */
export type FinishedStatus = Exclude<TripStatus, (typeof active)[number]>;
export const isActive = (a: Pick<DriverAssignment, 'status'>) =>
  (active as readonly TripStatus[]).includes(a.status);

export interface TripActionState {
  /** The driver's latest action on this trip that the server has not answered yet. */
  pending: DriverActionInput | null;
  /** The server refused the latest answered action: its reason, until the driver acts again. */
  refused: { code: string; message: string } | null;
  /**
   * The server could not take the latest action at all (SS12): the action, kept until the driver sends it
   * again or discards it, and the rejection whose code the app translates.
   */
  rejected: { action: DriverActionInput; rejection: ReconcileRejection } | null;
}

/** Reads one trip's actions and the server's answers (both from the driver's document). */
export function actionState(
  tripId: string,
  actions: readonly DriverActionInput[],
  results: Readonly<Record<string, DriverActionResult>>,
  /** Rejections by action id. */
  rejections: Readonly<Record<string, ReconcileRejection>> = {},
): TripActionState {
  const mine = actions.filter((a) => a.tripId === tripId).sort((a, b) => a.at.localeCompare(b.at));
  const latest = mine.at(-1);
  if (!latest) return { pending: null, refused: null, rejected: null };
  const rejection = rejections[latest.id];
  if (rejection) return { pending: null, refused: null, rejected: { action: latest, rejection } };
  const answer = results[latest.id];
  if (!answer) return { pending: latest, refused: null, rejected: null };
  return {
    pending: null,
    refused: answer.ok ? null : (answer.error ?? { code: 'refused', message: '' }),
    rejected: null,
  };
}

/** Live trips first (newest assignment first), then the last few finished ones. */
export function orderAssignments(list: readonly DriverAssignment[], recentFinished = 3): DriverAssignment[] {
  const byNewest = [...list].sort((a, b) => b.assignedAt.localeCompare(a.assignedAt));
  return [...byNewest.filter(isActive), ...byNewest.filter((a) => !isActive(a)).slice(0, recentFinished)];
}

/** Completing a cash trip needs the driver to confirm the cash first; other trips complete directly. */
export function needsCashConfirmation(a: Pick<DriverAssignment, 'status' | 'paymentMethod'>): boolean {
  return a.status === 'in_progress' && a.paymentMethod === 'cash';
}

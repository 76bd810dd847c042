/** What users are told, and when. Each kind has one short push text and one email; `vars` fill the blanks. */
export const notificationKinds = [
  'trip_assigned',
  'driver_arriving',
  'trip_completed',
  'trip_cancelled',
  'no_driver_found',
  'payment_failed',
  'refund_issued',
  'report_reply',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

type Vars = Record<string, string | number>;

const templates: Record<NotificationKind, (v: Vars) => { title: string; body: string }> = {
  trip_assigned: (v) => ({
    title: 'Your ride is confirmed',
    body: `${v.driver} is coming on ${v.plate}, about ${v.eta} min away. Fare ${v.fare} RWF.`,
  }),
  driver_arriving: (v) => ({
    title: 'Your driver is here',
    body: `${v.driver} has arrived at the pickup with ${v.plate}.`,
  }),
  trip_completed: (v) => ({
    title: 'Trip completed',
    body: `Thank you for riding with KigaliGo. Fare ${v.fare} RWF (${v.method}).`,
  }),
  trip_cancelled: (v) => ({
    title: 'Trip cancelled',
    body:
      v.fee && Number(v.fee) > 0
        ? `Your trip was cancelled. Cancellation fee ${v.fee} RWF.`
        : 'Your trip was cancelled.',
  }),
  no_driver_found: () => ({
    title: 'No driver found',
    body: 'No driver accepted your ride in time. Nothing was charged. Open the app to try again.',
  }),
  payment_failed: (v) => ({
    title: 'Payment failed',
    body: `We could not collect ${v.amount} RWF for your trip (${v.reason}). Open the app to pay another way.`,
  }),
  refund_issued: (v) => ({
    title: 'Refund issued',
    body: `${v.amount} RWF is on its way back to you (${v.method}). Reason: ${v.reason}`,
  }),
  report_reply: () => ({
    title: 'Reply to your safety report',
    body: 'The KigaliGo safety team replied to your report. Open the app to read it.',
  }),
};

export function renderNotification(kind: NotificationKind, vars: Vars, recipientName: string) {
  const { title, body } = templates[kind](vars);
  return {
    push: { title, body },
    email: {
      subject: `KigaliGo: ${title}`,
      text: `Muraho ${recipientName},\n\n${body}\n\nKigaliGo\n(You can turn these emails off in the app's settings.)`,
    },
  };
}

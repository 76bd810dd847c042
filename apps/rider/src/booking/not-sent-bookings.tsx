import { NotSent } from '@kigaligo/ui';
import { useBookingI18n } from './booking-messages';
import { bookHref } from './booking-route';
import type { NotSentBooking } from './use-bookings';

/** Bookings the server rejected: what the rider wrote, "Not sent: <reason>", edit and send again, or discard. */
export function NotSentBookings({
  items,
  onDiscard,
}: {
  items: NotSentBooking[];
  onDiscard: (key: string) => void;
}) {
  const { t } = useBookingI18n();
  if (items.length === 0) return null;
  return (
    <ul className="kg-trip-list" data-testid="not-sent-bookings">
      {items.map((n) => (
        <li key={n.key} className="kg-not-sent-item" data-testid="not-sent-booking">
          <span className="kg-trip-item-route">
            {n.prefill.from?.label ?? t('book.pickup')} → {n.prefill.to?.label ?? t('book.destination')}
          </span>
          <NotSent
            rejection={n.rejection}
            onEdit={() => {
              location.hash = bookHref({ ...n.prefill, replaces: n.key });
            }}
            onDiscard={() => onDiscard(n.key)}
          />
        </li>
      ))}
    </ul>
  );
}

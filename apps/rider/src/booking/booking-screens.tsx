import { BookPage } from './book-page';
import type { BookingRoute } from './booking-route';
import { TripPage } from './trip-page';
import { TripsPage } from './trips-page';

/** The booking screens, loaded on first use like the planner (the form pulls in the place search). */
export function BookingScreens({ route }: { route: BookingRoute }) {
  if (route.screen === 'book') return <BookPage prefill={route.prefill} />;
  if (route.screen === 'trip') return <TripPage id={route.id} />;
  return <TripsPage />;
}

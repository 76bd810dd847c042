// Headways for frequencies.txt. Sources (KIGALI.md): peaks 06:00–09:00 and 17:00–20:00; central routes every
// 10 min at peak, outer routes every 20–45 min (Ecofleet timetables, newtimes.co.rw, Jan 2026); the
// Downtown–Nyanza pilot ran 10 min peak / 15 min off-peak (Jan 2025); daily span 05:00–22:00 (Kabuga–Nyabugogo
// pilot). Which route is "central" is not published: the rule below is ours and is stated in the README.

/** The hubs where the 2013 zones meet the CBD; a route joining two of them is a central route. */
const HUBS = ['Downtown', 'Nyabugogo', 'Remera', 'Kimironko', 'Kacyiru', 'Nyanza'];
const H = 3600;

/**
 * central: both ends are hubs. thin: the Nov 2024 feed gives it fewer than 20 trips a day (e.g. 208
 * Nyanza–Gahanga, 6 a day) against 148 for most routes. outer: everything else.
 */
export function headwayClass(longName, novTripsPerDay) {
  if (novTripsPerDay > 0 && novTripsPerDay < 20) return 'thin';
  const ends = longName.split('–').map((s) => s.trim());
  const isHub = (end) => HUBS.some((h) => end.startsWith(h));
  return ends.length === 2 && ends.every(isHub) ? 'central' : 'outer';
}

const HEADWAY = {
  // [peak, off-peak] in seconds
  central: [600, 900],
  outer: [1200, 1800],
  thin: [2700, 2700],
};

/** Windows `{start, end, headway}` (seconds after midnight) for a service id and route class. */
export function serviceWindows(serviceId, cls) {
  const [peak, off] = HEADWAY[cls];
  if (serviceId === 'WD') {
    return [
      { start: 5 * H, end: 6 * H, headway: off },
      { start: 6 * H, end: 9 * H, headway: peak },
      { start: 9 * H, end: 17 * H, headway: off },
      { start: 17 * H, end: 20 * H, headway: peak },
      { start: 20 * H, end: 22 * H, headway: off },
    ];
  }
  // Weekends and holidays: no commuter peak assumed, off-peak headway all day. On Umuganda Saturdays buses
  // are assumed to resume at 12:00, after the community-work morning.
  return [{ start: (serviceId === 'UMUGANDA' ? 12 : 5) * H, end: 22 * H, headway: off }];
}

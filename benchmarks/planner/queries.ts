import {
  type LatLon,
  type Network,
  type PlanRequest,
  type RaptorQuery,
  seededRandom,
  toServiceTime,
  walkLinks,
} from '@kigaligo/planner';

/**
 * Deterministic trip requests like a rider's: origin and destination near random stops (within ~500 m),
 * leaving at a random minute between `hours[0]` and `hours[1]` (Kigali time) on `date` (YYYY-MM-DD).
 */
export function planRequests(
  net: Network,
  count: number,
  seed: number,
  date: string,
  hours: [number, number],
): PlanRequest[] {
  const rand = seededRandom(seed);
  const near = (): LatLon => {
    const s = Math.floor(rand() * net.stopCount);
    return { lat: net.lat[s]! + (rand() - 0.5) * 0.01, lon: net.lon[s]! + (rand() - 0.5) * 0.01 };
  };
  return Array.from({ length: count }, () => {
    const minute = Math.floor((hours[0] + rand() * (hours[1] - hours[0])) * 60);
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    return { from: near(), to: near(), departAt: `${date}T${hh}:${mm}:00+02:00` };
  });
}

/** The RAPTOR query planTrip makes for the walking case (1 km walks, 5 rides): what the oracle also answers. */
export function raptorQuery(net: Network, req: PlanRequest): RaptorQuery {
  const at = toServiceTime(req.departAt!, net.timetable.timezone);
  return {
    date: at.date,
    departSecs: at.secs,
    access: [...walkLinks(net, req.from, 1000).values()],
    egress: [...walkLinks(net, req.to, 1000).values()],
    maxRides: 5,
  };
}

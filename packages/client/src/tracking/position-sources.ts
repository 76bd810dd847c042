import type { NewFix } from './position-outbox';
import { type LatLon, loopRoute, nearestAlong, pointAlong, SIMULATED_SPEED } from './simulated-route';

export type Stop = () => void;

/**
 * The phone's GPS at most once per `intervalMs`: watchPosition reports as often as the chip likes (up to
 * several times a second), and a fix a second for hours is more than the server or the battery need.
 */
export function watchGps(
  intervalMs: number,
  onFix: (fix: NewFix) => void,
  onError: (error: GeolocationPositionError) => void,
): Stop {
  let last = 0;
  const id = navigator.geolocation.watchPosition(
    ({ coords, timestamp }) => {
      if (timestamp - last < intervalMs) return;
      last = timestamp;
      onFix({
        lat: coords.latitude,
        lon: coords.longitude,
        recordedAt: new Date(timestamp).toISOString(),
        accuracy: Math.min(coords.accuracy, 10_000),
        ...(coords.speed !== null && coords.speed >= 0 ? { speed: Math.min(coords.speed, 100) } : {}),
        ...(coords.heading !== null && !Number.isNaN(coords.heading) ? { heading: coords.heading } : {}),
      });
    },
    onError,
    { enableHighAccuracy: true, maximumAge: 0, timeout: 60_000 },
  );
  return () => navigator.geolocation.clearWatch(id);
}

/**
 * A vehicle driving along `stops` and back at `speed` m/s, one fix per `intervalMs`, starting at the route
 * point nearest to `resumeAt` (the last recorded fix) so a restarted demo does not teleport — the server
 * rejects jumps faster than 50 m/s.
 */
export function simulateDrive(
  stops: LatLon[],
  intervalMs: number,
  onFix: (fix: NewFix) => void,
  resumeAt: LatLon | null = null,
  speed = SIMULATED_SPEED,
): Stop {
  const route = loopRoute(stops);
  let metres = resumeAt ? nearestAlong(route, resumeAt) : 0;
  let lastTick = Date.now();
  const tick = () => {
    const now = Date.now();
    metres += (speed * (now - lastTick)) / 1000;
    lastTick = now;
    const p = pointAlong(route, metres);
    onFix({
      lat: p.lat,
      lon: p.lon,
      recordedAt: new Date(now).toISOString(),
      accuracy: 5,
      speed,
      heading: Math.round(p.heading) % 360,
    });
  };
  tick();
  const id = setInterval(tick, intervalMs);
  return () => clearInterval(id);
}

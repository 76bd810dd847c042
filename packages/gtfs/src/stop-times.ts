import type { Lined, RawStopTime } from './parse-tables';
import type { FeedIssue, StopTime } from './types';

const FILE = 'stop_times.txt';

/**
 * Groups stop_times by trip in stop_sequence order, fills times missing on non-timepoint stops by linear
 * interpolation (by distance when the feed gives shape_dist_traveled, else evenly), and checks that each trip
 * has ≥ 2 stops, unique sequences, timed first and last stops, and times that never go backwards.
 */
export function buildStopTimes(raw: Lined<RawStopTime>[], issues: FeedIssue[]): Map<string, StopTime[]> {
  const byTrip = new Map<string, Lined<RawStopTime>[]>();
  for (const st of raw) {
    const list = byTrip.get(st.v.tripId);
    if (list) list.push(st);
    else byTrip.set(st.v.tripId, [st]);
  }
  const out = new Map<string, StopTime[]>();
  for (const [tripId, list] of byTrip) {
    list.sort((a, b) => a.v.sequence - b.v.sequence);
    const fail = (line: number, message: string) => issues.push({ file: FILE, line, message });
    let ok = true;
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.v.sequence === list[i - 1]!.v.sequence) {
        fail(list[i]!.line, `trip ${tripId} repeats stop_sequence ${list[i]!.v.sequence}`);
        ok = false;
      }
    }
    if (list.length < 2) {
      fail(list[0]!.line, `trip ${tripId} has fewer than two stop_times`);
      continue;
    }
    const first = list[0]!;
    const last = list.at(-1)!;
    if (first.v.arrival === undefined) fail(first.line, `first stop of trip ${tripId} has no time`);
    if (last.v.arrival === undefined) fail(last.line, `last stop of trip ${tripId} has no time`);
    if (!ok || first.v.arrival === undefined || last.v.arrival === undefined) continue;
    const times = interpolate(list.map((l) => l.v));
    let prev = -1;
    for (let i = 0; i < list.length; i++) {
      const t = times[i]!;
      if (t.arrival < prev) {
        fail(list[i]!.line, `trip ${tripId} goes back in time at stop_sequence ${list[i]!.v.sequence}`);
        ok = false;
        break;
      }
      prev = t.departure;
    }
    if (ok) out.set(tripId, times);
  }
  return out;
}

function interpolate(list: RawStopTime[]): StopTime[] {
  const out: StopTime[] = [];
  let lastTimed = 0;
  for (let i = 0; i < list.length; i++) {
    const st = list[i]!;
    if (st.arrival !== undefined) {
      out.push({ ...st, arrival: st.arrival, departure: st.departure ?? st.arrival });
      lastTimed = i;
      continue;
    }
    // Find the next timed stop (the last one always is) and place this one between the two.
    let next = i + 1;
    while (list[next]!.arrival === undefined) next++;
    const a = list[lastTimed]!;
    const b = list[next]!;
    const dA = a.distTraveled;
    const dB = b.distTraveled;
    const useDist = dA !== undefined && dB !== undefined && st.distTraveled !== undefined && dB > dA;
    const frac = useDist ? (st.distTraveled! - dA) / (dB - dA) : (i - lastTimed) / (next - lastTimed);
    const t = Math.round(a.departure! + frac * (b.arrival! - a.departure!));
    out.push({ ...st, arrival: t, departure: t });
  }
  return out;
}

import { seededRandom } from '../seeded-random';
import type { Timetable } from '../timetable';

/**
 * A synthetic city for scale tests: a side × side grid of stops ~spacing metres apart around Kigali, crossed
 * by `lines` bus lines that wander across the grid (both directions), with random run times, headways and
 * two services (weekdays, weekends) so calendars matter. Some trips overtake others on purpose, to exercise
 * the FIFO split of patterns.
 */
export function generatedTimetable(opts: {
  side: number;
  lines: number;
  seed: number;
  spacing?: number;
}): Timetable {
  const { side, lines, seed } = opts;
  const rand = seededRandom(seed);
  const deg = (opts.spacing ?? 250) / 111_320;
  const stops: Timetable['stops'] = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      // Jitter so footpath lengths vary.
      stops.push({
        id: `g${r}-${c}`,
        name: `Stop ${r}-${c}`,
        lat: -1.85 - r * deg + (rand() - 0.5) * deg * 0.3,
        lon: 29.95 + c * deg + (rand() - 0.5) * deg * 0.3,
      });
    }
  }
  const tt: Timetable = {
    version: 2,
    timezone: 'Africa/Kigali',
    stops,
    routes: [],
    services: [
      { id: 'WD', days: 0b0011111, start: '20260101', end: '20271231', added: [], removed: ['20261225'] },
      { id: 'WE', days: 0b1100000, start: '20260101', end: '20271231', added: ['20261225'], removed: [] },
    ],
    templates: [],
    departures: [],
    departureTrips: [],
    frequencies: [],
    frequencyTrips: [],
    transfers: [],
  };
  for (let l = 0; l < lines; l++) {
    let r = Math.floor(rand() * side);
    let c = Math.floor(rand() * side);
    const len = 20 + Math.floor(rand() * 40);
    const path: number[] = [];
    // Move mostly in one heading, so lines are long and rarely loop back on themselves.
    const dr = rand() < 0.5 ? 1 : -1;
    const dc = rand() < 0.5 ? 1 : -1;
    for (let i = 0; i < len; i++) {
      const idx = r * side + c;
      if (!path.includes(idx)) path.push(idx);
      if (rand() < 0.5) r = Math.min(side - 1, Math.max(0, r + dr));
      else c = Math.min(side - 1, Math.max(0, c + dc));
    }
    if (path.length < 2) continue;
    tt.routes.push({ id: `L${l}`, shortName: `${l}`, longName: `Line ${l}`, type: 3 });
    for (const seq of [path, [...path].reverse()]) {
      const arr = [0];
      const dep = [0];
      for (let i = 1; i < seq.length; i++) {
        arr.push(dep[i - 1]! + 40 + Math.floor(rand() * 80));
        dep.push(arr[i]! + (rand() < 0.2 ? 30 : 0));
      }
      const ti =
        tt.templates.push({
          route: l,
          headsign: `to ${seq.at(-1)}`,
          stops: seq,
          arr,
          dep,
          dist: seq.map((_, i) => i * 250),
        }) - 1;
      tt.frequencies.push([ti, 0, 6 * 3600, 10 * 3600, 600 + Math.floor(rand() * 4) * 300]);
      tt.frequencies.push([ti, 1, 7 * 3600, 10 * 3600, 1200 + Math.floor(rand() * 3) * 600]);
      tt.frequencyTrips.push(`L${l}-${ti}-WD`, `L${l}-${ti}-WE`);
      // A faster express run of the same stops, leaving a little after a regular one: it overtakes.
      const fast =
        tt.templates.push({
          route: l,
          headsign: `to ${seq.at(-1)}`,
          stops: seq,
          arr: arr.map((x) => Math.floor(x * 0.6)),
          dep: dep.map((x) => Math.floor(x * 0.6)),
          dist: seq.map((_, i) => i * 250),
        }) - 1;
      tt.departures.push([fast, 0, 7 * 3600 + 120 + Math.floor(rand() * 600)]);
      tt.departureTrips.push(`L${l}-${fast}-express`);
    }
  }
  // A few stops where changing takes longer, one where it is impossible, and a long explicit transfer.
  for (let i = 0; i < 50; i++)
    tt.transfers.push([Math.floor(rand() * stops.length), Math.floor(rand() * stops.length), 300]);
  const s = Math.floor(rand() * stops.length);
  tt.transfers.push([s, s, 600], [s + 1, s + 1, -1]);
  return tt;
}

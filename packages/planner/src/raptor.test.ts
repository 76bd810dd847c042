import { join } from 'node:path';
import { readFeed } from '@kigaligo/gtfs/node';
import { describe, expect, it } from 'vitest';
import type { LatLon } from './geo';
import { buildNetwork, type Network } from './network';
import { walkLinks } from './plan';
import { INF, type RaptorQuery, raptor } from './raptor';
import { seededRandom } from './seeded-random';
import { generatedTimetable } from './testing/generated-network';
import { Oracle, paretoByRides } from './testing/oracle';
import { timetableFromFeed } from './timetable';

const kigali = buildNetwork(
  timetableFromFeed(readFeed(join(import.meta.dirname, '../../../public/network/kigali-gtfs'))),
);

/** Random queries: points near random stops (so most have access), random dates incl. holidays, any hour. */
function randomQueries(
  net: Network,
  count: number,
  seed: number,
  dates: string[],
  hours: [number, number],
): RaptorQuery[] {
  const rand = seededRandom(seed);
  const near = (): LatLon => {
    const s = Math.floor(rand() * net.stopCount);
    return { lat: net.lat[s]! + (rand() - 0.5) * 0.01, lon: net.lon[s]! + (rand() - 0.5) * 0.01 };
  };
  const links = (p: LatLon) => [...walkLinks(net, p, 1000).values()];
  return Array.from({ length: count }, () => ({
    date: dates[Math.floor(rand() * dates.length)]!,
    departSecs: Math.floor((hours[0] + rand() * (hours[1] - hours[0])) * 3600),
    access: links(near()),
    egress: links(near()),
    maxRides: 30,
  }));
}

function compareWithOracle(net: Network, queries: RaptorQuery[]): { found: number } {
  const oracle = new Oracle(net);
  let found = 0;
  for (const q of queries) {
    const res = raptor(net, q);
    const got = Math.min(INF, ...res.arrivals.map((a) => a.arrival));
    const want = oracle.earliestArrival(q, got < INF ? got + 1 : INF);
    if (got !== want)
      throw new Error(
        `query ${JSON.stringify({ ...q, access: q.access.length })}: raptor ${got}, oracle ${want}`,
      );
    if (got < INF) found++;
    // The Pareto set over (arrival, rides): more rides only when strictly earlier.
    for (let i = 1; i < res.arrivals.length; i++) {
      expect(res.arrivals[i]!.rides).toBeGreaterThan(res.arrivals[i - 1]!.rides);
      expect(res.arrivals[i]!.arrival).toBeLessThan(res.arrivals[i - 1]!.arrival);
    }
  }
  return { found };
}

describe('RAPTOR rounds give the Pareto set over (arrival, rides)', () => {
  it('on 200 random Kigali queries, each RAPTOR arrival is the best with at most that many rides', () => {
    const oracle = new Oracle(kigali);
    const dates = ['20261124', '20261122'];
    let multi = 0;
    for (const q of randomQueries(kigali, 200, 3, dates, [5, 21]).map((x) => ({ ...x, maxRides: 4 }))) {
      const res = raptor(kigali, q);
      if (res.arrivals.length === 0) continue;
      const best = paretoByRides(oracle, q, 4, res.arrivals[0]!.arrival + 1);
      // The Pareto points are exactly the ride counts at which the best arrival improves.
      const expected: { rides: number; arrival: number }[] = [];
      for (let r = 1; r <= 4; r++) {
        if (best[r]! < INF && best[r]! < (expected.at(-1)?.arrival ?? INF))
          expected.push({ rides: r, arrival: best[r]! });
      }
      expect(res.arrivals.map(({ rides, arrival }) => ({ rides, arrival }))).toEqual(expected);
      if (expected.length > 1) multi++;
    }
    // Not vacuous: a fair share of queries trade a change for an earlier arrival.
    expect(multi).toBeGreaterThan(10);
  });
});

describe('RAPTOR asked to beat a known arrival (arriveBefore)', () => {
  it('finds exactly the Pareto journeys arriving before the bound, and nothing at or after it', () => {
    let bounded = 0;
    for (const q of randomQueries(kigali, 200, 4, ['20261124'], [5, 21]).map((x) => ({
      ...x,
      maxRides: 5,
    }))) {
      const free = raptor(kigali, q).arrivals;
      if (free.length === 0) continue;
      // Bounds at, just after and well before the best arrival, and between Pareto points.
      const best = free.at(-1)!.arrival;
      for (const bound of [best, best + 1, best - 600, free[0]!.arrival, free[0]!.arrival + 1]) {
        const got = raptor(kigali, { ...q, arriveBefore: bound }).arrivals;
        const want = free.filter((a) => a.arrival < bound);
        expect(got.map(({ rides, arrival }) => ({ rides, arrival }))).toEqual(
          want.map(({ rides, arrival }) => ({ rides, arrival })),
        );
        if (want.length > 0 && want.length < free.length) bounded++;
      }
    }
    // Not vacuous: some bounds cut the set without emptying it.
    expect(bounded).toBeGreaterThan(10);
  });
});

describe('RAPTOR agrees with a brute-force Dijkstra oracle on the earliest arrival', () => {
  it('on 600 random queries on the Kigali feed (weekday, weekend, holiday, Umuganda; 04:00–23:00)', () => {
    const dates = ['20261124', '20261121', '20261122', '20261225', '20261128', '20260407'];
    const { found } = compareWithOracle(kigali, randomQueries(kigali, 600, 1, dates, [4, 23]));
    expect(found).toBeGreaterThan(300);
  });

  // 500 queries in five batches, so no single test comes near the timeout on a busy 2-core CI machine.
  const big = buildNetwork(generatedTimetable({ side: 100, lines: 500, seed: 7 }));
  const bigQueries = randomQueries(big, 500, 2, ['20261124', '20261128', '20261225'], [5.5, 9.5]);
  it.each([0, 1, 2, 3, 4])(
    'on a generated network of 10,000 stops: 100 queries, batch %i of 0–4',
    (batch) => {
      expect(big.stopCount).toBe(10_000);
      const { found } = compareWithOracle(big, bigQueries.slice(batch * 100, batch * 100 + 100));
      expect(found).toBeGreaterThan(50);
    },
  );
});

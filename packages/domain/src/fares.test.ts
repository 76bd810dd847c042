import { describe, expect, it } from 'vitest';
import {
  BUS_TARIFF_POINTS,
  busFare,
  busJourneyFare,
  busTapInHold,
  carTaxiFare,
  fareFor,
  motoFare,
} from './fares';

describe('bus fare (RURA distance tariff, 4 Dec 2024)', () => {
  it.each([
    ['Downtown–Remera', 10, 388],
    ['Downtown–Rwandex', 6, 274],
    ['Downtown–Kanogo', 3, 205],
    ['Sonatube–Prince House', 2, 182],
    ['Nyabugogo–KK12', 14, 543],
    ['Remera–KK12', 3, 205],
    ['Nyabugogo–Kabuga', 25, 855],
  ])("RURA's worked example %s, %i km → %i RWF", (_name, km, rwf) => {
    expect(busFare(km * 1000)).toBe(rwf);
  });

  it('gives every published point exactly', () => {
    for (const [km, rwf] of BUS_TARIFF_POINTS) expect(busFare(km * 1000)).toBe(rwf);
  });

  it('rounds to the nearest km, like the route lengths behind the examples (101 is 10.2 km, 102 is 25.1 km)', () => {
    expect(busFare(10_200)).toBe(388);
    expect(busFare(25_100)).toBe(855);
    expect(busFare(300)).toBe(182);
  });

  it('interpolates between published points', () => {
    expect(busFare(8000)).toBe(331); // halfway between 6 km (274) and 10 km (388)
    expect(busFare(12_000)).toBe(466); // halfway between 10 km (388) and 14 km (543), rounded
  });

  it('never decreases with distance and is a whole number of francs', () => {
    // Every 10 m up to 40 km: exhaustive enough, and domain's tests need no extra dependency.
    let prev = 0;
    for (let d = 0; d <= 40_000; d += 10) {
      const fare = busFare(d);
      expect(Number.isInteger(fare)).toBe(true);
      expect(fare).toBeGreaterThanOrEqual(prev);
      prev = fare;
    }
  });

  it('charges each ride of a journey and holds the full line fare at tap-in', () => {
    expect(busJourneyFare([10_000, 3000])).toBe(388 + 205);
    expect(busTapInHold(25_100)).toBe(855);
  });
});

describe('moto-taxi meter (RURA, Aug 2022)', () => {
  it('400 RWF covers the first 2 km', () => {
    expect(motoFare(0)).toBe(400);
    expect(motoFare(2000)).toBe(400);
  });
  it('117 RWF a km after 2 km, 205 RWF a km beyond 40 km', () => {
    expect(motoFare(5000)).toBe(400 + 3 * 117);
    expect(motoFare(40_000)).toBe(400 + 38 * 117);
    expect(motoFare(45_000)).toBe(400 + 38 * 117 + 5 * 205);
    expect(motoFare(2500)).toBe(459); // pro rata: 400 + 0.5 × 117 = 458.5
  });
  it('charges waiting beyond 10 free minutes at 21 RWF a minute', () => {
    expect(motoFare(2000, 10)).toBe(400);
    expect(motoFare(2000, 15)).toBe(400 + 5 * 21);
  });
});

describe('car taxi', () => {
  it('1,500 RWF minimum covering 3 km, then 500 RWF a km; airport 600 RWF a km', () => {
    expect(carTaxiFare(1000)).toBe(1500);
    expect(carTaxiFare(3000)).toBe(1500);
    expect(carTaxiFare(8000)).toBe(4000);
    expect(carTaxiFare(10_000, { airport: true })).toBe(6000);
  });
});

describe('fareFor', () => {
  it('returns RWF money for each kind', () => {
    expect(fareFor('bus', 6000)).toEqual({ amount: 274, currency: 'RWF' });
    expect(fareFor('moto', 5000)).toEqual({ amount: 751, currency: 'RWF' });
    expect(fareFor('car', 4000)).toEqual({ amount: 2000, currency: 'RWF' });
  });
});

import { describe, expect, it } from 'vitest';
import { assignNearest, type Taken } from './assign-nearest';

const centre = { lat: -1.9536, lon: 30.0605 };
/** A point `m` metres north of the centre. */
const north = (m: number) => ({ lat: centre.lat + m / 111_320, lon: centre.lon });
const vehicle = (id: string, m: number, driverId = `driver-${id}`) => ({
  vehicleId: id,
  driverId,
  ...north(m),
});
const none = (): Taken => ({ vehicles: new Set(), drivers: new Set() });

describe('assignNearest', () => {
  it('serves riders in the order they asked, each with the nearest vehicle nobody before took', () => {
    const free = [vehicle('far', 3000), vehicle('near', 200), vehicle('mid', 1000)];
    const [first, second, third, fourth] = assignNearest([centre, centre, north(2900), centre], free, none());
    expect(first?.vehicleId).toBe('near');
    expect(second?.vehicleId).toBe('mid');
    expect(third?.vehicleId).toBe('far');
    expect(fourth).toBeUndefined();
  });

  it('quotes the road ETA it ranked by', () => {
    const [a] = assignNearest([centre], [vehicle('v', 1000)], none());
    // 1 km straight × the planner's detour factor at 20 km/h, plus its pickup allowance: a few minutes.
    expect(a!.etaSecs).toBeGreaterThan(180);
    expect(a!.etaSecs).toBeLessThan(600);
  });

  it('never sends a vehicle beyond the search radius', () => {
    expect(assignNearest([centre], [vehicle('v', 6500)], none())).toEqual([undefined]);
  });

  it('passes over vehicles and drivers already taken, and records its own choices', () => {
    const taken: Taken = { vehicles: new Set(['near']), drivers: new Set(['busy-driver']) };
    const free = [vehicle('near', 100), vehicle('second', 200, 'busy-driver'), vehicle('third', 300)];
    expect(assignNearest([centre], free, taken)[0]?.vehicleId).toBe('third');
    expect(taken.vehicles.has('third') && taken.drivers.has('driver-third')).toBe(true);
  });

  it('gives one driver one ride even when two vehicles list them', () => {
    const free = [vehicle('a', 100, 'same'), vehicle('b', 200, 'same')];
    expect(assignNearest([centre, centre], free, none())[1]).toBeUndefined();
  });

  it('breaks a tie in ETA by vehicle id', () => {
    const free = [vehicle('b', 500), vehicle('a', 500)];
    expect(assignNearest([centre], free, none())[0]?.vehicleId).toBe('a');
  });
});

import type { TrackedVehicle } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { pseudonyms, type Roster, type Viewer, viewOf, visibility } from './visibility';

const vehicle = (id: string, kind: TrackedVehicle['kind']): TrackedVehicle => ({
  vehicleId: id as TrackedVehicle['vehicleId'],
  kind,
  plate: `RA${id.toUpperCase()} 123 A`,
  lat: -1.9441,
  lon: 30.0619,
  recordedAt: '2026-12-02T07:00:42.123Z',
  speed: 6,
  heading: 90,
  stale: false,
});
const bus = vehicle('b', 'bus');
const moto = vehicle('m', 'moto');
const parked = vehicle('p', 'car');
const roster: Roster = {
  onShift: new Map([
    ['b', 'bus-driver'],
    ['m', 'moto-driver'],
  ]),
  riding: new Map([['passenger', new Set(['m'])]]),
  tracked: new Map(),
};
const as = (role: Viewer['role'], userId = 'someone'): Viewer =>
  role === 'anonymous' ? { role } : { role, userId };

describe('who sees which vehicle', () => {
  it('follows the policy table of docs/architecture.md', () => {
    const cases: [Viewer, TrackedVehicle, ReturnType<typeof visibility>][] = [
      [as('anonymous'), bus, 'exact'],
      [as('anonymous'), moto, null],
      [as('anonymous'), parked, null],
      [as('rider'), bus, 'exact'],
      [as('rider'), moto, 'coarse'],
      [as('rider'), parked, null],
      [as('rider', 'passenger'), moto, 'exact'],
      [as('driver', 'moto-driver'), moto, 'exact'],
      [as('driver', 'bus-driver'), moto, 'coarse'],
      [as('driver', 'moto-driver'), parked, null],
      [as('admin'), moto, 'exact'],
      [as('admin'), parked, 'exact'],
    ];
    for (const [viewer, v, expected] of cases)
      expect([viewer, v.vehicleId, visibility(v, viewer, roster)]).toEqual([viewer, v.vehicleId, expected]);
  });

  it('shows an anonymous vehicle without plate, speed or its id, on the grid and to the minute', () => {
    const name = pseudonyms();
    const seen = viewOf(moto, as('rider'), roster, name)!;
    expect(seen).toEqual({
      vehicleId: name('m'),
      kind: 'moto',
      plate: null,
      lat: -1.9425,
      lon: 30.0625,
      recordedAt: '2026-12-02T07:00:00.000Z',
      stale: false,
      precision: 'coarse',
    });
    expect(seen.vehicleId).toMatch(/^anon-[\w-]{16}$/);
    // Stable for one viewer's connection, different for the next.
    expect(name('m')).toBe(seen.vehicleId);
    expect(pseudonyms()('m')).not.toBe(seen.vehicleId);
    expect(viewOf(moto, as('rider', 'passenger'), roster, name)).toMatchObject({
      vehicleId: 'm',
      plate: 'RAM 123 A',
      lat: -1.9441,
      speed: 6,
      precision: 'exact',
    });
  });
});

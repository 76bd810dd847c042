import type { LiveVehicle } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { liveEtaMinutes } from './live-eta';

const intent = {
  origin: { lat: -1.9441, lon: 30.0619, label: 'Downtown' },
  destination: { lat: -1.9496, lon: 30.1256, label: 'Kimironko' },
};
const at = (lat: number, lon: number, over: Partial<LiveVehicle> = {}): LiveVehicle => ({
  vehicleId: 'v1',
  kind: 'moto',
  plate: 'RD 412 K',
  lat,
  lon,
  recordedAt: '2026-12-02T08:00:00.000Z',
  stale: false,
  precision: 'exact',
  ...over,
});

describe('liveEtaMinutes', () => {
  it('counts down to the pickup as the driver comes closer', () => {
    const far = liveEtaMinutes('accepted', intent, at(-1.92, 30.1))!;
    const near = liveEtaMinutes('accepted', intent, at(-1.94, 30.065))!;
    expect(far).toBeGreaterThan(near);
    expect(liveEtaMinutes('accepted', intent, at(intent.origin.lat, intent.origin.lon))).toBe(1);
  });
  it('heads for the destination once the rider is on board', () => {
    const v = at(intent.origin.lat, intent.origin.lon);
    expect(liveEtaMinutes('in_progress', intent, v)).toBeGreaterThan(liveEtaMinutes('accepted', intent, v)!);
  });
  it('gives no figure without a trustworthy position or while nobody is driving to a place', () => {
    expect(liveEtaMinutes('accepted', intent, undefined)).toBeNull();
    expect(liveEtaMinutes('accepted', intent, at(-1.92, 30.1, { stale: true }))).toBeNull();
    expect(liveEtaMinutes('accepted', intent, at(-1.92, 30.1, { precision: 'coarse' }))).toBeNull();
    expect(liveEtaMinutes('assigned', intent, at(-1.92, 30.1))).toBeNull();
    expect(liveEtaMinutes('driver_arrived', intent, at(-1.92, 30.1))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { haversine } from './geo';
import { MOTO } from './moto';
import { roadDriveSeconds, roadEtaSeconds, roadEtaSecondsOver } from './road-eta';

const downtown = { lat: -1.9441, lon: 30.0619 };
const kimironko = { lat: -1.9496, lon: 30.1256 };

describe('road ETA', () => {
  it('asks for the pickup allowance only before the driver is under way', () => {
    const drive = roadDriveSeconds(downtown, kimironko);
    expect(roadEtaSeconds(downtown, kimironko) - drive).toBeGreaterThanOrEqual(MOTO.pickupSecs - 1);
    expect(roadEtaSeconds(downtown, kimironko) - drive).toBeLessThanOrEqual(MOTO.pickupSecs);
  });
  it('shrinks as the vehicle comes closer and is nothing once there', () => {
    const halfway = { lat: (downtown.lat + kimironko.lat) / 2, lon: (downtown.lon + kimironko.lon) / 2 };
    expect(roadDriveSeconds(halfway, kimironko)).toBeLessThan(roadDriveSeconds(downtown, kimironko));
    expect(roadDriveSeconds(kimironko, kimironko)).toBe(0);
  });
  it('gives the same ETA from a straight-line distance measured beforehand', () => {
    const meters = haversine(downtown.lat, downtown.lon, kimironko.lat, kimironko.lon);
    expect(roadEtaSecondsOver(meters)).toBe(roadEtaSeconds(downtown, kimironko));
    expect(roadEtaSecondsOver(0)).toBe(MOTO.pickupSecs);
  });
});

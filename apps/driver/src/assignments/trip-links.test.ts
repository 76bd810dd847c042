import type { DriverAssignment } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { geoUrl, mapsUrl, navigationTarget, telUrl } from './trip-links';

const pickup = { lat: -1.9441, lon: 30.0619, label: 'Downtown terminal' };
const destination = { lat: -1.9496, lon: 30.1256 };
const trip = (status: DriverAssignment['status']) => ({ status, origin: pickup, destination });

describe('trip links', () => {
  it('opens navigation at the place, labelled when it has a name', () => {
    expect(geoUrl(pickup)).toBe('geo:-1.944100,30.061900?q=-1.944100,30.061900(Downtown%20terminal)');
    expect(geoUrl(destination)).toBe('geo:-1.949600,30.125600?q=-1.949600,30.125600');
    expect(mapsUrl(destination)).toBe(
      'https://www.google.com/maps/dir/?api=1&destination=-1.949600,30.125600&travelmode=driving',
    );
  });

  it('heads to the pickup, then to the destination once the rider is on board', () => {
    expect(navigationTarget(trip('assigned'))).toBeNull();
    expect(navigationTarget(trip('accepted'))).toBe(pickup);
    expect(navigationTarget(trip('driver_arrived'))).toBe(pickup);
    expect(navigationTarget(trip('in_progress'))).toBe(destination);
    expect(navigationTarget(trip('completed'))).toBeNull();
  });

  it('calls the rider only with a number', () => {
    expect(telUrl('+250 788 123 456')).toBe('tel:+250788123456');
    expect(telUrl(null)).toBeNull();
    expect(telUrl(undefined)).toBeNull();
  });
});

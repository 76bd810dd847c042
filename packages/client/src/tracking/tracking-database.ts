import Dexie, { type DexieOptions, type EntityTable } from 'dexie';

/** One recorded GPS fix waiting for the server's answer. `id` is `<deviceId>:<seq>`, the idempotency key. */
export interface FixRow {
  seq: number;
  id: string;
  vehicleId: string;
  lat: number;
  lon: number;
  recordedAt: string;
  accuracy?: number;
  speed?: number;
  heading?: number;
}

/** A fix the server refused, kept (without coordinates) so the driver and support can see why. */
export interface RejectedRow {
  id: string;
  vehicleId: string;
  recordedAt: string;
  reason: string;
  at: number;
}

/**
 * The device's tracking state, one row. `nextSeq` only grows, so ids stay unique across reloads and days
 * offline; `lastLat/lastLon` let the route simulator resume where the vehicle was instead of jumping.
 */
export interface DeviceRow {
  key: 'device';
  deviceId: string;
  nextSeq: number;
  lastUploadAt: number | null;
  lastLat?: number;
  lastLon?: number;
}

/** Per driver, like the sync store: two accounts on one phone never upload each other's fixes. */
export class TrackingDatabase extends Dexie {
  fixes!: EntityTable<FixRow, 'seq'>;
  rejected!: EntityTable<RejectedRow, 'id'>;
  device!: EntityTable<DeviceRow, 'key'>;

  constructor(userId: string, options?: DexieOptions) {
    super(`kigaligo-tracking-${userId}`, options);
    this.version(1).stores({ fixes: 'seq, [vehicleId+seq]', rejected: 'id, at', device: 'key' });
  }
}

/** 16 characters of [A-Za-z0-9_-]: inside the server's `^[A-Za-z0-9_-]{4,64}` and unguessable enough. */
export function newDeviceId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => alphabet[b & 63]).join('');
}

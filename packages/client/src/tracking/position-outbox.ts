import { MAX_POSITION_BATCH, type Position, type PositionBatchResult } from '@kigaligo/domain';
import { liveQuery } from 'dexie';
import { type DeviceRow, type FixRow, newDeviceId, type TrackingDatabase } from './tracking-database';

/** A fix as a position source produces it, before it has an id. */
export type NewFix = Omit<Position, 'id'>;

export interface Batch {
  vehicleId: string;
  rows: FixRow[];
}

export interface OutboxState {
  waiting: number;
  rejected: number;
  /** Rejection reasons with how many fixes each, most frequent first. */
  reasons: { reason: string; count: number }[];
  lastUploadAt: number | null;
}

/** Keep this many refused fixes (no coordinates) for the driver to see; older ones are pruned. */
const REJECTED_KEPT = 1000;

/**
 * The driver's fixes on the device: written before anything else happens to them, removed only once the
 * server answered for them (accepted, duplicate or rejected). Everything is IndexedDB, so the count and
 * the queue survive reloads, crashes and days offline.
 */
export class PositionOutbox {
  constructor(readonly db: TrackingDatabase) {}

  private async device(): Promise<DeviceRow> {
    return (
      (await this.db.device.get('device')) ?? {
        key: 'device',
        deviceId: newDeviceId(),
        nextSeq: 1,
        lastUploadAt: null,
      }
    );
  }

  /** Stores one fix with the next sequence number; seq and row are written in one transaction. */
  record(vehicleId: string, fix: NewFix): Promise<FixRow> {
    return this.db.transaction('rw', this.db.fixes, this.db.device, async () => {
      const device = await this.device();
      const seq = device.nextSeq;
      const row: FixRow = { ...fix, seq, vehicleId, id: `${device.deviceId}:${seq}` };
      await this.db.fixes.add(row);
      await this.db.device.put({ ...device, nextSeq: seq + 1, lastLat: fix.lat, lastLon: fix.lon });
      return row;
    });
  }

  /**
   * The oldest waiting fixes of one vehicle, in recording order. The endpoint is per vehicle, so a batch
   * starts at the oldest fix overall and takes only that vehicle's fixes: each vehicle's order is kept.
   */
  async nextBatch(limit = MAX_POSITION_BATCH): Promise<Batch | null> {
    const first = await this.db.fixes.orderBy('seq').first();
    if (!first) return null;
    const rows = await this.db.fixes
      .where('[vehicleId+seq]')
      .between([first.vehicleId, first.seq], [first.vehicleId, Number.MAX_SAFE_INTEGER], true, true)
      .limit(limit)
      .toArray();
    return { vehicleId: first.vehicleId, rows };
  }

  /**
   * Applies the server's answer to a batch it processed. A 200 covers every id sent: each was stored, a
   * replay of a stored one, or listed in `rejected` — so all of the batch leaves the queue, and the
   * rejected ones are kept aside with their reason instead of being retried forever.
   */
  settle(batch: Batch, result: PositionBatchResult, at = Date.now()): Promise<void> {
    return this.db.transaction('rw', this.db.fixes, this.db.rejected, this.db.device, async () => {
      const sent = new Map(batch.rows.map((r) => [r.id, r]));
      const refused = result.rejected.flatMap(({ id, reason }) => {
        const row = sent.get(id);
        return row ? [{ id, vehicleId: row.vehicleId, recordedAt: row.recordedAt, reason, at }] : [];
      });
      await this.db.fixes.bulkDelete(batch.rows.map((r) => r.seq));
      if (refused.length) await this.db.rejected.bulkPut(refused);
      const extra = (await this.db.rejected.count()) - REJECTED_KEPT;
      if (extra > 0) await this.db.rejected.orderBy('at').limit(extra).delete();
      await this.db.device.put({ ...(await this.device()), lastUploadAt: at });
    });
  }

  async waiting(): Promise<number> {
    return this.db.fixes.count();
  }

  async state(): Promise<OutboxState> {
    return this.db.transaction('r', this.db.fixes, this.db.rejected, this.db.device, async () => {
      const counts = new Map<string, number>();
      await this.db.rejected.each((r) => counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1));
      const reasons = [...counts].map(([reason, count]) => ({ reason, count }));
      return {
        waiting: await this.db.fixes.count(),
        rejected: reasons.reduce((n, r) => n + r.count, 0),
        reasons: reasons.sort((a, b) => b.count - a.count),
        lastUploadAt: (await this.db.device.get('device'))?.lastUploadAt ?? null,
      };
    });
  }

  /** The last recorded position, so a simulated drive resumes there rather than teleporting. */
  async lastPosition(): Promise<{ lat: number; lon: number } | null> {
    const d = await this.db.device.get('device');
    return d?.lastLat !== undefined && d.lastLon !== undefined ? { lat: d.lastLat, lon: d.lastLon } : null;
  }

  /** Calls `listener` with the state now and after every change from any tab (Dexie liveQuery). */
  watch(listener: (state: OutboxState) => void): () => void {
    const sub = liveQuery(() => this.state()).subscribe({ next: listener, error: () => {} });
    return () => sub.unsubscribe();
  }
}

/** The wire form of a stored fix (drops the local-only seq and vehicle id). */
export function toPosition({ seq: _seq, vehicleId: _vehicle, ...position }: FixRow): Position {
  return position;
}

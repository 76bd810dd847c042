import { type Position, type PositionBatchResult, positionBatchResult } from '@kigaligo/domain';
import type { ApiClient } from '../api-client';
import { apiRequest } from '../api-routes';
import type { Connectivity } from '../connectivity';
import { type OutboxState, PositionOutbox } from './position-outbox';
import { type Stop, simulateDrive, watchGps } from './position-sources';
import { PositionUploader, type UploadProblem } from './position-uploader';
import type { LatLon } from './simulated-route';
import { TrackingDatabase } from './tracking-database';

export type TrackingSource =
  | { kind: 'gps'; intervalMs: number }
  | { kind: 'simulate'; intervalMs: number; stops: LatLon[] };

export interface TrackingSnapshot extends OutboxState {
  /** What is recording now, or null. */
  recording: TrackingSource['kind'] | null;
  vehicleId: string | null;
  problem: UploadProblem;
  /** Why the last fix could not be recorded (GPS refused or unavailable, storage full); cleared by the next. */
  recordError: string | null;
  ready: boolean;
}

const initial: TrackingSnapshot = {
  waiting: 0,
  rejected: 0,
  reasons: [],
  lastUploadAt: null,
  recording: null,
  vehicleId: null,
  problem: null,
  recordError: null,
  ready: false,
};

export interface VehicleTrackerOptions {
  userId: string;
  api: ApiClient;
  connectivity: Connectivity;
}

/**
 * One driver's position logging on this device: a source (GPS or a simulated drive) writes each fix to
 * the outbox first, then kicks the uploader. React reads it through `subscribe`/`getSnapshot`.
 */
export class VehicleTracker {
  readonly outbox: PositionOutbox;
  readonly uploader: PositionUploader;
  private snapshot = initial;
  private readonly listeners = new Set<() => void>();
  private stopSource: Stop | null = null;
  private readonly cleanups: (() => void)[] = [];
  /** Where the running source is remembered, so a reload (update, crash) can resume sharing. */
  private readonly resumeKey: string;

  constructor({ userId, api, connectivity }: VehicleTrackerOptions) {
    this.resumeKey = `kigaligo.tracking.${userId}`;
    this.outbox = new PositionOutbox(new TrackingDatabase(userId));
    this.uploader = new PositionUploader({
      outbox: this.outbox,
      isOnline: () => connectivity.isOnline(),
      post: (vehicleId: string, positions: Position[]): Promise<PositionBatchResult> =>
        api.request(
          apiRequest('post', '/api/vehicles/{id}/positions', {
            path: { id: vehicleId },
            body: { positions },
          }),
          { schema: positionBatchResult },
        ),
      onProblem: (problem) => this.set({ problem }),
    });
    this.cleanups.push(
      this.outbox.watch((state) => this.set({ ...state, ready: true })),
      // Back online (browser event or a successful probe): upload now, skipping any remaining backoff.
      connectivity.subscribe(() => {
        if (connectivity.isOnline()) this.uploader.kick(true);
      }),
    );
    // Fixes left from an earlier session (reload, crash, days offline) go out as soon as possible.
    this.uploader.kick();
  }

  async start(vehicleId: string, source: TrackingSource): Promise<void> {
    this.halt();
    globalThis.localStorage?.setItem(this.resumeKey, JSON.stringify({ vehicleId, source }));
    // Ask the browser not to evict the outbox under storage pressure (best effort; may be refused).
    void navigator.storage?.persist?.().catch(() => false);
    const record = (fix: Omit<Position, 'id'>) => {
      this.set({ recordError: null });
      this.outbox.record(vehicleId, fix).then(
        () => this.uploader.kick(),
        // Storage refused the write (quota, private mode): say so rather than pretend it was logged.
        (err: unknown) => this.set({ recordError: err instanceof Error ? err.message : String(err) }),
      );
    };
    if (source.kind === 'gps') {
      this.stopSource = watchGps(source.intervalMs, record, (e) =>
        this.set({ recordError: e.message || `GPS error ${e.code}` }),
      );
    } else {
      const resumeAt = await this.outbox.lastPosition();
      this.stopSource = simulateDrive(source.stops, source.intervalMs, record, resumeAt);
    }
    this.set({ recording: source.kind, vehicleId });
  }

  /** The driver stopped sharing: also forget it, so a reload does not start it again. */
  stop(): void {
    this.halt();
    globalThis.localStorage?.removeItem(this.resumeKey);
  }

  private halt(): void {
    this.stopSource?.();
    this.stopSource = null;
    this.set({ recording: null, vehicleId: null });
  }

  /** What was sharing when this page last ran, if the driver never pressed stop. */
  resumable(): { vehicleId: string; source: TrackingSource } | null {
    try {
      return JSON.parse(globalThis.localStorage?.getItem(this.resumeKey) ?? 'null');
    } catch {
      return null;
    }
  }

  /** Uploads what is waiting now (e.g. before ending a shift); resolves when done or an upload failed. */
  flush(): Promise<void> {
    return this.uploader.flush();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): TrackingSnapshot => this.snapshot;

  private set(patch: Partial<TrackingSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }

  destroy(): void {
    // Unmounting (sign-out, a reload) is not the driver pressing stop: keep what resumable() returns.
    this.halt();
    this.uploader.destroy();
    for (const c of this.cleanups) c();
    this.outbox.db.close();
  }
}

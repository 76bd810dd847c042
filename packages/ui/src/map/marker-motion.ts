export interface LonLat {
  lon: number;
  lat: number;
}

/** Longest glide between two fixes: after a gap (or a backlog replay) the marker catches up quickly. */
export const MAX_GLIDE_MS = 3000;
const MIN_GLIDE_MS = 300;

/**
 * Where a vehicle's marker is drawn. Fixes arrive every second or few; jumping from one to the next looks
 * broken, so the marker glides from wherever it is drawn now to the new fix over about the time between
 * the two fixes (clamped), and stays there until the next one.
 */
export class MarkerMotion {
  private from: LonLat;
  private to: LonLat;
  private start = 0;
  private duration = 0;
  private toTime: number;

  constructor(initial: LonLat, recordedAt: number) {
    this.from = initial;
    this.to = initial;
    this.toTime = recordedAt;
  }

  /** A new fix. Older fixes than the current target are ignored: the marker never runs backwards. */
  setTarget(next: LonLat, recordedAt: number, now: number): void {
    if (recordedAt <= this.toTime) return;
    this.from = this.at(now);
    this.duration = Math.max(MIN_GLIDE_MS, Math.min(MAX_GLIDE_MS, recordedAt - this.toTime));
    this.to = next;
    this.toTime = recordedAt;
    this.start = now;
  }

  at(now: number): LonLat {
    const f = this.duration === 0 ? 1 : Math.min(1, Math.max(0, (now - this.start) / this.duration));
    return {
      lon: this.from.lon + (this.to.lon - this.from.lon) * f,
      lat: this.from.lat + (this.to.lat - this.from.lat) * f,
    };
  }

  /** Still gliding at `now`: the animation loop runs only while some marker is. */
  moving(now: number): boolean {
    return now - this.start < this.duration;
  }
}

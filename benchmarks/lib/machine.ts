import os from 'node:os';

/**
 * The machine's 1-minute load average around a benchmark. Figures taken while other work competes for the CPU
 * say little about the code, so a run whose load at start or end exceeds the core count judges no target: it
 * prints the figures and says why it does not judge them.
 */
export class MachineLoad {
  private readonly start = os.loadavg()[0]!;
  private end: number | undefined;
  readonly cores = os.cpus().length;

  /** Call once the measured work is done. */
  finish(): void {
    this.end = os.loadavg()[0]!;
  }

  get busy(): boolean {
    return Math.max(this.start, this.end ?? this.start) > this.cores;
  }

  describe(): string {
    const end = this.end === undefined ? 'not read' : this.end.toFixed(2);
    const state = this.busy ? 'BUSY: targets not judged' : 'quiet enough to judge targets';
    return `load average ${this.start.toFixed(2)} at start, ${end} at end on ${this.cores} cores (${state})`;
  }

  /** "met" / "NOT met", or that the run cannot say. */
  verdict(ok: boolean): string {
    if (this.busy) return 'not judged (machine busy)';
    return ok ? 'met' : 'NOT met';
  }
}

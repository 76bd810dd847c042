import { percentile } from '../lib/stats';

export interface Timing {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  mean: number;
  /** CPU time per call (process.cpuUsage): unlike wall time, not inflated when other processes take the cores. */
  cpuP50?: number;
  cpuP99?: number;
}

/**
 * Runs `fn` on each input after `warmup` untimed runs (the first inputs again); per-call latency in ms.
 * `check` sees each timed result outside the timing.
 */
export function time<T, R>(
  inputs: readonly T[],
  fn: (x: T) => R,
  warmup = 20,
  check?: (index: number, result: R) => void,
): Timing {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i]!);
  const ms: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  let checkMs = 0;
  inputs.forEach((x, i) => {
    const c = process.cpuUsage();
    const t = performance.now();
    const result = fn(x);
    const done = performance.now();
    const used = process.cpuUsage(c);
    ms.push(done - t);
    cpu.push((used.user + used.system) / 1000);
    check?.(i, result);
    checkMs += performance.now() - done;
  });
  return {
    ...summarize(ms, performance.now() - started - checkMs),
    cpuP50: percentile(cpu, 50),
    cpuP99: percentile(cpu, 99),
  };
}

export function summarize(ms: number[], totalMs: number): Timing {
  return {
    count: ms.length,
    perSecond: (ms.length / totalMs) * 1000,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    mean: ms.reduce((a, b) => a + b, 0) / ms.length,
  };
}

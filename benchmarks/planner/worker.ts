// Web Worker entry (bundled by esbuild for headless Chromium): loads the Kigali bundle and times planTrip on
// the queries the page posts, exactly as the Node part of the benchmark does.
import { loadBundle, type PlanRequest, planTrip } from '@kigaligo/planner';

interface Job {
  bundle: string;
  requests: PlanRequest[];
  warmup: number;
  /** Keep warming up (cycling through the requests) until this long after the worker started. */
  warmupMs: number;
}

self.onmessage = (event: MessageEvent<Job>) => {
  const { bundle, requests, warmup, warmupMs } = event.data;
  const t0 = performance.now();
  const net = loadBundle(bundle);
  const loadMs = performance.now() - t0;
  // Untimed warm-up plans are timed here anyway: the first ones after start-up are reported as "cold".
  const coldMs: number[] = [];
  for (let i = 0; i < warmup || performance.now() - t0 < warmupMs; i++) {
    const t = performance.now();
    planTrip(net, requests[i % requests.length]!);
    coldMs.push(performance.now() - t);
  }
  const ms: number[] = [];
  const started = performance.now();
  for (const req of requests) {
    const t = performance.now();
    planTrip(net, req);
    ms.push(performance.now() - t);
  }
  self.postMessage({
    loadMs,
    coldMs,
    ms,
    totalMs: performance.now() - started,
    userAgent: navigator.userAgent,
  });
};

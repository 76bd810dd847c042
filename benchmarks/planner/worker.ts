// Web Worker entry (bundled by esbuild for headless Chromium): loads the Kigali bundle and times planTrip on
// the queries the page posts, exactly as the Node part of the benchmark does.
import { loadBundle, type PlanRequest, planTrip } from '@kigaligo/planner';

interface Job {
  bundle: string;
  requests: PlanRequest[];
  warmup: number;
}

self.onmessage = (event: MessageEvent<Job>) => {
  const { bundle, requests, warmup } = event.data;
  const t0 = performance.now();
  const net = loadBundle(bundle);
  const loadMs = performance.now() - t0;
  for (let i = 0; i < Math.min(warmup, requests.length); i++) planTrip(net, requests[i]!);
  const ms: number[] = [];
  const started = performance.now();
  for (const req of requests) {
    const t = performance.now();
    planTrip(net, req);
    ms.push(performance.now() - t);
  }
  self.postMessage({ loadMs, ms, totalMs: performance.now() - started, userAgent: navigator.userAgent });
};

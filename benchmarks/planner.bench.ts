// `pnpm bench planner [--queries 1000] [--bigQueries 200] [--oracleQueries 300] [--warmupMs 2000] [--browser 1]`
// Trip-planner latency on the Kigali bundle and a generated 10,000-stop network in Node, the same Kigali
// queries in headless Chromium's Web Worker, the worker bundle's size and build time, and the test oracle
// (plain time-dependent Dijkstra) on the same queries as the baseline. See docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFeed } from '@kigaligo/gtfs/node';
import {
  buildBundle,
  buildNetwork,
  INF,
  loadBundle,
  type Network,
  planTrip,
  raptor,
} from '@kigaligo/planner';
import { generatedTimetable } from '@kigaligo/planner/testing/generated-network';
import { Oracle } from '@kigaligo/planner/testing/oracle';
import { parseFlags } from './lib/flags';
import { MachineLoad } from './lib/machine';
import { fmt, table } from './lib/stats';
import { buildWorker, runInChromium } from './planner/browser';
import { type Timing, time } from './planner/measure';
import { planRequests, raptorQuery } from './planner/queries';

const load = new MachineLoad();
const flags = parseFlags({
  queries: 1000,
  bigQueries: 200,
  oracleQueries: 300,
  warmup: 50,
  warmupMs: 2000,
  browser: 1,
});
if (flags.queries > 20_000 || flags.bigQueries > 5000 || flags.oracleQueries > 5000)
  throw new Error('too many queries');
const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const bundlePath = root('public/network/kigali.bundle.json');
const DATE = '2026-11-24'; // a Tuesday: weekday service

console.log(
  `planner bench: ${flags.queries} Kigali queries, ${flags.bigQueries} on 10k stops, oracle on ${flags.oracleQueries}\n` +
    `machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
    `load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
);

// Data: the shipped bundle (and how long building it from GTFS takes), and the generated city.
let t = performance.now();
const bundleJson = buildBundle(readFeed(root('public/network/kigali-gtfs')));
const bundleBuildMs = performance.now() - t;
const shipped = readFileSync(bundlePath);
t = performance.now();
const kigali = loadBundle(shipped.toString('utf8'));
const kigaliLoadMs = performance.now() - t;
t = performance.now();
const big = buildNetwork(generatedTimetable({ side: 100, lines: 500, seed: 7 }));
const bigBuildMs = performance.now() - t;

const kigaliReqs = planRequests(kigali, flags.queries, 1, DATE, [5, 21]);
const bigReqs = planRequests(big, flags.bigQueries, 2, DATE, [5.5, 9.5]);

/** planTrip (what the apps call) and the bare RAPTOR search against the oracle, on one network. */
function runNode(net: Network, reqs: typeof kigaliReqs, oracleCount: number) {
  const plans = new Map<number, boolean>();
  const plan = time(
    reqs,
    (r) => planTrip(net, r),
    flags.warmup,
    (i, its) =>
      plans.set(
        i,
        its.some((it) => it.legs.some((l) => l.mode === 'bus')),
      ),
  );
  const withBus = [...plans.values()].filter(Boolean).length;
  const rq = reqs.slice(0, oracleCount).map((r) => raptorQuery(net, r));
  const fast: number[] = [];
  const core = time(
    rq,
    (q) => raptor(net, q),
    flags.warmup,
    (i, res) => {
      fast[i] = Math.min(INF, ...res.arrivals.map((a) => a.arrival));
    },
  );
  const oracle = new Oracle(net);
  // The oracle gets no hint (no bound): it searches as a plain Dijkstra would. Answers are checked equal.
  const slow: number[] = [];
  const dijkstra = time(
    rq,
    (q) => oracle.earliestArrival(q),
    Math.min(10, flags.warmup),
    (i, a) => {
      slow[i] = a;
    },
  );
  const disagreements = fast.filter((a, i) => a !== slow[i]).length;
  return { plan, core, dijkstra, withBus, disagreements };
}

const kigaliNode = runNode(kigali, kigaliReqs, Math.min(flags.oracleQueries, kigaliReqs.length));
const bigNode = runNode(big, bigReqs, Math.min(flags.oracleQueries, bigReqs.length));

const worker = await buildWorker();
const browser = flags.browser
  ? await runInChromium(worker, bundlePath, kigaliReqs, flags.warmup, flags.warmupMs)
  : undefined;

const row = (name: string, x: Timing | undefined): string[] =>
  x
    ? [
        name,
        String(x.count),
        fmt(x.perSecond, 0),
        fmt(x.p50, 2),
        fmt(x.p99, 2),
        fmt(x.mean, 2),
        x.cpuP50 === undefined ? '-' : fmt(x.cpuP50, 2),
        x.cpuP99 === undefined ? '-' : fmt(x.cpuP99, 2),
      ]
    : [name, 'not run'];
console.log(
  `\n${table([
    ['what', 'queries', 'queries/s', 'p50 ms', 'p99 ms', 'mean ms', 'CPU p50 ms', 'CPU p99 ms'],
    row('Kigali planTrip, Node', kigaliNode.plan),
    row('Kigali planTrip, Chromium worker', browser),
    row(`  its first ${flags.warmup} plans (cold: the warm-up's first plans)`, browser?.cold),
    row('Kigali RAPTOR search, Node', kigaliNode.core),
    row('Kigali oracle Dijkstra, Node (baseline)', kigaliNode.dijkstra),
    row('10k planTrip, Node', bigNode.plan),
    row('10k RAPTOR search, Node', bigNode.core),
    row('10k oracle Dijkstra, Node (baseline)', bigNode.dijkstra),
  ])}`,
);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
load.finish();
console.log(`
queries with a bus itinerary: Kigali ${kigaliNode.withBus}/${kigaliReqs.length}, 10k ${bigNode.withBus}/${bigReqs.length}
RAPTOR vs oracle earliest arrival disagreements: Kigali ${kigaliNode.disagreements}, 10k ${bigNode.disagreements}
speed-up of the RAPTOR search over the oracle (same queries, mean): Kigali ${fmt(kigaliNode.dijkstra.mean / kigaliNode.core.mean, 1)}x, 10k ${fmt(bigNode.dijkstra.mean / bigNode.core.mean, 1)}x
network: Kigali bundle ${kib(shipped.length)} (${kib(gzipSync(shipped).length)} gzip), built from GTFS in ${fmt(bundleBuildMs, 0)} ms (${kib(bundleJson.length)} unformatted), loaded in ${fmt(kigaliLoadMs, 1)} ms in Node${browser ? ` and ${fmt(browser.loadMs, 1)} ms in the worker` : ''}; 10k network built in ${fmt(bigBuildMs, 0)} ms (${big.stopCount} stops)
worker bundle (planner + domain fares, esbuild --minify): ${kib(worker.bytes)} raw, ${kib(worker.gzipBytes)} gzip, built in ${fmt(worker.buildMs, 0)} ms${browser ? `\nbrowser: ${browser.userAgent}; the worker warmed up with ${browser.warmupPlans} plans over its first ${flags.warmupMs} ms (Chromium's own start-up shares the cores then)` : ''}

targets (planTrip, the call the apps make), ${load.describe()}:
  Kigali p50 < 2 ms: ${load.verdict(kigaliNode.plan.p50 < 2)} in Node (${fmt(kigaliNode.plan.p50, 2)} ms)${browser ? `, ${load.verdict(browser.p50 < 2)} in Chromium (${fmt(browser.p50, 2)} ms)` : ''}
  Kigali p99 < 10 ms: ${load.verdict(kigaliNode.plan.p99 < 10)} in Node (${fmt(kigaliNode.plan.p99, 2)} ms)${browser ? `, ${load.verdict(browser.p99 < 10)} in Chromium (${fmt(browser.p99, 2)} ms)` : ''}
  10k stops p50 < 30 ms: ${load.verdict(bigNode.plan.p50 < 30)} in Node (${fmt(bigNode.plan.p50, 2)} ms); < 10 ms (issue #20): ${load.verdict(bigNode.plan.p50 < 10)}
  worker bundle <= 50 KB gzip (issue #20): ${load.verdict(worker.gzipBytes <= 50 * 1024)} (${kib(worker.gzipBytes)})
  (targets are judged on wall time; on a machine shared with other work, compare the CPU-time columns:
   Kigali CPU p50 ${fmt(kigaliNode.plan.cpuP50 ?? Number.NaN, 2)} ms, p99 ${fmt(kigaliNode.plan.cpuP99 ?? Number.NaN, 2)} ms; 10k CPU p50 ${fmt(bigNode.plan.cpuP50 ?? Number.NaN, 2)} ms)`);

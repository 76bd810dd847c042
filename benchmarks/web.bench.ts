// `pnpm bench web [--runs 3] [--liveMinutes 5] [--shiftMinutes 30] [--apps rider,driver,admin] [--lighthouse 1]`
// What the three apps cost a phone on a slow mobile network (issue 15), in Debian's Chromium:
// 1. Lighthouse (its mobile configuration: Slow 4G, 4× CPU, simulated) on each app's first screen, `runs` cold
//    loads and `runs` repeat loads on a warm service worker: LCP, TBT, CLS, TTI, bytes, requests.
// 2. A typical session per app through a proxy that is the phone's link (Lighthouse's Slow 4G figures as real
//    latency and throughput, for every connection, the service worker's and the WebSockets too) with 4× CPU:
//    rider signs in, plans, books a moto and watches the live map; driver shares a fix every 5 s for a shift;
//    admin opens the report queue and a report. Bytes each way as they cross the link, requests, frames,
//    first-visit bytes with and without the background precache tier, and a repeat visit.
// 3. The first screen at 1.6 Mb/s and 150 ms RTT, the link the issue's "before" figures were measured on.
// The server (PGlite in memory, demo data, the demo fleet moving) runs in this process.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '@kigaligo/sync-server';
import { throttling } from 'lighthouse/core/config/constants.js';
import { chromium } from 'playwright-core';
import { parseFlags } from './lib/flags';
import { MachineLoad } from './lib/machine';
import { fmt, percentile, table } from './lib/stats';
import { type LighthouseFigures, lighthouseRuns } from './web/lighthouse-runs';
import {
  adminSteps,
  coldFirstScreen,
  driverSteps,
  fileReport,
  riderSteps,
  runSession,
  type SessionOptions,
  type SessionResult,
} from './web/sessions';
import { type LinkProfile, ThrottledLink } from './web/throttled-link';

const flags = parseFlags({
  runs: 3,
  liveMinutes: 5,
  shiftMinutes: 30,
  apps: 'rider,driver,admin',
  lighthouse: 1,
});
const apps = flags.apps.split(',');
if (apps.some((a) => !['rider', 'driver', 'admin'].includes(a)))
  throw new Error('--apps: rider, driver, admin');
if (flags.runs < 1 || flags.runs > 10) throw new Error('--runs: 1 to 10');

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));
const paths: Record<string, string> = { rider: '/', driver: '/driver/', admin: '/admin/' };
// The issue's table, taken on a fresh `npm start` before this work (sign-in visible at 1.6 Mb/s, 150 ms RTT).
const before: Record<string, number> = { rider: 3900, driver: 4000, admin: 4500 };

const slow = throttling.mobileSlow4G;
const slow4G: LinkProfile = {
  name: 'Slow 4G (Lighthouse, as DevTools applies it)',
  rttMs: slow.requestLatencyMs,
  downKbps: slow.downloadThroughputKbps,
  upKbps: slow.uploadThroughputKbps,
};
const issueLink: LinkProfile = { name: '1.6 Mb/s, 150 ms RTT', rttMs: 150, downKbps: 1600, upKbps: 1600 };

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir: 'memory://',
  appsDir: join(root, 'apps'),
  seed: true,
  logLevel: 'silent',
  demoFleet: true,
  demoSimulation: { seed: 15 },
});
const link = new ThrottledLink(server.port, null);
const origin = `http://127.0.0.1:${await link.listen()}`;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--enable-unsafe-swiftshader'],
});
const load = new MachineLoad();
const median = (xs: number[]) => percentile(xs, 50);
const kb = (n: number) => `${fmt(n / 1000)} KB`;
const s = (ms: number) => `${fmt(ms / 1000, 2)} s`;

try {
  // --- 1. Lighthouse --------------------------------------------------------------------------------------
  const lh = new Map<string, { cold: LighthouseFigures[]; warm: LighthouseFigures[] }>();
  if (flags.lighthouse) {
    for (const app of apps)
      lh.set(app, await lighthouseRuns(chromiumPath, `${server.url}${paths[app]}`, flags.runs));
    const rows = [
      ['app, load', 'score', 'FCP', 'LCP', 'TBT', 'CLS', 'TTI', 'Speed Index', 'bytes', 'requests'],
    ];
    for (const [app, r] of lh)
      for (const [kind, runs] of [
        ['cold', r.cold],
        ['repeat (warm SW)', r.warm],
      ] as const) {
        const m = (f: (x: LighthouseFigures) => number) => median(runs.map(f));
        rows.push([
          `${app}, ${kind}`,
          fmt(
            m((x) => x.score),
            0,
          ),
          s(m((x) => x.fcp)),
          s(m((x) => x.lcp)),
          `${fmt(
            m((x) => x.tbt),
            0,
          )} ms`,
          fmt(
            m((x) => x.cls),
            3,
          ),
          s(m((x) => x.tti)),
          s(m((x) => x.speedIndex)),
          kb(m((x) => x.bytes)),
          fmt(
            m((x) => x.requests),
            0,
          ),
        ]);
      }
    console.log(`\nLighthouse ${flags.runs}× per app and load, medians (mobile, Slow 4G, 4× CPU, simulated)`);
    console.log(table(rows));
  }

  // --- 2. Sessions ----------------------------------------------------------------------------------------
  const opts: SessionOptions = {
    browser,
    link,
    origin,
    profile: slow4G,
    cpuSlowdown: slow.cpuSlowdownMultiplier,
  };
  const sessions: SessionResult[] = [];
  if (apps.includes('admin')) await fileReport(browser, server.url);
  for (const app of apps) {
    const steps =
      app === 'rider'
        ? riderSteps(flags.liveMinutes)
        : app === 'driver'
          ? driverSteps(flags.shiftMinutes)
          : adminSteps;
    sessions.push(await runSession(app, paths[app]!, opts, steps));
  }
  const sum = (b: { received: number; sent: number }) => b.received + b.sent;
  console.log(
    `\nFirst visit over ${slow4G.name}: ${fmt(slow4G.rttMs, 0)} ms RTT, ${fmt(slow4G.downKbps, 0)}/${fmt(
      slow4G.upKbps,
      0,
    )} kb/s, ${slow.cpuSlowdownMultiplier}× CPU; bytes both ways on the link`,
  );
  console.log(
    table([
      [
        'app',
        'first screen',
        'LCP',
        'CLS',
        'bytes at first screen',
        '+ shell precached',
        '+ background tier',
      ],
      ...sessions.map((r) => [
        r.app,
        s(r.firstScreenMs),
        s(r.lcpMs),
        fmt(r.cls, 3),
        kb(sum(r.firstVisit.atFirstScreen)),
        kb(sum(r.firstVisit.shellCached)),
        kb(sum(r.firstVisit.complete)),
      ]),
    ]),
  );
  console.log('\nThe session after the first visit, and a repeat visit on the warm service worker');
  console.log(
    table([
      [
        'app',
        'session',
        'received',
        'sent',
        'requests',
        'WebSocket frames',
        'steady part per hour, received / sent',
        'repeat: first screen',
        'repeat: bytes',
      ],
      ...sessions.map((r) => [
        r.app,
        `${fmt(r.session.minutes)} min`,
        kb(r.session.received),
        kb(r.session.sent),
        String(r.session.requests),
        String(r.session.socketFrames),
        r.steadyPerHour ? `${kb(r.steadyPerHour.received)} / ${kb(r.steadyPerHour.sent)}` : '—',
        s(r.repeat.firstScreenMs),
        kb(sum(r.repeat.bytes)),
      ]),
    ]),
  );

  // --- 3. Against the issue's figures ---------------------------------------------------------------------
  const beforeRows = [['app', `sign-in visible, ${issueLink.name}: before`, `now (median of ${flags.runs})`]];
  for (const app of apps) {
    const times: number[] = [];
    for (let i = 0; i < flags.runs; i++)
      times.push(await coldFirstScreen(paths[app]!, { ...opts, profile: issueLink, cpuSlowdown: 1 }));
    beforeRows.push([app, s(before[app]!), s(median(times))]);
  }
  console.log('\nThe issue\'s "before" row, same link, no CPU slowdown');
  console.log(table(beforeRows));
  load.finish();

  const rider = sessions.find((r) => r.app === 'rider');
  const riderLh = lh.get('rider');
  console.log(`\nTargets (${load.describe()})`);
  if (riderLh) {
    const tti = median(riderLh.cold.map((x) => x.tti));
    const lcp = median(riderLh.cold.map((x) => x.lcp));
    console.log(
      `  rider first screen interactive (Lighthouse TTI) < 2.5 s: ${s(tti)} ${load.verdict(tti < 2500)}`,
    );
    console.log(`  rider LCP (Lighthouse) < 2.5 s: ${s(lcp)} ${load.verdict(lcp < 2500)}`);
  }
  if (rider) {
    console.log(
      `  rider first screen on the link < 2.5 s: ${s(rider.firstScreenMs)} ${load.verdict(rider.firstScreenMs < 2500)}`,
    );
    console.log(
      `  rider repeat visit (warm service worker) < 1 s: ${s(rider.repeat.firstScreenMs)} ${load.verdict(
        rider.repeat.firstScreenMs < 1000,
      )}`,
    );
  }
} finally {
  await browser.close();
  await link.close();
  await server.close();
}

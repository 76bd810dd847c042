import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { PlanRequest } from '@kigaligo/planner';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { summarize, type Timing } from './measure';

export interface WorkerBuild {
  dir: string;
  buildMs: number;
  bytes: number;
  gzipBytes: number;
}

/** Bundles worker.ts (planner + its dependencies) for the browser, minified, as the apps would ship it. */
export async function buildWorker(): Promise<WorkerBuild> {
  const dir = mkdtempSync(join(tmpdir(), 'kigaligo-planner-bench-'));
  const outfile = join(dir, 'worker.js');
  const t0 = performance.now();
  await build({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outfile,
    logLevel: 'silent',
  });
  const buildMs = performance.now() - t0;
  const code = readFileSync(outfile);
  return { dir, buildMs, bytes: code.length, gzipBytes: gzipSync(code).length };
}

export interface BrowserResult extends Timing {
  loadMs: number;
  /** The warm-up's plans: how many, and the first `warmup` of them (the worker's first plans after start). */
  warmupPlans: number;
  cold: Timing;
  userAgent: string;
}

/** Serves the worker and the network bundle on 127.0.0.1 and times the queries in headless Chromium. */
export async function runInChromium(
  worker: WorkerBuild,
  bundlePath: string,
  requests: PlanRequest[],
  warmup: number,
  warmupMs: number,
): Promise<BrowserResult> {
  const files: Record<string, [string, Buffer]> = {
    '/': ['text/html', Buffer.from('<!doctype html><title>planner bench</title>')],
    '/worker.js': ['text/javascript', readFileSync(join(worker.dir, 'worker.js'))],
    '/kigali.bundle.json': ['application/json', readFileSync(bundlePath)],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const userDataDir = mkdtempSync(join(tmpdir(), 'kigaligo-chromium-'));
  // A fresh profile per run (PITFALLS.md); Playwright wants it as launchPersistentContext's argument.
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    timeout: 60_000,
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const out = await page.evaluate(
      async ({ requests, warmup, warmupMs }) => {
        const bundle = await (await fetch('/kigali.bundle.json')).text();
        const w = new Worker('/worker.js');
        return new Promise<{
          loadMs: number;
          coldMs: number[];
          ms: number[];
          totalMs: number;
          userAgent: string;
        }>((resolve, reject) => {
          w.onmessage = (e) => resolve(e.data);
          w.onerror = (e) => reject(new Error(e.message));
          w.postMessage({ bundle, requests, warmup, warmupMs });
        });
      },
      { requests, warmup, warmupMs },
    );
    const cold = out.coldMs.slice(0, warmup);
    return {
      ...summarize(out.ms, out.totalMs),
      loadMs: out.loadMs,
      warmupPlans: out.coldMs.length,
      cold: summarize(
        cold,
        cold.reduce((a, b) => a + b, 0),
      ),
      userAgent: out.userAgent,
    };
  } finally {
    await browser.close();
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

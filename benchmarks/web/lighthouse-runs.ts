import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { backgroundTierCached } from './page-metrics';

/** Lighthouse's performance figures for one page load (ms, except CLS and bytes). */
export interface LighthouseFigures {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Time to Interactive: no longer in the score, still the closest "first screen interactive". */
  tti: number;
  speedIndex: number;
  bytes: number;
  requests: number;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const numeric = (lhr: { audits: Record<string, { numericValue?: number }> }, id: string): number => {
  const v = lhr.audits[id]?.numericValue;
  if (v === undefined) throw new Error(`Lighthouse answered no ${id}`);
  return v;
};

/**
 * Lighthouse (its default mobile configuration: Moto G Power screen, Slow 4G and 4× CPU, simulated) against
 * Debian's Chromium. `runs` cold loads (storage cleared before each, as a first visit), then as many warm
 * loads after one complete visit, with the service worker and its caches kept.
 */
export async function lighthouseRuns(
  chromiumPath: string,
  url: string,
  runs: number,
): Promise<{ cold: LighthouseFigures[]; warm: LighthouseFigures[] }> {
  const port = await freePort();
  const profile = await mkdtemp(join(tmpdir(), 'kigaligo-lighthouse-'));
  // A persistent context is the browser's default one, the one Lighthouse opens its tabs in: the warm runs
  // find the service worker a normal visit installed.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: [`--remote-debugging-port=${port}`, '--no-sandbox', '--enable-unsafe-swiftshader'],
  });
  const once = async (disableStorageReset: boolean, attempt = 1): Promise<LighthouseFigures> => {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      disableStorageReset,
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    const lhr = result.lhr;
    if (lhr.runtimeError) {
      // Now and then the trace misses the navigation (NO_NAVSTART, NO_FCP on a busy machine); Lighthouse's own
      // advice is to run again.
      if (attempt < 3) return once(disableStorageReset, attempt + 1);
      throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    }
    const requests = lhr.audits['network-requests']?.details as { items?: unknown[] } | undefined;
    return {
      score: (lhr.categories.performance?.score ?? 0) * 100,
      fcp: numeric(lhr, 'first-contentful-paint'),
      lcp: numeric(lhr, 'largest-contentful-paint'),
      tbt: numeric(lhr, 'total-blocking-time'),
      cls: numeric(lhr, 'cumulative-layout-shift'),
      tti: numeric(lhr, 'interactive'),
      speedIndex: numeric(lhr, 'speed-index'),
      bytes: numeric(lhr, 'total-byte-weight'),
      requests: requests?.items?.length ?? 0,
    };
  };
  try {
    const cold: LighthouseFigures[] = [];
    for (let i = 0; i < runs; i++) cold.push(await once(false));
    const page = await context.newPage();
    await page.goto(url);
    await backgroundTierCached(page);
    await page.close();
    const warm: LighthouseFigures[] = [];
    for (let i = 0; i < runs; i++) warm.push(await once(true));
    return { cold, warm };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

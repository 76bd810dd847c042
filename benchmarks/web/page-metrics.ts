import type { BrowserContext, Page } from 'playwright-core';

/** What the page itself observed, in ms since its navigation started. */
export interface PageMetrics {
  /** The first app screen drawn: the first `h1` the app renders (sign-in, or home when signed in). */
  firstScreen: number | null;
  lcp: number;
  cls: number;
}

declare global {
  interface Window {
    __kgMetrics?: PageMetrics;
  }
}

// Plain JavaScript, not a function: tsx compiles functions with helpers (`__name`) the page does not have.
const observers = `(() => {
  const m = { firstScreen: null, lcp: 0, cls: 0 };
  window.__kgMetrics = m;
  const check = () => {
    if (m.firstScreen === null && document.querySelector('#root h1')) m.firstScreen = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) m.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

/**
 * Installs the observers in every page of `context` before any of its scripts run. React commits a screen in
 * one go with its handlers attached, so the first `h1` in #root is the first screen the user can act on.
 */
export async function observePages(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: observers });
}

/** Waits for the first screen and returns the page's figures at that moment. */
export async function firstScreen(page: Page, timeoutMs = 60_000): Promise<PageMetrics> {
  await page.waitForFunction(() => window.__kgMetrics?.firstScreen != null, null, { timeout: timeoutMs });
  // LCP is final once the page stops painting new content; a moment after the first screen is enough here.
  await page.waitForTimeout(500);
  return page.evaluate(() => ({ ...window.__kgMetrics! }));
}

/** The service worker controls the page: the shell precache is on the device. */
export function shellCached(page: Page, timeoutMs = 120_000) {
  return page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
    timeout: timeoutMs,
  });
}

/** The background tier (network data, planner worker, MapLibre) is on the device too: offline-complete. */
export function backgroundTierCached(page: Page, timeoutMs = 180_000) {
  return page.waitForFunction(() => document.documentElement.dataset.backgroundTier === 'cached', null, {
    timeout: timeoutMs,
  });
}

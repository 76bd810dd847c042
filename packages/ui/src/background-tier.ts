/**
 * The second precache tier. The service worker installs with the shell only, so the first visit waits for
 * nothing else; once the first screen is idle and the worker controls the page, this fetches the files the
 * build listed in background-tier.json (network data, the planner worker, MapLibre — packages/app-config), one
 * at a time at low priority, and the worker keeps each one (its background cache). After that the app works
 * offline in full. `data-background-tier` on <html> says how far it got: `fetching`, then `cached` or `failed`.
 */
const LIST = 'background-tier.json';

interface TierList {
  files: { url: string; size: number }[];
}

const whenIdle = () =>
  new Promise<void>((resolve) =>
    'requestIdleCallback' in globalThis
      ? requestIdleCallback(() => resolve(), { timeout: 5000 })
      : setTimeout(resolve, 1000),
  );

/**
 * Until the app's own worker (`sw.js` under its base, as vite-plugin-pwa writes it) controls the page: on
 * /driver/ the rider's worker (scope /) may control it first, and its caches are not the driver app's.
 */
async function controlled(base: string, container: ServiceWorkerContainer): Promise<void> {
  const own = new URL(`${base}sw.js`, location.href).href;
  // The first install claims the page (clientsClaim) right after activating.
  while (container.controller?.scriptURL !== own)
    await new Promise((resolve) => container.addEventListener('controllerchange', resolve, { once: true }));
}

async function fetchTier(base: string, container: ServiceWorkerContainer): Promise<void> {
  await controlled(base, container);
  await whenIdle();
  const mark = (state: string) => {
    document.documentElement.dataset.backgroundTier = state;
  };
  mark('fetching');
  try {
    // The worker answers it network first (packages/app-config), so a visit offline reads the device's copy.
    const res = await fetch(`${base}${LIST}`);
    if (!res.ok) throw new Error(`${LIST}: HTTP ${res.status}`);
    const { files } = (await res.json()) as TierList;
    for (const file of files) {
      const got = await fetch(`${base}${file.url}`, { priority: 'low' });
      if (!got.ok) throw new Error(`${file.url}: HTTP ${got.status}`);
      // Read to the end so the worker's copy is complete before the next one starts.
      await got.arrayBuffer();
    }
    mark('cached');
  } catch {
    // Offline or interrupted: the next visit tries again, and each file is also cached when first used.
    mark('failed');
  }
}

/** Starts the background tier for the app served at `base`; nothing happens without a service worker. */
export function fetchBackgroundTierWhenIdle(base: string): void {
  const container = globalThis.navigator?.serviceWorker;
  if (container) void fetchTier(base, container);
}

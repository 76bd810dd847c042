import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VitePWAOptions } from 'vite-plugin-pwa';

type ManifestTransform = NonNullable<NonNullable<VitePWAOptions['workbox']>['manifestTransforms']>[number];

/** The list the page reads once its first screen is idle (packages/ui background-tier.ts fetches it). */
export const BACKGROUND_TIER_FILE = 'background-tier.json';

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Built files (paths relative to the app's output, as regular-expression sources) that stay out of the install
 * precache: the first visit installs the shell only, and the page fetches these once idle.
 */
export function backgroundMatcher(sources: string[]): RegExp {
  return new RegExp(`^(?:${sources.join('|')})$`);
}

/** What the service worker caches (stale-while-revalidate) when the page or a screen fetches a background file. */
export function backgroundRoute(base: string, sources: string[]): RegExp {
  return new RegExp(`^https?://[^/]+${escapeRe(base)}(?:${sources.join('|')})(?:\\?.*)?$`);
}

/**
 * Takes the background files out of Workbox's precache manifest and writes them, with their sizes, to
 * background-tier.json in the output folder, so the tier always names the files of this very build.
 */
export function splitBackgroundTier(sources: string[], outDir: () => string): ManifestTransform {
  const inBackground = backgroundMatcher(sources);
  return async (entries) => {
    const background = entries.filter((e) => inBackground.test(e.url));
    const manifest = entries.filter((e) => !inBackground.test(e.url));
    const list = { files: background.map((e) => ({ url: e.url, size: e.size })) };
    writeFileSync(join(outDir(), BACKGROUND_TIER_FILE), `${JSON.stringify(list)}\n`);
    return { manifest, warnings: [] };
  };
}

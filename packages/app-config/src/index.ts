import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { ProxyOptions, UserConfig } from 'vite';
import { type ManifestOptions, VitePWA } from 'vite-plugin-pwa';
import { BACKGROUND_TIER_FILE, backgroundRoute, splitBackgroundTier } from './background-tier';
import { sharedIndexHtml } from './index-html';

export interface AppOptions {
  /** rider, driver or admin: the page's data-app and the background cache's name. */
  app: string;
  /** Where the server serves the app; the service worker's scope. */
  base: string;
  name: string;
  shortName: string;
  description: string;
  themeColor: string;
  orientation?: ManifestOptions['orientation'];
  /** Built files precached at install (Workbox globs); the shell. */
  precache: string[];
  /** Built files (regular-expression sources relative to the output) fetched once the first screen is idle. */
  background: string[];
  /** Never cached at all (Workbox globs). */
  ignore?: string[];
  /** Scripts the service worker imports (public/). */
  importScripts?: string[];
  /** Navigations the service worker answers with the app's page; the rest go to the network. */
  navigation: { allow: RegExp[] } | { deny: RegExp[] };
  devPort: number;
  previewPort: number;
  /** Server paths the dev server forwards to the sync server. */
  proxy: Record<string, string | ProxyOptions>;
  extra?: Pick<UserConfig, 'worker'>;
}

// Preact's React compatibility layer instead of react-dom: ~5 KB instead of ~58 KB (brotli) before the first
// paint on a cheap phone over 3G (docs/architecture.md, "Bytes before the first paint").
const preact = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));
const reactToPreact = [
  { find: /^react-dom\/client$/, replacement: preact('preact/compat/client') },
  { find: /^react(?:-dom)?$/, replacement: preact('preact/compat') },
  { find: /^react\/jsx-(?:dev-)?runtime$/, replacement: preact('preact/compat/jsx-runtime') },
];

const icons: ManifestOptions['icons'] = [
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
  { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

/** The Vite configuration of one KigaliGo PWA: its page, manifest, two-tier precache and dev proxy. */
export function kigaligoApp(o: AppOptions): UserConfig {
  let outDir = '';
  return {
    base: o.base,
    resolve: { alias: reactToPreact },
    publicDir: '../../public',
    ...o.extra,
    plugins: [
      react(),
      sharedIndexHtml({ app: o.app, title: o.name, description: o.description, themeColor: o.themeColor }),
      {
        name: 'kigaligo:out-dir',
        configResolved(config) {
          outDir = config.build.outDir;
        },
      },
      VitePWA({
        registerType: 'prompt',
        // The icons are already in the precache through globPatterns (publicDir); listing them twice is noise.
        includeManifestIcons: false,
        manifest: {
          id: o.base,
          name: o.name,
          short_name: o.shortName,
          description: o.description,
          start_url: o.base,
          scope: o.base,
          display: 'standalone',
          ...(o.orientation ? { orientation: o.orientation } : {}),
          theme_color: o.themeColor,
          background_color: '#f4f7f5',
          lang: 'en',
          icons,
        },
        workbox: {
          globPatterns: o.precache,
          // The vector basemap's glyphs and sprites are fetched only when one is configured (map-setup.ts).
          globIgnores: ['map/basemap/**', ...(o.ignore ?? [])],
          // Installing waits for the shell only; the background tier follows once the first screen is idle.
          manifestTransforms: [splitBackgroundTier(o.background, () => outDir)],
          runtimeCaching: [
            {
              // The list itself: fresh when online, the device's copy offline (so a reload offline finds the
              // tier complete on the device).
              urlPattern: backgroundRoute(o.base, [BACKGROUND_TIER_FILE.replace('.', '\\.')]),
              handler: 'NetworkFirst',
              options: { cacheName: `kigaligo-${o.app}-background` },
            },
            {
              urlPattern: backgroundRoute(o.base, o.background),
              // Hashed files never change and the network data is small and revalidated: the copy answers at
              // once, offline too, and a newer one replaces it for next time.
              handler: 'StaleWhileRevalidate',
              options: { cacheName: `kigaligo-${o.app}-background` },
            },
          ],
          ...(o.importScripts ? { importScripts: o.importScripts } : {}),
          navigateFallback: 'index.html',
          ...('allow' in o.navigation
            ? { navigateFallbackAllowlist: o.navigation.allow }
            : { navigateFallbackDenylist: o.navigation.deny }),
          // The first install takes control at once so the app works offline from the first visit; later
          // versions wait for the "Reload" prompt.
          clientsClaim: true,
          cleanupOutdatedCaches: true,
        },
      }),
    ],
    server: { port: o.devPort, proxy: o.proxy },
    preview: { port: o.previewPort },
  };
}

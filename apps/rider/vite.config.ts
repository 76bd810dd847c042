import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The rider app owns the origin's root, so its service worker (scope `/`) would otherwise answer navigations
// for the other apps and the server: those must always go to the network.
const base = '/';
const themeColor = '#0b6e4f';

// Preact's React compatibility layer instead of react-dom: ~5 KB instead of ~58 KB (brotli) before the first
// paint on a cheap phone over 3G (docs/architecture.md, "Bytes before the first paint").
const preact = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));
const reactToPreact = [
  { find: /^react-dom\/client$/, replacement: preact('preact/compat/client') },
  { find: /^react(?:-dom)?$/, replacement: preact('preact/compat') },
  { find: /^react\/jsx-(?:dev-)?runtime$/, replacement: preact('preact/compat/jsx-runtime') },
];

export default defineConfig({
  base,
  resolve: { alias: reactToPreact },
  // The planner worker imports the planner (and zod): ES module workers allow code splitting.
  worker: { format: 'es' },
  publicDir: '../../public',
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      // The icons are already in the precache through globPatterns (publicDir); listing them twice is noise.
      includeManifestIcons: false,
      manifest: {
        id: base,
        name: 'KigaliGo',
        short_name: 'KigaliGo',
        description: 'Moto, taxi and bus trips across Kigali — works offline.',
        start_url: base,
        scope: base,
        display: 'standalone',
        orientation: 'portrait',
        theme_color: themeColor,
        background_color: '#f4f7f5',
        lang: 'en',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The network bundle, the places and the map style are what offline planning runs on (~260 KiB).
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest}', 'network/*.json', 'map/*.json'],
        // The vector basemap's glyphs and sprites are fetched only when one is configured (map-setup.ts).
        globIgnores: ['map/basemap/**'],
        // Shows FCM web pushes (the app registers with FCM without the Firebase SDK; see public/push-handler.js);
        // keeps the map's tiles, seen and saved, for offline use (public/map-tiles-sw.js).
        importScripts: ['push-handler.js', 'map-tiles-sw.js'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [
          /^\/driver(\/|$)/,
          /^\/admin(\/|$)/,
          /^\/api(\/|$)/,
          /^\/sync(\/|$)/,
          /^\/live/,
        ],
        // The first install takes control at once so the app works offline from the first visit; later
        // versions wait for the "Reload" prompt.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:8080', '/sync': { target: 'ws://localhost:8080', ws: true } },
  },
  preview: { port: 4173 },
});

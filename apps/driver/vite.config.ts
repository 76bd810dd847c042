import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// Served under /driver/ by the server; its service worker is scoped there and precaches only the driver app.
const base = '/driver/';
const themeColor = '#0f4c5c';

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
  publicDir: '../../public',
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      // The icons are already in the precache through globPatterns (publicDir); listing them twice is noise.
      includeManifestIcons: false,
      manifest: {
        id: base,
        name: 'KigaliGo Driver',
        short_name: 'KG Driver',
        description: 'KigaliGo for drivers: your shift and profile, even offline.',
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
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest}'],
        // The ride's map (MapLibre, ≈1 MB) loads when a ride is accepted, never into the offline cache; the vector
        // basemap's glyphs and sprites are fetched only when one is configured (map-setup.ts).
        globIgnores: ['**/assets/trip-map-*', '**/assets/maplibre-loader-*', 'map/basemap/**'],
        // Keeps the map's tiles, seen and saved, for offline use (public/map-tiles-sw.js).
        importScripts: ['map-tiles-sw.js'],
        navigateFallback: 'index.html',
        navigateFallbackAllowlist: [/^\/driver\//],
        // The first install takes control at once so the app works offline from the first visit; later
        // versions wait for the "Reload" prompt.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: {
    port: 5174,
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
      '/live': { target: 'ws://localhost:8080', ws: true },
    },
  },
  preview: { port: 4174 },
});

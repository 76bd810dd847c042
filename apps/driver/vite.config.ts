import { kigaligoApp } from '@kigaligo/app-config';
import { defineConfig } from 'vite';

export default defineConfig(
  kigaligoApp({
    app: 'driver',
    // Served under /driver/ by the server; its service worker is scoped there and precaches only the driver app.
    base: '/driver/',
    name: 'KigaliGo Driver',
    shortName: 'KG Driver',
    description: 'KigaliGo for drivers: your shift and profile, even offline.',
    themeColor: '#0f4c5c',
    orientation: 'portrait',
    precache: ['**/*.{js,css,html,png,svg,ico,webmanifest}'],
    // The ride's map (MapLibre, ≈1 MB) loads when a ride is accepted; it is fetched once the first screen is
    // idle so an accepted ride shows its map offline too.
    background: ['assets/trip-map-[^/]+\\.(?:js|css)', 'assets/maplibre-[^/]+\\.(?:js|css)'],
    // Keeps the map's tiles, seen and saved, for offline use (public/map-tiles-sw.js).
    importScripts: ['map-tiles-sw.js'],
    navigation: { allow: [/^\/driver\//] },
    devPort: 5174,
    previewPort: 4174,
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
      '/live': { target: 'ws://localhost:8080', ws: true },
    },
  }),
);

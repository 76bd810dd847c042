import { kigaligoApp } from '@kigaligo/app-config';
import { defineConfig } from 'vite';

export default defineConfig(
  kigaligoApp({
    app: 'rider',
    // The rider app owns the origin's root, so its service worker (scope `/`) would otherwise answer
    // navigations for the other apps and the server: those must always go to the network.
    base: '/',
    name: 'KigaliGo',
    shortName: 'KigaliGo',
    description: 'Moto, taxi and bus trips across Kigali — works offline.',
    themeColor: '#0b6e4f',
    orientation: 'portrait',
    precache: ['**/*.{js,css,html,png,svg,ico,webmanifest}', 'network/*.json', 'map/*.json'],
    // What offline planning and the maps run on, fetched once the first screen is idle: the network bundle, the
    // places, the map style, the planner worker and MapLibre (≈1 MB).
    background: [
      'network/[^/]+\\.json',
      'map/[^/]+\\.json',
      'assets/planner\\.worker-[^/]+\\.js',
      'assets/maplibre-[^/]+\\.(?:js|css)',
    ],
    // Shows FCM web pushes (the page registers with the Firebase JS SDK; see public/push-handler.js);
    // keeps the map's tiles, seen and saved, for offline use (public/map-tiles-sw.js).
    importScripts: ['push-handler.js', 'map-tiles-sw.js'],
    navigation: { deny: [/^\/driver(\/|$)/, /^\/admin(\/|$)/, /^\/api(\/|$)/, /^\/sync(\/|$)/, /^\/live/] },
    devPort: 5173,
    previewPort: 4173,
    proxy: { '/api': 'http://localhost:8080', '/sync': { target: 'ws://localhost:8080', ws: true } },
    // The planner worker imports the planner (and zod): ES module workers allow code splitting.
    extra: { worker: { format: 'es' } },
  }),
);

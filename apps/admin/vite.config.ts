import { kigaligoApp } from '@kigaligo/app-config';
import { defineConfig } from 'vite';

export default defineConfig(
  kigaligoApp({
    app: 'admin',
    // Served under /admin/ by the server; its service worker is scoped there and precaches only the admin console.
    base: '/admin/',
    name: 'KigaliGo Admin',
    shortName: 'KG Admin',
    description: 'KigaliGo admin console: accounts, drivers and system status.',
    themeColor: '#1f3a4d',
    precache: ['**/*.{js,css,html,png,svg,ico,webmanifest}'],
    // The maps of reports and vehicles load MapLibre (≈1 MB) when opened; fetched once the first screen is idle.
    background: ['assets/maplibre-[^/]+\\.(?:js|css)'],
    navigation: { allow: [/^\/admin\//] },
    devPort: 5175,
    previewPort: 4175,
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
      '/live': { target: 'ws://localhost:8080', ws: true },
    },
  }),
);

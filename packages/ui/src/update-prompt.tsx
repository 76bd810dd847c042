// A subpath of its own (`@kigaligo/ui/update-prompt`), not in the barrel: the virtual module exists only inside an
// app's Vite build with vite-plugin-pwa, so unit tests importing `@kigaligo/ui` must not pull it in.
import { useRegisterSW } from 'virtual:pwa-register/react';
import { reloadOnControllerChange, UpdateBanner } from './components/update-banner';

const HOUR = 60 * 60 * 1000;

/** Shows "A new version is ready — Reload" when a new service worker waits; checks hourly for one. */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // An installed app can stay open for days: look for a new version every hour (fails quietly offline).
      if (registration) setInterval(() => registration.update().catch(() => {}), HOUR);
    },
  });
  const reload = () => {
    reloadOnControllerChange();
    void updateServiceWorker(true);
  };
  return needRefresh ? <UpdateBanner onReload={reload} /> : null;
}

import { useRegisterSW } from 'virtual:pwa-register/react';
import { reloadOnControllerChange, UpdateBanner } from '@kigaligo/ui';

const HOUR = 60 * 60 * 1000;

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

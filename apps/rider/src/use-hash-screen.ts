import { useCallback, useSyncExternalStore } from 'react';

export type Screen = 'home' | 'plan';

const read = (): Screen => (location.hash === '#/plan' ? 'plan' : 'home');
const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** The signed-in screen lives in the URL hash, so a reload (offline too) and the back button keep it. */
export function useHashScreen(): [Screen, (s: Screen) => void] {
  const screen = useSyncExternalStore(subscribe, read, read);
  const go = useCallback((s: Screen) => {
    if (s === 'home' && location.hash === '#/plan' && history.state?.kgPlan) history.back();
    else location.hash = s === 'plan' ? '#/plan' : '';
    if (s === 'plan') history.replaceState({ kgPlan: true }, '');
  }, []);
  return [screen, go];
}

import { useSyncExternalStore } from 'react';
import type { Session } from '../session-store';
import { useClient } from './client-context';

/** The signed-in session (from device storage, so it is there offline), or null when signed out. */
export function useSession(): Session | null {
  const { session } = useClient();
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

/** True while the API is reachable: browser online and the last request did not fail at the network level. */
export function useOnline(): boolean {
  const { connectivity } = useClient();
  return useSyncExternalStore(connectivity.subscribe, connectivity.isOnline, () => true);
}

import { useEffect } from 'react';
import { useClient } from './client-context';
import { useOnline } from './use-session';

/**
 * Refreshes the signed-in profile when a signed-in screen opens and whenever the connection comes back, so a
 * renamed or suspended account reaches a device that was offline. Failures leave the cached profile in place.
 */
export function useProfileSync(): void {
  const { auth } = useClient();
  const online = useOnline();
  useEffect(() => {
    if (online) auth.refreshProfile().catch(() => {});
  }, [auth, online]);
}

import { type SessionInfo, sessionInfo } from '@kigaligo/domain';
import { useCallback, useState } from 'react';
import { z } from 'zod';
import { useClient } from './client-context';
import { useApiQuery } from './use-api-query';

const PATH = '/api/me/sessions';
const sessionList = z.object({ sessions: z.array(sessionInfo) }).transform((r) => r.sessions);

/** The account's signed-in devices: end one, end all (this one too), change the password. */
export function useSessions() {
  const { api, auth } = useClient();
  const query = useApiQuery<SessionInfo[]>('sessions', PATH, sessionList);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }, []);
  const end = useCallback(
    (id: string) =>
      run(async () => {
        await api.request(`${PATH}/${id}`, { method: 'DELETE' });
        await query.reload();
      }),
    [api, query.reload, run],
  );
  const endEverywhere = useCallback(
    () =>
      run(async () => {
        await api.request(PATH, { method: 'DELETE' });
        // This device's session ended with the others: sign out here as well.
        await auth.logout();
      }),
    [api, auth, run],
  );
  const changePassword = useCallback(
    (currentPassword: string, newPassword: string) =>
      run(async () => {
        await api.request('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
        await query.reload();
      }),
    [api, query.reload, run],
  );
  return {
    sessions: query.data,
    loading: query.loading,
    loadError: query.error,
    busy,
    end,
    endEverywhere,
    changePassword,
  };
}

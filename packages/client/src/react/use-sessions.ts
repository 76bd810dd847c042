import { type SessionInfo, sessionInfo } from '@kigaligo/domain';
import { useCallback, useState } from 'react';
import { z } from 'zod';
import { apiGet, apiRequest } from '../api-routes';
import { useClient } from './client-context';
import { useApiQuery } from './use-api-query';

const sessionList = z.object({ sessions: z.array(sessionInfo) }).transform((r) => r.sessions);

/** The account's signed-in devices: end one, end all (this one too), change the password. */
export function useSessions() {
  const { api, auth } = useClient();
  const query = useApiQuery<SessionInfo[]>('sessions', apiGet('/api/me/sessions'), sessionList);
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
        await api.request(apiRequest('delete', '/api/me/sessions/{id}', { path: { id } }));
        await query.reload();
      }),
    [api, query.reload, run],
  );
  const endEverywhere = useCallback(
    () =>
      run(async () => {
        await api.request(apiRequest('delete', '/api/me/sessions'));
        // This device's session ended with the others: sign out here as well.
        await auth.logout();
      }),
    [api, auth, run],
  );
  const changePassword = useCallback(
    (currentPassword: string, newPassword: string) =>
      run(async () => {
        await api.request(
          apiRequest('post', '/api/auth/password', { body: { currentPassword, newPassword } }),
        );
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

import {
  type MfaStatus,
  mfaStatus,
  passkeyAdded,
  passkeyCeremony,
  recoveryCodes,
  type TotpEnrolment,
  totpEnrolment,
} from '@kigaligo/domain';
import { useCallback } from 'react';
import { apiGet, apiRequest } from '../api-routes';
import { createPasskey } from '../passkey-ceremony';
import { useClient } from './client-context';
import { useApiQuery } from './use-api-query';

/**
 * The caller's second factors (`/api/me/mfa`, `/api/me/passkeys`): set up an authenticator app, confirm it (which
 * answers the recovery codes, shown once), add or remove passkeys, replace the codes or turn the app off (removing
 * and turning off ask for the password again).
 */
export function useMfa() {
  const { api, session } = useClient();
  const query = useApiQuery<MfaStatus>('mfa', apiGet('/api/me/mfa'), mfaStatus);
  const { reload } = query;
  const start = useCallback(
    (): Promise<TotpEnrolment> =>
      api.request(apiRequest('post', '/api/me/mfa/totp'), { schema: totpEnrolment }),
    [api],
  );
  const confirm = useCallback(
    async (code: string): Promise<string[]> => {
      const { codes } = await api.request(
        apiRequest('post', '/api/me/mfa/totp/confirm', { body: { code } }),
        {
          schema: recoveryCodes,
        },
      );
      await reload();
      return codes;
    },
    [api, reload],
  );
  const regenerate = useCallback(
    async (password: string): Promise<string[]> => {
      const { codes } = await api.request(
        apiRequest('post', '/api/me/mfa/recovery-codes', { body: { password } }),
        { schema: recoveryCodes },
      );
      await reload();
      return codes;
    },
    [api, reload],
  );
  const disable = useCallback(
    async (password: string) => {
      await api.request(apiRequest('post', '/api/me/mfa/totp/disable', { body: { password } }));
      await reload();
    },
    [api, reload],
  );
  /**
   * Adds a passkey made by this device's passkey prompt (`PasskeyCancelledError` if it is closed). Answers the
   * recovery codes when this is the account's first factor, else null.
   */
  const addPasskey = useCallback(async (): Promise<string[] | null> => {
    const { challengeToken, options } = await api.request(apiRequest('post', '/api/me/passkeys/options'), {
      schema: passkeyCeremony,
    });
    const credential = await createPasskey(options);
    const added = await api.request(
      apiRequest('post', '/api/me/passkeys', { body: { challengeToken, credential } }),
      { schema: passkeyAdded },
    );
    await reload();
    return added.recoveryCodes;
  }, [api, reload]);
  const removePasskey = useCallback(
    async (id: string, password: string) => {
      await api.request(
        apiRequest('post', '/api/me/passkeys/{id}/remove', { path: { id }, body: { password } }),
      );
      await reload();
    },
    [api, reload],
  );
  /**
   * After enrolling under ADMIN_MFA=required the session still holds an enrolment-only token: a refresh swaps
   * it for a full one (the server decides at every issue), which lets the app out of the enrolment screen.
   */
  const finishEnrolment = useCallback(async () => {
    const current = session.get();
    if (current?.mfaEnrolmentRequired) await api.refreshAccessToken(current.accessToken);
  }, [api, session]);
  return {
    status: query.data,
    loading: query.loading,
    loadError: query.error,
    start,
    confirm,
    regenerate,
    disable,
    addPasskey,
    removePasskey,
    finishEnrolment,
  };
}

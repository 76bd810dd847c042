import {
  type AuthResponse,
  authResponse,
  type LoginInput,
  loginResponse,
  type MfaChallenge,
  type PasskeyOptions,
  passkeyCeremony,
  type RegisterInput,
  type Role,
  user,
} from '@kigaligo/domain';
import { z } from 'zod';
import type { ApiClient } from './api-client';
import { NetworkError, WrongRoleError } from './api-error';
import { apiGet, apiRequest } from './api-routes';
import { signWithPasskey } from './passkey-ceremony';
import { type SessionStore, sessionFromAuth } from './session-store';

/**
 * The second step of sign-in: a code from the authenticator app, one recovery code, or a passkey (the challenge's
 * `passkey` options, which the browser's passkey prompt signs).
 */
export type MfaAnswer = { code: string } | { recoveryCode: string } | { passkey: PasskeyOptions };

export interface Auth {
  /** Signs in, or answers the challenge to pass to `answerMfa` when the account has a second factor. */
  login(input: LoginInput): Promise<MfaChallenge | null>;
  answerMfa(challengeToken: string, answer: MfaAnswer): Promise<void>;
  /** Signs in with a passkey on this device, no email or password (`PasskeyCancelledError` if the prompt is closed). */
  signInWithPasskey(): Promise<void>;
  /**
   * Finishes a sign-in with an identity provider: exchanges the single-use code the server put in the URL hash,
   * like `login` (a challenge when the account has a second factor).
   */
  signInWithCode(code: string): Promise<MfaChallenge | null>;
  /** Riders sign themselves up; drivers and admins are created by an admin. */
  register(input: RegisterInput): Promise<void>;
  logout(): Promise<void>;
  /** Re-reads the profile from the server so name or suspension changes reach the device. */
  refreshProfile(): Promise<void>;
  /** Asks for a reset link by email, to open in this app. The answer is the same whether or not the account exists. */
  requestPasswordReset(email: string): Promise<void>;
  /** Sets a new password with the token of a reset link; every session of the account ends. */
  confirmPasswordReset(token: string, newPassword: string): Promise<void>;
}

const meResponse = z.object({ user });

export function createAuth(api: ApiClient, store: SessionStore, role: Role, onSignOut: () => void): Auth {
  async function revoke(refreshToken: string) {
    // Best effort: offline sign-out must still sign the device out, the token then simply expires.
    await api
      .request(apiRequest('post', '/api/auth/logout', { body: { refreshToken } }), { auth: false })
      .catch(() => {});
  }

  async function accept(res: AuthResponse) {
    if (res.user.role !== role) {
      // Do not leave a live session for the wrong app behind on the server.
      await revoke(res.refreshToken);
      throw new WrongRoleError(res.user.role, role);
    }
    store.set(sessionFromAuth(res));
  }

  return {
    async login(input) {
      const body = { email: input.email, password: input.password };
      const res = await api.request(apiRequest('post', '/api/auth/login', { body }), {
        auth: false,
        schema: loginResponse,
      });
      if ('mfaRequired' in res) return res;
      await accept(res);
      return null;
    },
    async signInWithCode(code) {
      const res = await api.request(apiRequest('post', '/api/auth/oidc/exchange', { body: { code } }), {
        auth: false,
        schema: loginResponse,
      });
      if ('mfaRequired' in res) return res;
      await accept(res);
      return null;
    },
    async answerMfa(challengeToken, answer) {
      const body =
        'passkey' in answer
          ? { challengeToken, passkey: await signWithPasskey(answer.passkey) }
          : { challengeToken, ...answer };
      await accept(
        await api.request(apiRequest('post', '/api/auth/mfa', { body }), {
          auth: false,
          schema: authResponse,
        }),
      );
    },
    async signInWithPasskey() {
      const { challengeToken, options } = await api.request(apiRequest('post', '/api/auth/passkey/options'), {
        auth: false,
        schema: passkeyCeremony,
      });
      const credential = await signWithPasskey(options);
      await accept(
        await api.request(apiRequest('post', '/api/auth/passkey', { body: { challengeToken, credential } }), {
          auth: false,
          schema: authResponse,
        }),
      );
    },
    async register(input) {
      await accept(
        await api.request(apiRequest('post', '/api/auth/register', { body: input }), {
          auth: false,
          schema: authResponse,
        }),
      );
    },
    async logout() {
      const session = store.get();
      store.set(null);
      onSignOut();
      if (session) await revoke(session.refreshToken);
    },
    async requestPasswordReset(email) {
      await api.request(apiRequest('post', '/api/auth/password-reset', { body: { email, app: role } }), {
        auth: false,
      });
    },
    async confirmPasswordReset(token, newPassword) {
      await api.request(
        apiRequest('post', '/api/auth/password-reset/confirm', { body: { token, newPassword } }),
        { auth: false },
      );
    },
    async refreshProfile() {
      try {
        const { user: fresh } = await api.request(apiGet('/api/me'), { schema: meResponse });
        const session = store.get();
        if (!session) return;
        if (fresh.suspended || fresh.role !== role) {
          store.set(null);
          onSignOut();
          return;
        }
        store.set({ ...session, user: fresh });
      } catch (err) {
        // Offline is normal for this app: keep showing the cached profile.
        if (!(err instanceof NetworkError)) throw err;
      }
    },
  };
}

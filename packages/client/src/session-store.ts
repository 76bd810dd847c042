import { type AuthResponse, type Role, user } from '@kigaligo/domain';
import { z } from 'zod';

/** What the device keeps so the app can open signed in while offline. */
export const storedSession = z.object({
  user,
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Epoch milliseconds at which the access token expires (device clock). */
  expiresAt: z.number(),
  /** An admin who must set up a second factor (ADMIN_MFA=required): the app shows only the enrolment screen. */
  mfaEnrolmentRequired: z.boolean().optional(),
});
export type Session = z.infer<typeof storedSession>;

export interface SessionStore {
  get(): Session | null;
  set(session: Session | null): void;
  subscribe(listener: () => void): () => void;
}

export function sessionFromAuth(res: AuthResponse, now = Date.now()): Session {
  return {
    user: res.user,
    accessToken: res.accessToken,
    refreshToken: res.refreshToken,
    expiresAt: now + res.expiresIn * 1000,
    ...(res.mfaEnrolmentRequired ? { mfaEnrolmentRequired: true } : {}),
  };
}

export interface SessionStoreOptions {
  /** The three apps share one origin, so each keeps its own key and its own session. */
  key: string;
  role: Role;
  storage?: Storage | undefined;
}

export function createSessionStore({ key, role, storage = globalThis.localStorage }: SessionStoreOptions) {
  const listeners = new Set<() => void>();
  const read = (): Session | null => {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    try {
      const parsed = storedSession.safeParse(JSON.parse(raw));
      // A session for another role never opens this app, even if storage was tampered with.
      return parsed.success && parsed.data.user.role === role ? parsed.data : null;
    } catch {
      return null;
    }
  };
  let current = read();
  const notify = () => {
    for (const l of listeners) l();
  };

  // Another tab signing in, refreshing or signing out writes the same key; follow it so tabs agree.
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (e) => {
      if (e.key !== key) return;
      current = read();
      notify();
    });
  }

  const store: SessionStore = {
    get: () => current,
    set(session) {
      current = session;
      if (session) storage?.setItem(key, JSON.stringify(session));
      else storage?.removeItem(key);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}

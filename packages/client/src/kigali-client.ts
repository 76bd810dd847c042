import type { Role } from '@kigaligo/domain';
import { type ApiClient, createApiClient } from './api-client';
import { type Auth, createAuth } from './auth';
import { type Connectivity, createConnectivity } from './connectivity';
import { createQueryCache, type QueryCache } from './query-cache';
import { createSessionStore, type SessionStore } from './session-store';

/** Everything an app needs to talk to the server, created once per app at start-up. */
export interface KigaliClient {
  role: Role;
  /** API origin, empty for same origin; the sync WebSocket is derived from it. */
  baseUrl: string;
  api: ApiClient;
  auth: Auth;
  session: SessionStore;
  connectivity: Connectivity;
  cache: QueryCache;
}

export interface KigaliClientOptions {
  /** Which role this app serves; other roles are refused at sign-in. */
  role: Role;
  /** API origin; empty means same origin (the server serves the apps and the API together). */
  baseUrl?: string;
  storage?: Storage;
  fetch?: typeof fetch;
}

export function createKigaliClient({
  role,
  baseUrl = '',
  storage,
  fetch,
}: KigaliClientOptions): KigaliClient {
  const store = storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage);
  const doFetch = fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const session = createSessionStore({ key: `kigaligo.${role}.session`, role, storage: store });
  const connectivity = createConnectivity({
    probe: () =>
      doFetch(`${baseUrl}/api/health`, { cache: 'no-store' })
        .then((r) => r.ok)
        .catch(() => false),
  });
  const cache = createQueryCache(`kigaligo.${role}.cache.`, store);
  const api = createApiClient({
    baseUrl,
    store: session,
    connectivity,
    fetch: doFetch,
    lockName: `kigaligo-${role}-refresh`,
    defaultHeaders: { 'x-kigaligo-app': role },
  });
  // A refresh failure elsewhere also signs out; clear cached data whenever the session disappears.
  session.subscribe(() => {
    if (!session.get()) cache.clear();
  });
  const auth = createAuth(api, session, role, () => cache.clear());
  return { role, baseUrl, api, auth, session, connectivity, cache };
}

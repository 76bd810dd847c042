import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { KigaliClient } from '../kigali-client';
import { fetchSocketTicket } from '../sync/socket-ticket';
import type { SyncEngine } from '../sync/sync-engine';

const ClientContext = createContext<KigaliClient | null>(null);
const SyncEngineContext = createContext<SyncEngine | null>(null);

/** The sync WebSocket lives next to the API: `http(s)://host` → `ws(s)://host/sync`. */
export function syncServerUrl(baseUrl: string): string {
  const origin = baseUrl || globalThis.location?.origin || '';
  return `${origin.replace(/^http/, 'ws')}/sync`;
}

export function ClientProvider({ client, children }: { client: KigaliClient; children: ReactNode }) {
  const session = useSyncExternalStore(client.session.subscribe, client.session.get, client.session.get);
  const userId = session?.user.id ?? null;
  const [engine, setEngine] = useState<SyncEngine | null>(null);

  // One sync engine (and IndexedDB database) per signed-in user, gone when they sign out. Yjs and Dexie load
  // with it, after the first paint: the sign-in screen needs neither (docs/architecture.md).
  useEffect(() => {
    if (!userId) return;
    let next: SyncEngine | null = null;
    let gone = false;
    void import('../sync/sync-engine').then(({ SyncEngine }) => {
      if (gone) return;
      next = new SyncEngine({
        userId,
        serverUrl: syncServerUrl(client.baseUrl),
        getTicket: () => fetchSocketTicket(client.api, 'sync'),
      });
      setEngine(next);
    });
    return () => {
      gone = true;
      next?.destroy();
      setEngine(null);
    };
  }, [client, userId]);

  return (
    <ClientContext.Provider value={client}>
      <SyncEngineContext.Provider value={engine}>{children}</SyncEngineContext.Provider>
    </ClientContext.Provider>
  );
}

export function useClient(): KigaliClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientProvider>');
  return client;
}

/** The signed-in user's sync engine, or null while signed out (or for the first render after sign-in). */
export function useSyncEngine(): SyncEngine | null {
  return useContext(SyncEngineContext);
}

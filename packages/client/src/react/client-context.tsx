import { createContext, type ReactNode, useContext } from 'react';
import type { KigaliClient } from '../kigali-client';

const ClientContext = createContext<KigaliClient | null>(null);

export function ClientProvider({ client, children }: { client: KigaliClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): KigaliClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientProvider>');
  return client;
}

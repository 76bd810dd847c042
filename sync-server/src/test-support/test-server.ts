import type { AuthResponse } from '@kigaligo/domain';
import type { DbKind } from '../db/client';
import { demoAccounts } from '../seed/demo-data';
import { type RunningServer, type ServerOptions, startServer } from '../server';
import { createTestDatabaseUrl } from './test-databases';

/** A listening server on a free port and a fresh database of the given kind. */
export async function startTestServer(
  kind: DbKind,
  opts: Partial<ServerOptions> & { databaseUrl?: string } = {},
) {
  let drop = async () => {};
  let databaseUrl = opts.databaseUrl;
  if (kind === 'postgres' && !databaseUrl) {
    const created = await createTestDatabaseUrl();
    databaseUrl = created.url;
    drop = created.drop;
  }
  const server: RunningServer = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: 'memory://',
    seed: true,
    logLevel: 'silent',
    ...opts,
    databaseUrl,
  });

  async function login(email: string, password: string): Promise<AuthResponse> {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`login failed: ${res.status}`);
    return (await res.json()) as AuthResponse;
  }
  const loginAs = (role: 'rider' | 'driver' | 'admin') => {
    const a = demoAccounts.find((x) => x.role === role)!;
    return login(a.email, a.password);
  };
  async function register(email: string): Promise<AuthResponse> {
    const res = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'password-123', name: email.split('@')[0] }),
    });
    return (await res.json()) as AuthResponse;
  }

  return {
    server,
    databaseUrl,
    login,
    loginAs,
    register,
    async stop() {
      await server.close();
      await drop();
    },
  };
}

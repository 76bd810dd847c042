import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the provider says about a person who signs in with `login` (the account id). */
export interface ProviderAccount {
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

export const TEST_CLIENT = { clientId: 'kigaligo-test', clientSecret: 'a-test-client-secret-of-some-length' };

/**
 * A real OpenID Connect provider (oidc-provider, certified) on a free local port, with its development login and
 * consent pages: any login and password sign in as the account named by the login. For the apps' "Sign in with
 * …" tests; nothing leaves the machine.
 */
export async function startTestOidcProvider(
  redirectUris: string[],
  accounts: Record<string, ProviderAccount>,
) {
  // The issuer names the port, so the server listens first and the provider answers on it after.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['kigaligo-test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            ...(account.email
              ? { email: account.email, email_verified: account.emailVerified ?? false }
              : {}),
            ...(account.name ? { name: account.name } : {}),
          };
        },
      };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

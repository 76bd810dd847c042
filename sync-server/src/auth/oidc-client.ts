import * as oidc from 'openid-client';

/** OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and the provider's name on the sign-in button (OIDC_NAME). */
export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
}

/** What a sign-in started with, kept by the browser (a signed cookie) until the provider sends it back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
}

/** Who the provider says signed in. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
}

/** The provider's name for a button: OIDC_NAME, else Google for Google's issuer, else the issuer's host. */
export function providerName(issuer: string, name?: string): string {
  if (name) return name;
  const host = new URL(issuer).hostname;
  return host === 'accounts.google.com' ? 'Google' : host;
}

// Plain http only for a provider on this machine (development and tests); anywhere else it must be https.
const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * "Sign in with …" through openid-client: the authorization code flow with PKCE, state and nonce. The provider's
 * metadata is discovered on first use (and again after a failed discovery, e.g. the provider was unreachable).
 */
export class OidcClient {
  private config: Promise<oidc.Configuration> | undefined;

  constructor(readonly options: OidcOptions) {}

  private configuration(): Promise<oidc.Configuration> {
    const issuer = new URL(this.options.issuer);
    this.config ??= oidc
      .discovery(
        issuer,
        this.options.clientId,
        this.options.clientSecret,
        undefined,
        issuer.protocol === 'http:' && isLoopback(issuer)
          ? { execute: [oidc.allowInsecureRequests] }
          : undefined,
      )
      .catch((err: unknown) => {
        this.config = undefined;
        throw err;
      });
    return this.config;
  }

  /** Where to send the browser, and what to keep until it comes back to `redirectUri`. */
  async start(redirectUri: string): Promise<{ url: string; pending: PendingSignIn }> {
    const config = await this.configuration();
    const pending = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      redirectUri,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** Exchanges the code the provider sent back for a verified ID token; throws on any mismatch. */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<ProviderIdentity> {
    const config = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Many providers (Google among them) put email and name in the ID token; others answer them only at the
    // userinfo endpoint, checked to be about the same subject.
    const claims =
      typeof idToken.email === 'string'
        ? idToken
        : { ...idToken, ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)) };
    return {
      issuer: claims.iss,
      subject: claims.sub,
      ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
      // Only an explicit true counts: a provider that says nothing has not verified the address.
      emailVerified: claims.email_verified === true,
      ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    };
  }
}

import { loginResponse, oidcCodeInput } from '@kigaligo/domain';
import { type Context, Hono } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env';
import { startSession } from '../auth/auth-service';
import { relyingPartyFor } from '../auth/mfa/passkeys';
import { mfaChallengeFor } from '../auth/mfa/sign-in-step';
import { accountForIdentity } from '../auth/oidc-accounts';
import type { PendingSignIn } from '../auth/oidc-client';
import { DomainError } from '../domain-error';
import { documented } from '../http/api-docs';
import { publicOrigin } from '../http/public-origin';
import { jsonBody } from '../http/validate';
import { auditSignIn, sessionClient } from './auth';

/** Long enough for the app to load and exchange the code after the redirect, short enough to be useless leaked. */
export const SIGN_IN_CODE_TTL_SECONDS = 60;
/** The browser has this long at the provider (signing in, consenting) before the sign-in must start again. */
const PENDING_SECONDS = 10 * 60;
const COOKIE = 'kg_oidc';
const COOKIE_PATH = '/api/auth/oidc';

/** Riders sign in with a provider; the rider app owns the origin's root and reads the answer from the hash. */
const backToApp = (c: Context<AppEnv>, fragment: string) => c.redirect(`/#${fragment}`, 302);

/**
 * "Sign in with …" (OpenID Connect, riders only): `start` sends the browser to the provider, `callback` takes
 * it back, signs the rider in (or answers the MFA challenge of an account with a second factor) and hands the
 * answer to the app through a single-use code in the URL hash, which the app exchanges at `exchange`: tokens
 * never travel in a URL. The browser keeps state, nonce and PKCE verifier in a signed, http-only cookie.
 */
export const authOidcRoutes = new Hono<AppEnv>()
  .get(
    '/start',
    documented({
      summary: 'Start signing in with the identity provider (a browser navigation)',
      description:
        'Redirects to the provider (302). Not configured: 404 oidc_not_configured. The provider unreachable: back to the app with #oidc-error=provider_unavailable.',
      audience: 'public',
      ok: { 302: null },
      errors: [404],
    }),
    async (c) => {
      const { oidc, jwtSecret, logger } = c.var.deps;
      if (!oidc)
        throw new DomainError(
          'not_found',
          'oidc_not_configured',
          'Signing in with an identity provider is not configured',
        );
      const redirectUri = `${publicOrigin(c)}${COOKIE_PATH}/callback`;
      let started: Awaited<ReturnType<typeof oidc.start>>;
      try {
        started = await oidc.start(redirectUri);
      } catch (err) {
        logger.warn({ err }, 'identity provider discovery failed');
        return backToApp(c, 'oidc-error=provider_unavailable');
      }
      await setSignedCookie(c, COOKIE, JSON.stringify(started.pending), jwtSecret, {
        path: COOKIE_PATH,
        httpOnly: true,
        secure: redirectUri.startsWith('https:'),
        // Lax: the provider's redirect back is a top-level navigation, which carries it.
        sameSite: 'Lax',
        maxAge: PENDING_SECONDS,
      });
      return c.redirect(started.url, 302);
    },
  )
  .get(
    '/callback',
    documented({
      summary: 'Where the identity provider sends the browser back (a browser navigation)',
      description:
        'Redirects to the app with #oidc=<single-use code>, or #oidc-error=<reason>: expired, denied, failed, email_not_verified, staff_account, account_suspended.',
      audience: 'public',
      ok: { 302: null },
    }),
    async (c) => {
      const { oidc, jwtSecret, database, signInCodes, mfa, logger } = c.var.deps;
      const raw = await getSignedCookie(c, jwtSecret, COOKIE);
      deleteCookie(c, COOKIE, { path: COOKIE_PATH });
      if (!oidc || !raw) return backToApp(c, 'oidc-error=expired');
      if (c.req.query('error')) return backToApp(c, 'oidc-error=denied');
      const pending = JSON.parse(raw) as PendingSignIn;
      let identity: Awaited<ReturnType<typeof oidc.finish>>;
      try {
        const here = new URL(c.req.url);
        identity = await oidc.finish(new URL(`${pending.redirectUri}${here.search}`), pending);
      } catch (err) {
        logger.warn({ err }, 'identity provider sign-in failed');
        return backToApp(c, 'oidc-error=failed');
      }
      const outcome = await accountForIdentity(database.db, identity);
      if (outcome.kind === 'refused') return backToApp(c, `oidc-error=${outcome.reason}`);
      if (outcome.linked !== 'existing')
        await auditSignIn(c, outcome.row.id, 'auth.identity_linked', { issuer: identity.issuer });
      const answer =
        (await mfaChallengeFor(database.db, outcome.row.id, jwtSecret, relyingPartyFor(publicOrigin(c)))) ??
        (await startSession(database.db, jwtSecret, outcome.row, sessionClient(c), mfa));
      if ('accessToken' in answer) await auditSignIn(c, outcome.row.id, 'auth.signed_in', { via: 'oidc' });
      return backToApp(c, `oidc=${await signInCodes.issue(answer)}`);
    },
  )
  .post(
    '/exchange',
    documented({
      summary: 'Exchange the single-use code from a provider sign-in for the sign-in answer',
      description: 'Tokens, or an MFA challenge for an account with a second factor. 400 oidc_code_invalid.',
      audience: 'public',
      ok: { 200: loginResponse },
      errors: [400],
    }),
    jsonBody(oidcCodeInput),
    async (c) => {
      const answer = await c.var.deps.signInCodes.take(c.req.valid('json').code);
      if (!answer)
        throw new DomainError(
          'invalid',
          'oidc_code_invalid',
          'This sign-in link was used or has expired. Sign in again.',
        );
      return c.json(answer);
    },
  );

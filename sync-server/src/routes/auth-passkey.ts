import { authResponse, passkeyCeremony, passkeySignInInput } from '@kigaligo/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { startSession } from '../auth/auth-service';
import {
  MFA_CHALLENGE_TTL_SECONDS,
  signPasskeyChallenge,
  verifyPasskeyChallenge,
} from '../auth/mfa/challenge';
import { assertionOptions, relyingPartyFor, verifyPasskey } from '../auth/mfa/passkeys';
import { findUserById } from '../db/users';
import { tooManyRequests, unauthorized } from '../domain-error';
import { documented } from '../http/api-docs';
import { clientAddress } from '../http/client-address';
import { publicOrigin } from '../http/public-origin';
import { jsonBody } from '../http/validate';
import { auditSignIn, sessionClient } from './auth';

/**
 * Passwordless sign-in with a passkey (mounted at /api/auth/passkey). A discoverable passkey with user verification
 * is something the person has and something they are or know, so it signs in without a further factor.
 */
export const authPasskeyRoutes = new Hono<AppEnv>()
  .post(
    '/options',
    documented({
      summary: 'Start signing in with a passkey',
      description:
        'Options for `navigator.credentials.get()` (any passkey of this site on the device) and a token to send ' +
        'back with the signature within five minutes.',
      audience: 'public',
      ok: { 200: passkeyCeremony },
    }),
    async (c) => {
      const options = await assertionOptions(relyingPartyFor(publicOrigin(c)));
      const challengeToken = await signPasskeyChallenge(
        c.var.deps.jwtSecret,
        { purpose: 'sign_in' },
        options.challenge,
      );
      return c.json({ challengeToken, options });
    },
  )
  .post(
    '/',
    documented({
      summary: 'Sign in with a passkey',
      description:
        'The signature over the challenge from /options. An unknown passkey or a bad signature: 401 ' +
        'passkey_invalid; an expired or reused token: 401 passkey_challenge_invalid; a suspended account: 401 ' +
        'account_suspended. Failures are throttled per passkey and client like passwords (429).',
      audience: 'public',
      ok: { 200: authResponse },
      errors: [400, 401, 429],
    }),
    jsonBody(passkeySignInInput),
    async (c) => {
      const { challengeToken, credential } = c.req.valid('json');
      const { database, jwtSecret, authLimits, mfa } = c.var.deps;
      const ceremony = await verifyPasskeyChallenge(challengeToken, jwtSecret, { purpose: 'sign_in' });
      if (!ceremony) throw unauthorized('This sign-in has expired; try again', 'passkey_challenge_invalid');
      const limitKey = `passkey:${credential.id}`;
      const client = clientAddress(c);
      const wait = await authLimits.beforeLogin(limitKey, client);
      if (wait > 0) throw tooManyRequests(wait);
      // One session per challenge: a replayed signature mints nothing.
      if (!(await authLimits.claimChallenge(ceremony.challengeId, MFA_CHALLENGE_TTL_SECONDS)))
        throw unauthorized('This sign-in has expired; try again', 'passkey_challenge_invalid');
      const userId = await verifyPasskey(
        database.db,
        relyingPartyFor(publicOrigin(c)),
        ceremony.challenge,
        credential,
      );
      if (!userId) {
        await authLimits.loginFailed(limitKey, client);
        throw unauthorized('This passkey is not recognised here', 'passkey_invalid');
      }
      const row = await findUserById(database.db, userId);
      if (!row) throw unauthorized('This account no longer exists', 'invalid_token');
      if (row.suspended) throw unauthorized('This account is suspended', 'account_suspended');
      await authLimits.loginSucceeded(limitKey, client);
      const session = await startSession(database.db, jwtSecret, row, sessionClient(c), mfa);
      await auditSignIn(c, userId, 'auth.signed_in', { via: 'passkey' });
      return c.json(session);
    },
  );

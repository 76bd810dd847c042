import { authResponse, mfaVerifyInput } from '@kigaligo/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { startSession } from '../auth/auth-service';
import { MFA_CHALLENGE_TTL_SECONDS, verifyMfaChallenge } from '../auth/mfa/challenge';
import { relyingPartyFor, verifyPasskey } from '../auth/mfa/passkeys';
import { recoveryCodesLeft, useRecoveryCode } from '../auth/mfa/recovery-codes';
import { secretBox } from '../auth/mfa/secret-box';
import { checkTotp } from '../auth/mfa/totp';
import { findUserById } from '../db/users';
import { tooManyRequests, unauthorized } from '../domain-error';
import { documented } from '../http/api-docs';
import { clientAddress } from '../http/client-address';
import { publicOrigin } from '../http/public-origin';
import { jsonBody } from '../http/validate';
import { auditSignIn, sessionClient } from './auth';

/** The second step of sign-in (mounted at /api/auth/mfa): the challenge from /login plus a code → tokens. */
export const authMfaRoutes = new Hono<AppEnv>().post(
  '/',
  documented({
    summary: 'Answer a sign-in MFA challenge',
    description:
      'A six-digit authenticator code, a passkey’s signature over the challenge’s `passkey` options, or one ' +
      'unused recovery code. A wrong code or passkey: 401 wrong_code; ' +
      'an expired, forged or already answered challenge: 401 mfa_challenge_invalid (enter the password again).',
    audience: 'public',
    ok: { 200: authResponse },
    errors: [400, 401, 429],
  }),
  jsonBody(mfaVerifyInput),
  async (c) => {
    const body = c.req.valid('json');
    const { database, jwtSecret, authLimits, mfa } = c.var.deps;
    const challenge = await verifyMfaChallenge(body.challengeToken, jwtSecret);
    const expired = () =>
      unauthorized('This sign-in has expired; enter your password again', 'mfa_challenge_invalid');
    if (!challenge) throw expired();
    const { userId, challengeId, passkeyChallenge } = challenge;
    // Six digits are guessable without a limit: codes are throttled per (account, client) like passwords.
    const limitKey = `mfa:${userId}`;
    const client = clientAddress(c);
    const wait = await authLimits.beforeLogin(limitKey, client);
    if (wait > 0) throw tooManyRequests(wait);
    // One session per challenge: a copied or replayed challenge (with the next code) is refused.
    if (!(await authLimits.claimChallenge(challengeId, MFA_CHALLENGE_TTL_SECONDS))) throw expired();
    const row = await findUserById(database.db, userId);
    if (!row) throw unauthorized('This account no longer exists', 'invalid_token');
    if (row.suspended) throw unauthorized('This account is suspended', 'account_suspended');
    const method = 'code' in body ? 'totp' : 'passkey' in body ? 'passkey' : 'recovery_code';
    let accepted: boolean;
    if ('code' in body) {
      accepted = await checkTotp(database.db, secretBox(jwtSecret), userId, body.code, 'confirmed');
    } else if ('passkey' in body) {
      // Only a challenge issued while the account had passkeys names one to sign; only its own passkeys count.
      accepted =
        passkeyChallenge !== null &&
        (await verifyPasskey(
          database.db,
          relyingPartyFor(publicOrigin(c)),
          passkeyChallenge,
          body.passkey,
          userId,
        )) === userId;
    } else {
      accepted = await useRecoveryCode(database.db, userId, body.recoveryCode);
    }
    if (!accepted) {
      await authLimits.releaseChallenge(challengeId);
      await authLimits.loginFailed(limitKey, client);
      await auditSignIn(c, userId, 'auth.mfa_failed', { method });
      throw unauthorized('That code is not right', 'wrong_code');
    }
    await authLimits.loginSucceeded(limitKey, client);
    const session = await startSession(database.db, jwtSecret, row, sessionClient(c), mfa);
    if (method === 'recovery_code') {
      await auditSignIn(c, userId, 'auth.recovery_code_used', {
        left: await recoveryCodesLeft(database.db, userId),
      });
    } else {
      await auditSignIn(c, userId, 'auth.mfa_used', { method });
    }
    await auditSignIn(c, userId, 'auth.signed_in', { mfa: method });
    return c.json(session);
  },
);

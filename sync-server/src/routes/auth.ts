import {
  type AuditAction,
  authResponse,
  changePasswordInput,
  loginInput,
  loginResponse,
  passwordResetConfirm,
  passwordResetRequest,
  refreshInput,
  registerInput,
} from '@kigaligo/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { recordAudit } from '../audit/record-audit';
import {
  changePassword,
  checkCredentials,
  createAccount,
  logout,
  refresh,
  startSession,
} from '../auth/auth-service';
import { relyingPartyFor } from '../auth/mfa/passkeys';
import { mfaChallengeFor } from '../auth/mfa/sign-in-step';
import { confirmPasswordReset, requestPasswordReset } from '../auth/password-reset';
import type { SessionClient } from '../auth/sessions';
import { tooManyRequests, unauthorized } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth } from '../http/auth-middleware';
import { clientAddress } from '../http/client-address';
import { publicOrigin } from '../http/public-origin';
import { jsonBody } from '../http/validate';

export const authRoutes = new Hono<AppEnv>()
  .post(
    '/register',
    documented({
      summary: 'Rider sign-up',
      audience: 'public',
      ok: { 201: authResponse },
      errors: [400, 409, 429],
    }),
    jsonBody(registerInput),
    async (c) => {
      const body = c.req.valid('json');
      const { database, jwtSecret, authLimits } = c.var.deps;
      const wait = await authLimits.beforeRegistration(clientAddress(c));
      if (wait > 0) throw tooManyRequests(wait);
      // Self sign-up only ever creates riders; staff accounts come from admins.
      const row = await createAccount(database.db, { ...body, role: 'rider' });
      return c.json(await startSession(database.db, jwtSecret, row, sessionClient(c), c.var.deps.mfa), 201);
    },
  )
  .post(
    '/login',
    documented({
      summary: 'Sign in',
      description:
        'Wrong email or password: 401 invalid_credentials; a suspended account: 401 account_suspended. ' +
        'An account with a second factor gets an MFA challenge instead of tokens (answer it at /api/auth/mfa).',
      audience: 'public',
      ok: { 200: loginResponse },
      errors: [400, 401, 429],
    }),
    jsonBody(loginInput),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { database, jwtSecret, authLimits, mfa } = c.var.deps;
      // Wrong passwords slow down only this (account, client) pair, so nobody can lock the owner out (AuthLimits).
      const client = clientAddress(c);
      const wait = await authLimits.beforeLogin(email, client);
      if (wait > 0) throw tooManyRequests(wait);
      const checked = await checkCredentials(database.db, email, password);
      if (checked.kind !== 'ok') {
        await authLimits.loginFailed(email, client);
        if (checked.kind === 'wrong_password') await auditSignIn(c, checked.userId, 'auth.sign_in_failed');
        throw unauthorized('Wrong email or password', 'invalid_credentials');
      }
      await authLimits.loginSucceeded(email, client);
      const challenge = await mfaChallengeFor(
        database.db,
        checked.row.id,
        jwtSecret,
        relyingPartyFor(publicOrigin(c)),
      );
      if (challenge) return c.json(challenge);
      const session = await startSession(database.db, jwtSecret, checked.row, sessionClient(c), mfa);
      await auditSignIn(c, session.user.id, 'auth.signed_in');
      return c.json(session);
    },
  )
  .post(
    '/refresh',
    documented({
      summary: 'Rotate a refresh token',
      description: 'A reused refresh token ends its whole session family.',
      audience: 'public',
      ok: { 200: authResponse },
      errors: [400, 401],
    }),
    jsonBody(refreshInput),
    async (c) => {
      const { database, jwtSecret, sessions, mfa } = c.var.deps;
      const token = c.req.valid('json').refreshToken;
      return c.json(
        await refresh(database.db, jwtSecret, token, sessionClient(c), (ids) => sessions.revoke(ids), mfa),
      );
    },
  )
  .post(
    '/logout',
    documented({
      summary: 'End the session of a refresh token',
      audience: 'public',
      ok: { 204: null },
      errors: [400],
    }),
    jsonBody(refreshInput),
    async (c) => {
      const ended = await logout(c.var.deps.database.db, c.req.valid('json').refreshToken);
      // The session's access tokens stop working now, not when they expire.
      if (ended) await c.var.deps.sessions.revoke([ended.sessionId]);
      return c.body(null, 204);
    },
  )
  .post(
    '/password',
    documented({
      summary: 'Change the password',
      description:
        'Every other session is signed out. A wrong current password is 400 wrong_password; an account made ' +
        'through an identity provider that has no password yet is 409 no_password (it sets one with a reset link).',
      audience: 'any',
      ok: { 200: z.object({ endedSessions: z.number().int() }) },
      errors: [400, 409],
    }),
    requireAuth,
    jsonBody(changePasswordInput),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const { userId, sessionId } = c.var.auth;
      // Every other device is signed out: whoever knew the old password must not stay in.
      const ended = await changePassword(
        c.var.deps.database.db,
        userId,
        currentPassword,
        newPassword,
        sessionId,
      );
      await c.var.deps.sessions.revoke(ended);
      return c.json({ endedSessions: ended.length });
    },
  )
  .post(
    '/password-reset',
    documented({
      summary: 'Email a password-reset link',
      description:
        'Always 202, whether or not the email has an account (no account enumeration). The link opens the ' +
        'reset screen of `app` and works once, for 30 minutes. Limited per client (429) and, silently, per account.',
      audience: 'public',
      ok: { 202: z.object({ accepted: z.literal(true) }) },
      errors: [400, 429],
    }),
    jsonBody(passwordResetRequest),
    async (c) => {
      const { email, app } = c.req.valid('json');
      const { database, authLimits } = c.var.deps;
      const wait = await authLimits.beforePasswordReset(clientAddress(c));
      if (wait > 0) throw tooManyRequests(wait);
      // Over the per-account limit nothing is sent, and the answer stays the same as for any other address.
      if (await authLimits.mayEmailReset(email)) {
        await requestPasswordReset(database.db, { email, app, origin: publicOrigin(c) });
      }
      return c.json({ accepted: true as const }, 202);
    },
  )
  .post(
    '/password-reset/confirm',
    documented({
      summary: 'Set a new password with a reset link',
      description:
        'Ends every session of the account. A bad token is 400 with code reset_token_unknown, ' +
        'reset_token_used (used or replaced by a newer link) or reset_token_expired; a weak password 400 weak_password; ' +
        'an account suspended since the link was sent 401 account_suspended.',
      audience: 'public',
      ok: { 200: z.object({ endedSessions: z.number().int() }) },
      errors: [400, 401],
    }),
    jsonBody(passwordResetConfirm),
    async (c) => {
      const { token, newPassword } = c.req.valid('json');
      const ended = await confirmPasswordReset(c.var.deps.database.db, token, newPassword);
      await c.var.deps.sessions.revoke(ended);
      return c.json({ endedSessions: ended.length });
    },
  );

export function auditSignIn(c: Context<AppEnv>, userId: string, action: AuditAction, details = {}) {
  return recordAudit(c.var.deps.database.db, {
    actorId: userId,
    action,
    targetType: 'user',
    targetId: userId,
    details: { app: sessionClient(c).app ?? null, ...details },
  });
}

/** What the client says about itself (the apps send `X-KigaliGo-App`), for the list of sessions. */
export function sessionClient(c: Context<AppEnv>): SessionClient {
  return {
    app: c.req.header('x-kigaligo-app'),
    userAgent: c.req.header('user-agent'),
    address: clientAddress(c),
  };
}

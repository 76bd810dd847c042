import { mfaReauthInput, passkeyAdded, passkeyCeremony, passkeyRegisterInput } from '@kigaligo/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { recordAudit } from '../audit/record-audit';
import {
  MFA_CHALLENGE_TTL_SECONDS,
  signPasskeyChallenge,
  verifyPasskeyChallenge,
} from '../auth/mfa/challenge';
import {
  addPasskey,
  hasPasskey,
  registrationOptions,
  relyingPartyFor,
  removePasskey,
} from '../auth/mfa/passkeys';
import { hasSecondFactor, lockFactors, mfaRequiredFor } from '../auth/mfa/policy';
import { removeRecoveryCodes, replaceRecoveryCodes } from '../auth/mfa/recovery-codes';
import { hasConfirmedTotp } from '../auth/mfa/totp';
import { conflict, notFound, unauthorized } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuthOrEnrolment } from '../http/auth-middleware';
import { caller, reauthenticated } from '../http/caller';
import { publicOrigin } from '../http/public-origin';
import { jsonBody } from '../http/validate';

/**
 * The caller's passkeys (mounted at /api/me/passkeys): add one (a WebAuthn ceremony in two steps) or remove one.
 * They are listed in `GET /api/me/mfa`. Reachable with an enrolment-only token, like the authenticator app.
 */
export const mePasskeyRoutes = new Hono<AppEnv>()
  .use(requireAuthOrEnrolment)
  .post(
    '/options',
    documented({
      summary: 'Start adding a passkey',
      description:
        'The options for the browser’s `navigator.credentials.create()` (as @simplewebauthn/browser takes them) ' +
        'and a token to send back with its answer within five minutes.',
      audience: 'any',
      ok: { 200: passkeyCeremony },
    }),
    async (c) => {
      const row = await caller(c);
      const options = await registrationOptions(
        c.var.deps.database.db,
        relyingPartyFor(publicOrigin(c)),
        row,
      );
      const challengeToken = await signPasskeyChallenge(
        c.var.deps.jwtSecret,
        { purpose: 'register', userId: row.id },
        options.challenge,
      );
      return c.json({ challengeToken, options });
    },
  )
  .post(
    '/',
    documented({
      summary: 'Add a passkey',
      description:
        'The authenticator’s answer to /options. Verified (user verification required) and stored; the first ' +
        'factor on an account also answers ten recovery codes, shown this once. 400 passkey_rejected with the ' +
        'reason, 401 passkey_challenge_invalid for an expired or reused token, 409 passkey_exists.',
      audience: 'any',
      ok: { 201: passkeyAdded },
      errors: [400, 401, 409],
    }),
    jsonBody(passkeyRegisterInput),
    async (c) => {
      const row = await caller(c);
      const { database, jwtSecret, authLimits } = c.var.deps;
      const body = c.req.valid('json');
      const ceremony = await verifyPasskeyChallenge(body.challengeToken, jwtSecret, {
        purpose: 'register',
        userId: row.id,
      });
      if (!ceremony || !(await authLimits.claimChallenge(ceremony.challengeId, MFA_CHALLENGE_TTL_SECONDS)))
        throw unauthorized('This passkey request has expired; try again', 'passkey_challenge_invalid');
      const firstFactor = !(await hasSecondFactor(database.db, row.id));
      const passkey = await addPasskey(
        database.db,
        relyingPartyFor(publicOrigin(c)),
        row.id,
        ceremony.challenge,
        body.credential,
        body.name ?? defaultName(c.req.header('user-agent')),
      );
      // Someone whose only factor is a lost phone still needs a way in: the first factor brings recovery codes.
      const recoveryCodes = firstFactor ? await replaceRecoveryCodes(database.db, row.id) : null;
      await recordAudit(database.db, {
        actorId: row.id,
        action: 'auth.passkey_added',
        targetType: 'user',
        targetId: row.id,
        details: { name: passkey.name, backedUp: passkey.backedUp },
      });
      return c.json({ passkey, recoveryCodes }, 201);
    },
  )
  .post(
    '/:id/remove',
    documented({
      summary: 'Remove a passkey',
      description:
        'Needs the password again. An admin whom the policy requires a factor cannot remove the last one: ' +
        '409 mfa_required. With no factor left the recovery codes go too.',
      audience: 'any',
      ok: { 204: null },
      errors: [400, 404, 409, 429],
    }),
    jsonBody(mfaReauthInput),
    async (c) => {
      const row = await reauthenticated(c, c.req.valid('json').password);
      const { database, mfa } = c.var.deps;
      const db = database.db;
      const id = c.req.param('id');
      await db.transaction(async (tx) => {
        await lockFactors(tx, row.id);
        if (!(await removePasskey(tx, row.id, id))) throw notFound('No such passkey on this account');
        const left = (await hasPasskey(tx, row.id)) || (await hasConfirmedTotp(tx, row.id));
        if (!left && mfaRequiredFor(row, mfa))
          throw conflict('mfa_required', 'Admins must keep a second factor');
        if (!left) await removeRecoveryCodes(tx, row.id);
      });
      await recordAudit(db, {
        actorId: row.id,
        action: 'auth.passkey_removed',
        targetType: 'user',
        targetId: row.id,
        details: { passkeyId: id },
      });
      return c.body(null, 204);
    },
  );

/** "Chrome · Android", in no language: enough to tell one's passkeys apart. */
function defaultName(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? 'Passkey';
}

import {
  type MfaStatus,
  mfaReauthInput,
  mfaStatus,
  recoveryCodes,
  totpConfirmInput,
  totpEnrolment,
} from '@kigaligo/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { recordAudit } from '../audit/record-audit';
import { hasPasskey, listPasskeys } from '../auth/mfa/passkeys';
import { hasSecondFactor, lockFactors, mfaRequiredFor } from '../auth/mfa/policy';
import { recoveryCodesLeft, removeRecoveryCodes, replaceRecoveryCodes } from '../auth/mfa/recovery-codes';
import { secretBox } from '../auth/mfa/secret-box';
import { checkTotp, hasConfirmedTotp, removeTotp, startTotpEnrolment } from '../auth/mfa/totp';
import { conflict, DomainError } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuthOrEnrolment } from '../http/auth-middleware';
import { caller, reauthenticated } from '../http/caller';
import { jsonBody } from '../http/validate';

/**
 * The caller's second factors (mounted at /api/me/mfa). Reachable with the enrolment-only token an admin gets
 * under ADMIN_MFA=required, so that admin can set one up and nothing else.
 */
export const meMfaRoutes = new Hono<AppEnv>()
  .use(requireAuthOrEnrolment)
  .get(
    '/',
    documented({ summary: 'The caller’s second factors', audience: 'any', ok: { 200: mfaStatus } }),
    async (c) => {
      const row = await caller(c);
      const db = c.var.deps.database.db;
      const status: MfaStatus = {
        totp: await hasConfirmedTotp(db, row.id),
        passkeys: await listPasskeys(db, row.id),
        recoveryCodesLeft: await recoveryCodesLeft(db, row.id),
        required: mfaRequiredFor(row, c.var.deps.mfa),
      };
      return c.json(status);
    },
  )
  .post(
    '/totp',
    documented({
      summary: 'Start setting up an authenticator app',
      description:
        'A new secret, shown this once, to confirm with a first code. 409 mfa_already_enrolled when one is set up.',
      audience: 'any',
      ok: { 200: totpEnrolment },
      errors: [409],
    }),
    async (c) => {
      const row = await caller(c);
      const { database, jwtSecret } = c.var.deps;
      return c.json(await startTotpEnrolment(database.db, secretBox(jwtSecret), row.id, row.email));
    },
  )
  .post(
    '/totp/confirm',
    documented({
      summary: 'Confirm the authenticator app with its first code',
      description:
        'Turns the factor on and returns ten single-use recovery codes, shown this once. ' +
        'A wrong code: 400 wrong_code. An admin with an enrolment-only token refreshes afterwards for a full one.',
      audience: 'any',
      ok: { 200: recoveryCodes },
      errors: [400],
    }),
    jsonBody(totpConfirmInput),
    async (c) => {
      const row = await caller(c);
      const { database, jwtSecret } = c.var.deps;
      const ok = await checkTotp(
        database.db,
        secretBox(jwtSecret),
        row.id,
        c.req.valid('json').code,
        'pending',
      );
      if (!ok) throw wrongCode();
      const codes = await replaceRecoveryCodes(database.db, row.id);
      await audit(c, row.id, 'auth.mfa_enrolled', { method: 'totp' });
      return c.json({ codes });
    },
  )
  .post(
    '/recovery-codes',
    documented({
      summary: 'Replace the recovery codes',
      description:
        'Needs the password again; the old codes stop working. Without a second factor: 409 no_mfa.',
      audience: 'any',
      ok: { 200: recoveryCodes },
      errors: [400, 409, 429],
    }),
    jsonBody(mfaReauthInput),
    async (c) => {
      const row = await reauthenticated(c, c.req.valid('json').password);
      const db = c.var.deps.database.db;
      if (!(await hasSecondFactor(db, row.id)))
        throw conflict('no_mfa', 'Set up an authenticator app or a passkey first');
      const codes = await replaceRecoveryCodes(db, row.id);
      await audit(c, row.id, 'auth.recovery_codes_regenerated');
      return c.json({ codes });
    },
  )
  .post(
    '/totp/disable',
    documented({
      summary: 'Turn the authenticator app off',
      description:
        'Needs the password again; removes the recovery codes too unless a passkey remains. An admin whom the ' +
        'policy requires a factor cannot turn off the last one: 409 mfa_required.',
      audience: 'any',
      ok: { 204: null },
      errors: [400, 409, 429],
    }),
    jsonBody(mfaReauthInput),
    async (c) => {
      const row = await reauthenticated(c, c.req.valid('json').password);
      const { database, mfa } = c.var.deps;
      const removed = await database.db.transaction(async (tx) => {
        await lockFactors(tx, row.id);
        const passkeyLeft = await hasPasskey(tx, row.id);
        if (mfaRequiredFor(row, mfa) && !passkeyLeft) {
          throw conflict('mfa_required', 'Admins must keep a second factor');
        }
        if (!(await removeTotp(tx, row.id))) return false;
        if (!passkeyLeft) await removeRecoveryCodes(tx, row.id);
        return true;
      });
      if (removed) await audit(c, row.id, 'auth.mfa_disabled', { method: 'totp' });
      return c.body(null, 204);
    },
  );

const wrongCode = () =>
  new DomainError('invalid', 'wrong_code', 'That code is not right', [
    { path: 'code', message: 'Not the code your app shows now' },
  ]);

const audit = (
  c: Context<AppEnv>,
  userId: string,
  action: 'auth.mfa_enrolled' | 'auth.mfa_disabled' | 'auth.recovery_codes_regenerated',
  details: Record<string, unknown> = {},
) =>
  recordAudit(c.var.deps.database.db, {
    actorId: userId,
    action,
    targetType: 'user',
    targetId: userId,
    details,
  });

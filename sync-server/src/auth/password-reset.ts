import { createHash, randomBytes } from 'node:crypto';
import { type Catalogue, formatMessage, type Language, type resetApps } from '@kigaligo/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { passwordResetTokens, users } from '../db/schema';
import { findUserByEmail, findUserById } from '../db/users';
import { DomainError, unauthorized } from '../domain-error';
import { enqueue } from '../outbox/enqueue';
import { hashPassword } from './password';
import { assertStrongPassword } from './password-strength';
import { revokeSessions } from './sessions';

/** How long a reset link works (OWASP forgot-password guidance: short, single use). */
export const RESET_TTL_MS = 30 * 60 * 1000;

export type ResetApp = (typeof resetApps)[number];

/** Where each app is served (static/serve-apps): the email opens the reset screen of the app that asked. */
const appPaths: Record<ResetApp, string> = { rider: '/', driver: '/driver/', admin: '/admin/' };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sends a reset link to the account of `email`, if there is one, through the outbox. Says nothing about whether
 * there was: the route answers the same either way. Earlier links of the account stop working.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; app: ResetApp; origin: string },
): Promise<void> {
  const row = await findUserByEmail(db, input.email);
  // The demo simulation's drivers have no mailbox; a suspended account gets no link it could not use.
  if (!row || row.simulated || row.suspended) return;
  const token = randomBytes(32).toString('base64url');
  const link = `${input.origin}${appPaths[input.app]}#reset=${token}`;
  await db.transaction(async (tx) => {
    await supersedeResetTokens(tx, row.id);
    const [issued] = await tx
      .insert(passwordResetTokens)
      .values({ userId: row.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) })
      .returning({ id: passwordResetTokens.id });
    await enqueue(
      tx,
      'email',
      { to: row.email, ...resetEmail(row.language, row.name.split(' ')[0] ?? row.name, link) },
      `password-reset:${issued?.id}`,
    );
    await recordAudit(tx, {
      actorId: row.id,
      action: 'auth.password_reset_requested',
      targetType: 'user',
      targetId: row.id,
      details: { app: input.app },
    });
  });
}

/**
 * Sets a new password with a reset token: the token is spent, every session of the account ends (returned for
 * SessionRevocations, so access tokens stop at once). Unknown, used and expired tokens are 400s with their own code.
 */
export async function confirmPasswordReset(db: Db, token: string, newPassword: string): Promise<string[]> {
  const [stored] = await db
    .select()
    .from(passwordResetTokens)
    .where(eq(passwordResetTokens.tokenHash, hashToken(token)))
    .limit(1);
  if (!stored) throw resetError('reset_token_unknown', 'This reset link is not valid. Ask for a new one.');
  if (stored.usedAt || stored.supersededAt)
    throw resetError('reset_token_used', 'This reset link was already used or replaced. Ask for a new one.');
  if (stored.expiresAt.getTime() <= Date.now())
    throw resetError('reset_token_expired', 'This reset link has expired. Ask for a new one.');
  const row = await findUserById(db, stored.userId);
  if (!row) throw resetError('reset_token_unknown', 'This reset link is not valid. Ask for a new one.');
  // Suspended after the link was sent: the link must not become a way around the suspension.
  if (row.suspended) throw unauthorized('This account is suspended', 'account_suspended');
  assertStrongPassword(newPassword, [row.email, row.name]);
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    // Claimed in the same statement that checks it is still open: two tabs submitting the link, one wins.
    const claimed = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResetTokens.id, stored.id),
          isNull(passwordResetTokens.usedAt),
          isNull(passwordResetTokens.supersededAt),
        ),
      )
      .returning({ id: passwordResetTokens.id });
    if (claimed.length === 0)
      throw resetError(
        'reset_token_used',
        'This reset link was already used or replaced. Ask for a new one.',
      );
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.id));
    await supersedeResetTokens(tx, row.id);
    const ended = await revokeSessions(tx, row.id, { all: true });
    await recordAudit(tx, {
      actorId: row.id,
      action: 'auth.password_reset',
      targetType: 'user',
      targetId: row.id,
      details: { endedSessions: ended.length },
    });
    return ended;
  });
}

/** Ends every open reset link of the account: a newer one was sent, or the password changed. */
export async function supersedeResetTokens(tx: Db, userId: string): Promise<void> {
  await tx
    .update(passwordResetTokens)
    .set({ supersededAt: new Date() })
    .where(
      and(
        eq(passwordResetTokens.userId, userId),
        isNull(passwordResetTokens.usedAt),
        isNull(passwordResetTokens.supersededAt),
      ),
    );
}

const resetError = (code: string, message: string) =>
  new DomainError('invalid', code, message, [{ path: 'token', message }]);

type Keys = 'subject' | 'text';
const en: Record<Keys, string> = {
  subject: 'KigaliGo: reset your password',
  text:
    'Hello {name},\n\nSomeone (we hope you) asked to reset the password of your KigaliGo account. ' +
    'Open this link within 30 minutes to choose a new one:\n\n{link}\n\n' +
    'The link works once. If you did not ask, ignore this email: your password stays as it is.\n\nKigaliGo',
};
const rw: Record<Keys, string> = {
  subject: 'KigaliGo: hindura ijambo ry’ibanga',
  text:
    'Muraho {name},\n\nHari uwasabye (twizera ko ari wowe) guhindura ijambo ry’ibanga rya konti yawe ya KigaliGo. ' +
    'Fungura uyu murongo mu minota 30 uhitemo irindi:\n\n{link}\n\n' +
    'Uyu murongo ukora rimwe gusa. Niba atari wowe wabisabye, wirengagize iyi imeri: ijambo ry’ibanga ryawe ntirihinduka.\n\nKigaliGo',
};
const catalogues: Record<Language, Catalogue> = { en, rw };

/** The reset email in the account's language. Sent whatever the notification settings say: the person asked. */
export function resetEmail(language: Language, name: string, link: string) {
  const t = (key: Keys) => formatMessage(language, catalogues[language], en, key, { name, link });
  return { subject: t('subject'), text: t('text') };
}

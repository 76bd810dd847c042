import { randomUUID } from 'node:crypto';
import type { AuthResponse, Role } from '@kigaligo/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { refreshTokens, users } from '../db/schema';
import { findUserByEmail, findUserById, NO_PASSWORD, toUser, type UserRow } from '../db/users';
import { conflict, DomainError, unauthorized } from '../domain-error';
import { type MfaPolicy, mfaEnrolmentPending } from './mfa/policy';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { supersedeResetTokens } from './password-reset';
import { assertStrongPassword } from './password-strength';
import { openSession, revokeSessions, type SessionClient, touchSession } from './sessions';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  hashRefreshToken,
  newRefreshToken,
  REFRESH_TOKEN_TTL_SECONDS,
  signAccessToken,
} from './tokens';

export interface NewAccount {
  email: string;
  password: string;
  name: string;
  phone?: string | undefined;
  role: Role;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export async function createAccount(db: Db, input: NewAccount): Promise<UserRow> {
  assertStrongPassword(input.password, [input.email, input.name]);
  const passwordHash = await hashPassword(input.password);
  try {
    const [row] = await db
      .insert(users)
      .values({
        email: input.email,
        passwordHash,
        name: input.name,
        phone: input.phone ?? null,
        role: input.role,
      })
      .returning();
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('email_taken', 'An account with this email already exists');
    throw err;
  }
}

async function issueTokens(
  db: Db,
  secret: string,
  row: UserRow,
  familyId: string,
  policy: MfaPolicy,
): Promise<AuthResponse> {
  // The family id is the session id: every access token names it, so revoking the session ends them too.
  const refreshToken = newRefreshToken();
  await db.insert(refreshTokens).values({
    userId: row.id,
    familyId,
    tokenHash: hashRefreshToken(refreshToken),
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
  });
  // Decided at every issue (sign-in and refresh), so enrolling a factor and refreshing lifts the restriction.
  const enrolmentOnly = await mfaEnrolmentPending(db, row, policy);
  const accessToken = await signAccessToken(
    { userId: row.id, role: row.role, sessionId: familyId, ...(enrolmentOnly ? { enrolmentOnly } : {}) },
    secret,
  );
  return {
    user: toUser(row),
    accessToken,
    refreshToken,
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    ...(enrolmentOnly ? { mfaEnrolmentRequired: true } : {}),
  };
}

/**
 * The account of a right email and password; the caller answers a wrong one without saying which. Sessions start
 * separately (`startSession`), after the second factor when the account has one.
 */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
): Promise<{ kind: 'ok'; row: UserRow } | { kind: 'wrong_password'; userId: string } | { kind: 'unknown' }> {
  const row = await findUserByEmail(db, email);
  if (!row) {
    await burnPasswordCheck(password);
    return { kind: 'unknown' };
  }
  if (!(await verifyPassword(password, row.passwordHash))) return { kind: 'wrong_password', userId: row.id };
  if (row.suspended) throw unauthorized('This account is suspended', 'account_suspended');
  return { kind: 'ok', row };
}

export async function startSession(
  db: Db,
  secret: string,
  row: UserRow,
  client: SessionClient,
  policy: MfaPolicy,
) {
  const sessionId = randomUUID();
  await openSession(db, sessionId, row.id, client);
  return issueTokens(db, secret, row, sessionId, policy);
}

/**
 * Rotates a refresh token. The old token is marked rotated inside a transaction that locks its row, so two
 * concurrent refreshes with the same token cannot both succeed. Presenting a token that was already rotated
 * (or revoked) is treated as theft: every token of its family is revoked.
 */
export async function refresh(
  db: Db,
  secret: string,
  token: string,
  client: SessionClient,
  onRevoked: (sessionIds: string[]) => Promise<void>,
  policy: MfaPolicy,
): Promise<AuthResponse> {
  const tokenHash = hashRefreshToken(token);
  const outcome = await db.transaction(async (tx) => {
    const [stored] = await tx
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .for('update')
      .limit(1);
    if (!stored) return { kind: 'unknown' as const };
    if (stored.rotatedAt || stored.revokedAt) {
      await tx
        .update(refreshTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(refreshTokens.familyId, stored.familyId), isNull(refreshTokens.revokedAt)));
      return { kind: 'reused' as const, familyId: stored.familyId };
    }
    if (stored.expiresAt.getTime() <= Date.now()) return { kind: 'expired' as const };
    const [row] = await tx.select().from(users).where(eq(users.id, stored.userId)).limit(1);
    if (!row || row.suspended) return { kind: 'suspended' as const };
    await tx.update(refreshTokens).set({ rotatedAt: new Date() }).where(eq(refreshTokens.id, stored.id));
    return { kind: 'ok' as const, row, familyId: stored.familyId };
  });
  switch (outcome.kind) {
    case 'ok':
      await touchSession(db, outcome.familyId, outcome.row.id, client);
      return issueTokens(db, secret, outcome.row, outcome.familyId, policy);
    case 'reused':
      await onRevoked([outcome.familyId]);
      throw unauthorized(
        'This session was ended because its token was used twice; sign in again',
        'token_reused',
      );
    case 'expired':
      throw unauthorized('Your session has expired; sign in again', 'session_expired');
    case 'suspended':
      throw unauthorized('This account is suspended', 'account_suspended');
    default:
      throw unauthorized('Unknown session; sign in again', 'invalid_token');
  }
}

/**
 * Ends the session the refresh token belongs to (its whole family); returns it for SessionRevocations, or null
 * for an unknown token (ignored: logging out twice is fine).
 */
export async function logout(db: Db, token: string): Promise<{ userId: string; sessionId: string } | null> {
  const [stored] = await db
    .select({ familyId: refreshTokens.familyId, userId: refreshTokens.userId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(token)))
    .limit(1);
  if (!stored) return null;
  await revokeSessions(db, stored.userId, { ids: [stored.familyId] });
  return { userId: stored.userId, sessionId: stored.familyId };
}

/**
 * Changes the password after checking the current one, and ends every other session of the account (returned
 * for SessionRevocations). A wrong current password is a 400 on that field, not a 401: the caller stays signed in.
 */
export async function changePassword(
  db: Db,
  userId: string,
  current: string,
  next: string,
  keepSessionId: string,
): Promise<string[]> {
  const row = await findUserById(db, userId);
  if (!row) throw unauthorized('This account no longer exists', 'invalid_token');
  // A signed-in screen cannot set a first password: a stolen session would become a lasting password.
  if (row.passwordHash === NO_PASSWORD)
    throw conflict(
      'no_password',
      'This account has no password yet: set one with a reset link sent by email',
    );
  if (!(await verifyPassword(current, row.passwordHash))) {
    throw new DomainError('invalid', 'wrong_password', 'The current password is not right', [
      { path: 'currentPassword', message: 'Not your current password' },
    ]);
  }
  assertStrongPassword(next, [row.email, row.name]);
  const passwordHash = await hashPassword(next);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    // A reset link sent earlier would otherwise still undo this change.
    await supersedeResetTokens(tx, userId);
    const ended = await revokeSessions(tx, userId, { all: true, except: keepSessionId });
    await recordAudit(tx, {
      actorId: userId,
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: userId,
      details: { endedSessions: ended.length },
    });
    return ended;
  });
}

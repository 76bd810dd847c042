import { and, eq, isNotNull } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Db } from '../../db/client';
import { mfaTotp } from '../../db/schema';
import { conflict } from '../../domain-error';
import type { SecretBox } from './secret-box';

const ISSUER = 'KigaliGo';
/** One step either side: a phone clock up to 30 s off still works. */
const TOLERANCE_SECONDS = 30;

/**
 * Starts (or restarts) enrolment: a fresh secret, unconfirmed until `confirmTotp`. An account whose TOTP is
 * already confirmed must turn it off first, so a stolen session cannot silently swap the owner's authenticator.
 */
export async function startTotpEnrolment(db: Db, box: SecretBox, userId: string, label: string) {
  const [existing] = await db.select().from(mfaTotp).where(eq(mfaTotp.userId, userId)).limit(1);
  if (existing?.confirmedAt) throw conflict('mfa_already_enrolled', 'An authenticator app is already set up');
  const secret = generateSecret();
  const sealedSecret = box.seal(secret);
  await db
    .insert(mfaTotp)
    .values({ userId, sealedSecret })
    .onConflictDoUpdate({ target: mfaTotp.userId, set: { sealedSecret, lastTimeStep: null } });
  return { secret, otpauthUri: generateURI({ issuer: ISSUER, label, secret }) };
}

/**
 * Checks a code against the account's secret (confirmed, or the pending one when `pending`), and remembers its
 * time step so the same code cannot be used twice. Returns whether it was accepted.
 */
export async function checkTotp(
  db: Db,
  box: SecretBox,
  userId: string,
  code: string,
  which: 'confirmed' | 'pending',
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(mfaTotp).where(eq(mfaTotp.userId, userId)).for('update').limit(1);
    if (!row || (which === 'confirmed') !== (row.confirmedAt !== null)) return false;
    const result = await verify({
      secret: box.open(row.sealedSecret),
      token: code,
      epochTolerance: TOLERANCE_SECONDS,
      ...(row.lastTimeStep !== null ? { afterTimeStep: row.lastTimeStep } : {}),
    });
    // The TOTP result names its time step (HOTP results, which share the type, do not).
    if (!result.valid || !('timeStep' in result)) return false;
    await tx
      .update(mfaTotp)
      .set({ lastTimeStep: result.timeStep, ...(which === 'pending' ? { confirmedAt: new Date() } : {}) })
      .where(eq(mfaTotp.userId, userId));
    return true;
  });
}

export async function hasConfirmedTotp(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: mfaTotp.userId })
    .from(mfaTotp)
    .where(and(eq(mfaTotp.userId, userId), isNotNull(mfaTotp.confirmedAt)))
    .limit(1);
  return rows.length > 0;
}

/** Removes the authenticator (confirmed or pending); returns whether there was one. */
export async function removeTotp(db: Db, userId: string): Promise<boolean> {
  const gone = await db.delete(mfaTotp).where(eq(mfaTotp.userId, userId)).returning({ id: mfaTotp.userId });
  return gone.length > 0;
}

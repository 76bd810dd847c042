import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { mfaRecoveryCodes } from '../../db/schema';

const HOW_MANY = 10;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

const hashCode = (normalised: string) => createHash('sha256').update(normalised).digest('hex');

/** Ten random base32 letters (50 bits), shown as `xxxxx-xxxxx`. */
function newCode(): string {
  const bytes = randomBytes(10);
  const letters = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
  return `${letters.slice(0, 5)}-${letters.slice(5)}`;
}

/** Replaces every recovery code of the account with ten new ones; the plain codes are returned once, never stored. */
export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: HOW_MANY }, newCode);
  await db.transaction(async (tx) => {
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
    await tx
      .insert(mfaRecoveryCodes)
      .values(codes.map((code) => ({ userId, codeHash: hashCode(code.replace('-', '')) })));
  });
  return codes;
}

/**
 * Uses up one recovery code (already normalised: lower case, no dash). The update only matches an unused code,
 * so two requests racing with the same code cannot both succeed.
 */
export async function useRecoveryCode(db: Db, userId: string, normalised: string): Promise<boolean> {
  const used = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, hashCode(normalised)),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return used.length > 0;
}

export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function removeRecoveryCodes(db: Db, userId: string): Promise<void> {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { oidcIdentities, users } from '../db/schema';
import { findUserByEmail, findUserById, NO_PASSWORD, type UserRow } from '../db/users';
import { isUniqueViolation } from './auth-service';
import type { ProviderIdentity } from './oidc-client';

/** Why a provider's sign-in does not give an account; the app explains each. */
export type IdentityRefusal = 'email_not_verified' | 'staff_account' | 'account_suspended';

export type IdentityOutcome =
  | { kind: 'ok'; row: UserRow; linked: 'existing' | 'new_link' | 'new_account' }
  | { kind: 'refused'; reason: IdentityRefusal };

/**
 * The account a provider's identity signs in to: the one it was linked to before; else the rider account of
 * the same email when the provider verified that email (never otherwise: anyone can claim an address at some
 * provider); else a new rider account. Drivers and admins are created by admins and sign in with a password.
 */
export async function accountForIdentity(db: Db, identity: ProviderIdentity): Promise<IdentityOutcome> {
  const [known] = await db
    .select({ userId: oidcIdentities.userId })
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.issuer, identity.issuer), eq(oidcIdentities.subject, identity.subject)));
  if (known) return usable((await findUserById(db, known.userId))!, 'existing');
  if (!identity.email || !identity.emailVerified) return { kind: 'refused', reason: 'email_not_verified' };
  const email = identity.email.toLowerCase();
  const existing = await findUserByEmail(db, email);
  if (existing && existing.role !== 'rider') return { kind: 'refused', reason: 'staff_account' };
  if (existing?.suspended) return { kind: 'refused', reason: 'account_suspended' };
  try {
    return await db.transaction(async (tx) => {
      const row =
        existing ??
        (
          await tx
            .insert(users)
            .values({
              email,
              passwordHash: NO_PASSWORD,
              name: identity.name ?? email.split('@')[0]!,
              role: 'rider',
            })
            .returning()
        )[0]!;
      await tx
        .insert(oidcIdentities)
        .values({ issuer: identity.issuer, subject: identity.subject, userId: row.id, email });
      return {
        kind: 'ok' as const,
        row,
        linked: existing ? ('new_link' as const) : ('new_account' as const),
      };
    });
  } catch (err) {
    // The same person signing in twice at once: the other attempt linked it; sign in to what it made.
    if (isUniqueViolation(err)) return accountForIdentity(db, identity);
    throw err;
  }
}

function usable(row: UserRow, linked: 'existing'): IdentityOutcome {
  if (row.suspended) return { kind: 'refused', reason: 'account_suspended' };
  return { kind: 'ok', row, linked };
}

import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { UserRow } from '../../db/users';
import { demoAccounts } from '../../seed/demo-data';
import { hasPasskey } from './passkeys';
import { hasConfirmedTotp } from './totp';

/** ADMIN_MFA and who is exempt from it (the seeded demo admin while SEED_DEMO_DATA is on). */
export interface MfaPolicy {
  adminRequired: boolean;
  exemptEmails: readonly string[];
}

/** ADMIN_MFA=required (the default) or optional; the demo admin is exempt only while the demo data is seeded. */
export function mfaPolicy(adminMfa: 'required' | 'optional', seeded: boolean): MfaPolicy {
  return {
    adminRequired: adminMfa === 'required',
    exemptEmails: seeded ? demoAccounts.filter((a) => a.role === 'admin').map((a) => a.email) : [],
  };
}

export function mfaRequiredFor(row: Pick<UserRow, 'role' | 'email'>, policy: MfaPolicy): boolean {
  return row.role === 'admin' && policy.adminRequired && !policy.exemptEmails.includes(row.email);
}

/** The account has a factor to ask for at sign-in: an authenticator app or a passkey. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  return (await hasConfirmedTotp(db, userId)) || (await hasPasskey(db, userId));
}

/** An account that must have a second factor and has none: its tokens may only enrol one. */
export async function mfaEnrolmentPending(db: Db, row: UserRow, policy: MfaPolicy): Promise<boolean> {
  return mfaRequiredFor(row, policy) && !(await hasSecondFactor(db, row.id));
}

/**
 * Locks the account's row for the rest of the transaction: removing one factor checks what is left, and two
 * removals at once (the app on one device, the last passkey on another) must not both see the other still there.
 */
export async function lockFactors(tx: Db, userId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
}

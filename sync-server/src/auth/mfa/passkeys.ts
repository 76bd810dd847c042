import type { PasskeyAssertion, PasskeyOptions, PasskeySummary } from '@kigaligo/domain';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { passkeys } from '../../db/schema';
import type { UserRow } from '../../db/users';
import { conflict, DomainError } from '../../domain-error';

/**
 * Where the apps run, as WebAuthn binds a passkey to it: the RP ID (the host name) and the exact origin the
 * browser reports. From PUBLIC_URL behind a proxy, else from the request itself.
 */
export interface RelyingParty {
  id: string;
  origin: string;
}

export const relyingPartyFor = (origin: string): RelyingParty => ({ id: new URL(origin).hostname, origin });

/** Shown by the browser and the passkey manager next to the account. */
const RP_NAME = 'KigaliGo';
const TIMEOUT_MS = 120_000;

/** A passkey that is not both present and verified (PIN, fingerprint) would be one factor pretending to be two. */
const USER_VERIFICATION = 'required';

type PasskeyRow = typeof passkeys.$inferSelect;

const summaryOf = (row: PasskeyRow): PasskeySummary => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  backedUp: row.backedUp,
});

export async function listPasskeys(db: Db, userId: string): Promise<PasskeySummary[]> {
  const rows = await db
    .select()
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
  return rows.map(summaryOf);
}

export async function hasPasskey(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return (row?.n ?? 0) > 0;
}

/** Options for creating a passkey; existing ones are excluded so one authenticator is not registered twice. */
export async function registrationOptions(db: Db, rp: RelyingParty, user: UserRow): Promise<PasskeyOptions> {
  const existing = await db
    .select({ id: passkeys.id, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, user.id));
  // Spread into a plain object: the options are JSON sent as they are.
  return {
    ...(await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: rp.id,
      // The account id as the user handle: an authenticator replaces its own older passkey for the same account.
      userID: new TextEncoder().encode(user.id),
      userName: user.email,
      userDisplayName: user.name,
      timeout: TIMEOUT_MS,
      attestationType: 'none',
      excludeCredentials: existing,
      // Discoverable, so it can sign in without an email typed first.
      authenticatorSelection: { residentKey: 'required', userVerification: USER_VERIFICATION },
    })),
  };
}

/** Options for signing with a passkey: any of the device's for this site (`allow` empty), or only these. */
export async function assertionOptions(
  rp: RelyingParty,
  allow: { id: string; transports: string[] }[] = [],
): Promise<PasskeyOptions> {
  return {
    ...(await generateAuthenticationOptions({
      rpID: rp.id,
      allowCredentials: allow,
      timeout: TIMEOUT_MS,
      userVerification: USER_VERIFICATION,
    })),
  };
}

export async function passkeysForAssertion(db: Db, userId: string) {
  return db
    .select({ id: passkeys.id, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, userId));
}

const rejected = (message: string) => new DomainError('invalid', 'passkey_rejected', message);

/** Checks a new passkey against the challenge and stores it; the library's errors become a 400 with the reason. */
export async function addPasskey(
  db: Db,
  rp: RelyingParty,
  userId: string,
  expectedChallenge: string,
  credential: Parameters<typeof verifyRegistrationResponse>[0]['response'],
  name: string,
): Promise<PasskeySummary> {
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: credential,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch (err) {
    throw rejected(`This passkey could not be checked: ${(err as Error).message}`);
  }
  if (!verified.verified) throw rejected('This passkey could not be checked');
  const info = verified.registrationInfo;
  const [row] = await db
    .insert(passkeys)
    .values({
      id: info.credential.id,
      userId,
      publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
      counter: info.credential.counter,
      transports: info.credential.transports ?? [],
      backedUp: info.credentialBackedUp,
      name,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict('passkey_exists', 'This passkey is already added');
  return summaryOf(row);
}

/**
 * Checks a passkey's signature over the challenge; with `userId`, only that account's passkeys count. Moves the
 * signature counter forward and notes the use. Returns the account, or null for an unknown or wrong passkey.
 */
export async function verifyPasskey(
  db: Db,
  rp: RelyingParty,
  expectedChallenge: string,
  credential: PasskeyAssertion,
  userId?: string,
): Promise<string | null> {
  const [row] = await db
    .select()
    .from(passkeys)
    .where(
      userId
        ? and(eq(passkeys.id, credential.id), eq(passkeys.userId, userId))
        : eq(passkeys.id, credential.id),
    )
    .limit(1);
  if (!row) return null;
  let result: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    result = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: row.id,
        publicKey: isoBase64URL.toBuffer(row.publicKey),
        counter: row.counter,
        transports: row.transports,
      },
      requireUserVerification: true,
    });
  } catch {
    // A bad signature, another site's challenge or a counter that went backwards (a cloned authenticator).
    return null;
  }
  if (!result.verified) return null;
  await db
    .update(passkeys)
    .set({
      counter: result.authenticationInfo.newCounter,
      backedUp: result.authenticationInfo.credentialBackedUp,
      lastUsedAt: new Date(),
    })
    .where(eq(passkeys.id, row.id));
  return row.userId;
}

/** Removes one of the account's passkeys; returns whether it was there. */
export async function removePasskey(db: Db, userId: string, id: string): Promise<boolean> {
  const gone = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning({ id: passkeys.id });
  return gone.length > 0;
}

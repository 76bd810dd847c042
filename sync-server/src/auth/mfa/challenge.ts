import { randomUUID } from 'node:crypto';
import { userId as userIdSchema } from '@kigaligo/domain';
import { sign, verify } from 'hono/jwt';

/** Long enough to open an authenticator app, short enough that a stolen challenge is soon worthless. */
export const MFA_CHALLENGE_TTL_SECONDS = 5 * 60;
const ALG = 'HS256';

/**
 * The proof that the password was right, handed out instead of tokens when the account has a second factor.
 * Its own `typ`, so it is never accepted as an access token (and vice versa). With passkeys on the account it
 * also names the WebAuthn challenge their signature must cover (`wac`), so no server keeps state between steps.
 */
export async function signMfaChallenge(
  userId: string,
  secret: string,
  now = Math.floor(Date.now() / 1000),
  passkeyChallenge?: string,
) {
  return sign(
    {
      sub: userId,
      typ: 'mfa_challenge',
      // The id lets the answer claim the challenge once (routes/auth-mfa.ts): a replayed one mints nothing.
      jti: randomUUID(),
      iat: now,
      exp: now + MFA_CHALLENGE_TTL_SECONDS,
      ...(passkeyChallenge ? { wac: passkeyChallenge } : {}),
    },
    secret,
    ALG,
  );
}

/** The user, the challenge's own id and its WebAuthn challenge (if any) of a valid, unexpired challenge, or null. */
export async function verifyMfaChallenge(
  token: string,
  secret: string,
): Promise<{ userId: string; challengeId: string; passkeyChallenge: string | null } | null> {
  try {
    const payload = await verify(token, secret, ALG);
    const id = userIdSchema.safeParse(payload.sub);
    if (payload.typ !== 'mfa_challenge' || !id.success || typeof payload.jti !== 'string') return null;
    return {
      userId: id.data,
      challengeId: payload.jti,
      passkeyChallenge: typeof payload.wac === 'string' ? payload.wac : null,
    };
  } catch {
    return null;
  }
}

/**
 * A WebAuthn ceremony outside the password step: adding a passkey (bound to the account adding it) or signing in
 * with one. The token carries the challenge the browser must sign, for five minutes and, claimed by its id, once.
 */
export async function signPasskeyChallenge(
  secret: string,
  ceremony: { purpose: 'register'; userId: string } | { purpose: 'sign_in' },
  challenge: string,
  now = Math.floor(Date.now() / 1000),
) {
  return sign(
    {
      ...(ceremony.purpose === 'register' ? { sub: ceremony.userId } : {}),
      typ: `passkey_${ceremony.purpose}`,
      jti: randomUUID(),
      wac: challenge,
      iat: now,
      exp: now + MFA_CHALLENGE_TTL_SECONDS,
    },
    secret,
    ALG,
  );
}

/** The challenge and the token's id of a valid passkey ceremony for this purpose (and account), or null. */
export async function verifyPasskeyChallenge(
  token: string,
  secret: string,
  ceremony: { purpose: 'register'; userId: string } | { purpose: 'sign_in' },
): Promise<{ challenge: string; challengeId: string } | null> {
  try {
    const payload = await verify(token, secret, ALG);
    if (payload.typ !== `passkey_${ceremony.purpose}`) return null;
    if (ceremony.purpose === 'register' && payload.sub !== ceremony.userId) return null;
    if (typeof payload.wac !== 'string' || typeof payload.jti !== 'string') return null;
    return { challenge: payload.wac, challengeId: payload.jti };
  } catch {
    return null;
  }
}

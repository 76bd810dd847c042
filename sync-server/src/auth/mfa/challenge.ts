import { randomUUID } from 'node:crypto';
import { userId as userIdSchema } from '@kigaligo/domain';
import { sign, verify } from 'hono/jwt';

/** Long enough to open an authenticator app, short enough that a stolen challenge is soon worthless. */
export const MFA_CHALLENGE_TTL_SECONDS = 5 * 60;
const ALG = 'HS256';

/**
 * The proof that the password was right, handed out instead of tokens when the account has a second factor.
 * Its own `typ`, so it is never accepted as an access token (and vice versa).
 */
export async function signMfaChallenge(userId: string, secret: string, now = Math.floor(Date.now() / 1000)) {
  return sign(
    // The id lets the answer claim the challenge once (routes/auth-mfa.ts): a replayed one mints nothing.
    { sub: userId, typ: 'mfa_challenge', jti: randomUUID(), iat: now, exp: now + MFA_CHALLENGE_TTL_SECONDS },
    secret,
    ALG,
  );
}

/** The user and the challenge's own id of a valid, unexpired challenge, or null. */
export async function verifyMfaChallenge(
  token: string,
  secret: string,
): Promise<{ userId: string; challengeId: string } | null> {
  try {
    const payload = await verify(token, secret, ALG);
    const id = userIdSchema.safeParse(payload.sub);
    if (payload.typ !== 'mfa_challenge' || !id.success || typeof payload.jti !== 'string') return null;
    return { userId: id.data, challengeId: payload.jti };
  } catch {
    return null;
  }
}

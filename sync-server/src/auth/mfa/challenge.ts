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
    { sub: userId, typ: 'mfa_challenge', iat: now, exp: now + MFA_CHALLENGE_TTL_SECONDS },
    secret,
    ALG,
  );
}

/** The user id of a valid, unexpired challenge, or null. */
export async function verifyMfaChallenge(token: string, secret: string): Promise<string | null> {
  try {
    const payload = await verify(token, secret, ALG);
    const id = userIdSchema.safeParse(payload.sub);
    return payload.typ === 'mfa_challenge' && id.success ? id.data : null;
  } catch {
    return null;
  }
}

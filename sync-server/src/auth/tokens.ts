import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@kigaligo/domain';
import { role as roleSchema, userId } from '@kigaligo/domain';
import { sign, verify } from 'hono/jwt';
import { z } from 'zod';

const sessionId = z.uuid();

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;
// Always name the algorithm: hono/jwt requires it since the algorithm-confusion fixes (PITFALLS.md).
const ALG = 'HS256';

export interface AccessClaims {
  userId: string;
  role: Role;
  /** The session (refresh-token family) the token belongs to: revoking it ends the token at once. */
  sessionId: string;
  /**
   * An admin who must enrol a second factor first (auth/mfa/policy): the token has its own `typ`, which only the
   * MFA enrolment routes accept, so no other route, socket or feed can be reached with it.
   */
  enrolmentOnly?: boolean;
}

export async function signAccessToken(
  claims: AccessClaims,
  secret: string,
  now = Math.floor(Date.now() / 1000),
): Promise<string> {
  return sign(
    {
      sub: claims.userId,
      role: claims.role,
      sid: claims.sessionId,
      typ: claims.enrolmentOnly ? 'mfa_enrolment' : 'access',
      iat: now,
      exp: now + ACCESS_TOKEN_TTL_SECONDS,
    },
    secret,
    ALG,
  );
}

/** Returns the claims of a valid, unexpired access token, or null for anything else. */
export async function verifyAccessToken(token: string, secret: string): Promise<AccessClaims | null> {
  const claims = await verifyTyped(token, secret);
  return claims && !claims.enrolmentOnly ? claims : null;
}

/** Like verifyAccessToken, but also accepts the enrolment-only token (for the MFA enrolment routes). */
export async function verifyAccessOrEnrolmentToken(
  token: string,
  secret: string,
): Promise<AccessClaims | null> {
  return verifyTyped(token, secret);
}

async function verifyTyped(token: string, secret: string): Promise<AccessClaims | null> {
  try {
    const payload = await verify(token, secret, ALG);
    const id = userId.safeParse(payload.sub);
    const role = roleSchema.safeParse(payload.role);
    const sid = sessionId.safeParse(payload.sid);
    const typ = payload.typ;
    // A token without a session predates revocation: refused, so the app refreshes into one that has it.
    if ((typ !== 'access' && typ !== 'mfa_enrolment') || !id.success || !role.success || !sid.success) {
      return null;
    }
    const claims: AccessClaims = { userId: id.data, role: role.data, sessionId: sid.data };
    return typ === 'mfa_enrolment' ? { ...claims, enrolmentOnly: true } : claims;
  } catch {
    return null;
  }
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

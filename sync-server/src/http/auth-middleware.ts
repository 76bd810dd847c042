import type { Role } from '@kigaligo/domain';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../app-env';
import { type AccessClaims, verifyAccessOrEnrolmentToken } from '../auth/tokens';
import { DomainError, forbidden, unauthorized } from '../domain-error';

/** Reads and verifies the bearer access token; every protected route sits behind this. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const claims = await bearerClaims(c.req.header('authorization'), c.var.deps);
  if (claims.enrolmentOnly) {
    // The app takes the admin to enrolment on this code (ADMIN_MFA=required).
    throw new DomainError('forbidden', 'mfa_enrolment_required', 'Set up a second sign-in factor first');
  }
  c.set('auth', claims);
  await next();
});

/** requireAuth that also lets an admin who still has to enrol a second factor through (the MFA routes only). */
export const requireAuthOrEnrolment = createMiddleware<AppEnv>(async (c, next) => {
  c.set('auth', await bearerClaims(c.req.header('authorization'), c.var.deps));
  await next();
});

async function bearerClaims(header: string | undefined, deps: AppDeps) {
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header ?? '');
  if (!match) throw unauthorized();
  const claims = await verifyAccessOrEnrolmentToken(match[1]!, deps.jwtSecret);
  if (!claims) throw unauthorized('Your session token is invalid or expired', 'invalid_token');
  if (deps.sessions.isRevoked(claims.sessionId)) {
    throw unauthorized('This session was signed out; sign in again', 'session_revoked');
  }
  return claims;
}

export const requireRole = (...allowed: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const auth: AccessClaims | undefined = c.var.auth;
    if (!auth) throw unauthorized();
    if (!allowed.includes(auth.role)) throw forbidden(`Only ${allowed.join(' or ')} accounts can do this`);
    await next();
  });

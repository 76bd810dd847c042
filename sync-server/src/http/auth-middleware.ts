import type { Role } from '@kigaligo/domain';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { type AccessClaims, verifyAccessToken } from '../auth/tokens';
import { forbidden, unauthorized } from '../domain-error';

/** Reads and verifies the bearer access token; every protected route sits behind this. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  if (!match) throw unauthorized();
  const claims = await verifyAccessToken(match[1]!, c.var.deps.jwtSecret);
  if (!claims) throw unauthorized('Your session token is invalid or expired', 'invalid_token');
  if (c.var.deps.sessions.isRevoked(claims.sessionId)) {
    throw unauthorized('This session was signed out; sign in again', 'session_revoked');
  }
  c.set('auth', claims);
  await next();
});

export const requireRole = (...allowed: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const auth: AccessClaims | undefined = c.var.auth;
    if (!auth) throw unauthorized();
    if (!allowed.includes(auth.role)) throw forbidden(`Only ${allowed.join(' or ')} accounts can do this`);
    await next();
  });

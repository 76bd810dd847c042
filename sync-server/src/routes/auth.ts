import { loginInput, refreshInput, registerInput } from '@kigaligo/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { createAccount, login, logout, refresh, startSession } from '../auth/auth-service';
import { clientAddress } from '../http/client-address';
import { tooManyRequests, unauthorized } from '../http/errors';
import { jsonBody } from '../http/validate';

export const authRoutes = new Hono<AppEnv>()
  .post('/register', jsonBody(registerInput), async (c) => {
    const body = c.req.valid('json');
    const { database, jwtSecret, authLimits } = c.var.deps;
    const wait = await authLimits.beforeRegistration(clientAddress(c));
    if (wait > 0) throw tooManyRequests(wait);
    // Self sign-up only ever creates riders; staff accounts come from admins.
    const row = await createAccount(database.db, { ...body, role: 'rider' });
    return c.json(await startSession(database.db, jwtSecret, row), 201);
  })
  .post('/login', jsonBody(loginInput), async (c) => {
    const { email, password } = c.req.valid('json');
    const { database, jwtSecret, authLimits } = c.var.deps;
    // Wrong passwords slow down only this (account, client) pair, so nobody can lock the owner out (AuthLimits).
    const client = clientAddress(c);
    const wait = await authLimits.beforeLogin(email, client);
    if (wait > 0) throw tooManyRequests(wait);
    const session = await login(database.db, jwtSecret, email, password);
    if (!session) {
      await authLimits.loginFailed(email, client);
      throw unauthorized('Wrong email or password', 'invalid_credentials');
    }
    await authLimits.loginSucceeded(email, client);
    return c.json(session);
  })
  .post('/refresh', jsonBody(refreshInput), async (c) => {
    const { database, jwtSecret } = c.var.deps;
    return c.json(await refresh(database.db, jwtSecret, c.req.valid('json').refreshToken));
  })
  .post('/logout', jsonBody(refreshInput), async (c) => {
    await logout(c.var.deps.database.db, c.req.valid('json').refreshToken);
    return c.body(null, 204);
  });

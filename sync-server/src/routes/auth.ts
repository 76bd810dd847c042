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
    const { database, jwtSecret } = c.var.deps;
    // Self sign-up only ever creates riders; staff accounts come from admins.
    const row = await createAccount(database.db, { ...body, role: 'rider' });
    return c.json(await startSession(database.db, jwtSecret, row), 201);
  })
  .post('/login', jsonBody(loginInput), async (c) => {
    const { email, password } = c.req.valid('json');
    const { database, jwtSecret, loginLimits } = c.var.deps;
    // Two limits: one per account (guessing one password from many machines) and one per client
    // (one machine trying many accounts). Both count every attempt; a success clears the account's.
    const waitClient = await loginLimits.perClient.hit(clientAddress(c));
    const waitAccount = await loginLimits.perAccount.hit(email);
    const wait = Math.max(waitClient, waitAccount);
    if (wait > 0) throw tooManyRequests(wait);
    const session = await login(database.db, jwtSecret, email, password);
    if (!session) throw unauthorized('Wrong email or password', 'invalid_credentials');
    await loginLimits.perAccount.reset(email);
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

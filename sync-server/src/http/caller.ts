import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { verifyPassword } from '../auth/password';
import { findUserById, type UserRow } from '../db/users';
import { DomainError, tooManyRequests, unauthorized } from '../domain-error';
import { clientAddress } from './client-address';

/** The signed-in caller's account row (a deleted account's token is no longer valid). */
export async function caller(c: Context<AppEnv>): Promise<UserRow> {
  const row = await findUserById(c.var.deps.database.db, c.var.auth.userId);
  if (!row) throw unauthorized('This account no longer exists', 'invalid_token');
  return row;
}

/** Changing factors asks for the password again (throttled like sign-in): a borrowed unlocked phone is not enough. */
export async function reauthenticated(c: Context<AppEnv>, password: string): Promise<UserRow> {
  const row = await caller(c);
  const { authLimits } = c.var.deps;
  const client = clientAddress(c);
  const wait = await authLimits.beforeLogin(row.email, client);
  if (wait > 0) throw tooManyRequests(wait);
  if (!(await verifyPassword(password, row.passwordHash))) {
    await authLimits.loginFailed(row.email, client);
    throw new DomainError('invalid', 'wrong_password', 'The password is not right', [
      { path: 'password', message: 'Not your password' },
    ]);
  }
  return row;
}

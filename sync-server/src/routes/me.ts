import {
  languagePreference,
  notificationPreferences,
  pushToken,
  pushTokenInput,
  user,
} from '@kigaligo/domain';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { pushTokens, users } from '../db/schema';
import { findUserById, toUser } from '../db/users';
import { notFound } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth } from '../http/auth-middleware';
import { jsonBody, pathParams } from '../http/validate';

/** The signed-in user, their devices for push and their notification switches (sessions: me-sessions.ts). */
export const meRoutes = new Hono<AppEnv>()
  .use('/push-tokens', requireAuth)
  .use('/push-tokens/*', requireAuth)
  .use('/notification-preferences', requireAuth)
  .use('/language', requireAuth)
  .post(
    '/push-tokens',
    documented({
      summary: "Register this device's push token (FCM, or a sandbox token)",
      audience: 'any',
      ok: { 201: pushTokenInput },
      errors: [400],
    }),
    jsonBody(pushTokenInput),
    async (c) => {
      const { token, platform } = c.req.valid('json');
      // A token names a device's app install: registered again after another user signs in there, it moves
      // to that user, so the previous one stops getting this device's pushes.
      await c.var.deps.database.db
        .insert(pushTokens)
        .values({ token, platform, userId: c.var.auth.userId })
        .onConflictDoUpdate({
          target: pushTokens.token,
          set: { userId: c.var.auth.userId, platform, lastSeenAt: new Date() },
        });
      return c.json({ token, platform }, 201);
    },
  )
  .delete(
    '/push-tokens/:token',
    documented({ summary: 'Stop push to this device', audience: 'any', ok: { 204: null }, errors: [400] }),
    pathParams(z.object({ token: pushToken })),
    async (c) => {
      const { token } = c.req.valid('param');
      await c.var.deps.database.db
        .delete(pushTokens)
        .where(and(eq(pushTokens.token, token), eq(pushTokens.userId, c.var.auth.userId)));
      return c.body(null, 204);
    },
  )
  .get(
    '/notification-preferences',
    documented({
      summary: 'Push and email switches',
      audience: 'any',
      ok: { 200: notificationPreferences },
      errors: [404],
    }),
    async (c) => {
      const [row] = await c.var.deps.database.db
        .select({ push: users.notifyPush, email: users.notifyEmail })
        .from(users)
        .where(eq(users.id, c.var.auth.userId));
      if (!row) throw notFound('This account no longer exists');
      return c.json(row);
    },
  )
  .put(
    '/notification-preferences',
    documented({
      summary: 'Change the push and email switches',
      audience: 'any',
      ok: { 200: notificationPreferences },
      errors: [400, 404],
    }),
    jsonBody(notificationPreferences),
    async (c) => {
      const prefs = c.req.valid('json');
      const [row] = await c.var.deps.database.db
        .update(users)
        .set({ notifyPush: prefs.push, notifyEmail: prefs.email })
        .where(eq(users.id, c.var.auth.userId))
        .returning({ push: users.notifyPush, email: users.notifyEmail });
      if (!row) throw notFound('This account no longer exists');
      return c.json(row);
    },
  )
  .put(
    '/language',
    documented({
      summary: 'The language push and email are written in (the one chosen in an app)',
      audience: 'any',
      ok: { 200: languagePreference },
      errors: [400, 404],
    }),
    jsonBody(languagePreference),
    async (c) => {
      const { language } = c.req.valid('json');
      const [row] = await c.var.deps.database.db
        .update(users)
        .set({ language })
        .where(eq(users.id, c.var.auth.userId))
        .returning({ language: users.language });
      if (!row) throw notFound('This account no longer exists');
      return c.json(row);
    },
  )
  .get(
    '/',
    documented({
      summary: 'The signed-in user',
      audience: 'any',
      ok: { 200: z.object({ user }) },
      errors: [404],
    }),
    requireAuth,
    async (c) => {
      const row = await findUserById(c.var.deps.database.db, c.var.auth.userId);
      if (!row) throw notFound('This account no longer exists');
      return c.json({ user: toUser(row) });
    },
  );

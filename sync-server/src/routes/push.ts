import { pushConfig } from '@kigaligo/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { documented } from '../http/api-docs';
import { requireAuth } from '../http/auth-middleware';

/** `GET /api/push/config`: FCM web config and VAPID key when FCM is configured, else sandbox mode. */
export const pushConfigRoutes = new Hono<AppEnv>().get(
  '/config',
  documented({
    summary: 'What a web app needs to register for push',
    description: 'FCM web config and VAPID key, or {mode: sandbox}.',
    audience: 'any',
    ok: { 200: pushConfig },
  }),
  requireAuth,
  (c) => c.json(c.var.deps.pushConfig ?? { mode: 'sandbox' }),
);

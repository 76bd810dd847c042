import type { Context } from 'hono';
import type { AppEnv } from '../app-env';

/**
 * The origin people reach the apps at: PUBLIC_URL when set (behind a proxy, and so a forged Host header cannot
 * steer an emailed link, a sign-in redirect or a passkey's binding), else the origin of the request itself.
 */
export const publicOrigin = (c: Context<AppEnv>): string => c.var.deps.publicUrl ?? new URL(c.req.url).origin;

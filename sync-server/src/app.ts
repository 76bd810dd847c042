import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './app-env';
import { DomainError, httpStatusOf } from './domain-error';
import { apiCompression } from './http/compression';
import { DB_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './http/db-unavailable';
import { errorBody } from './http/errors';
import { apiHeaders } from './http/security-headers';
import { wellFormedUrl } from './http/well-formed-url';
import { adminAuditRoutes } from './routes/admin-audit';
import { adminOutboxRoutes } from './routes/admin-outbox';
import { adminReportRoutes } from './routes/admin-reports';
import { adminSyncIssueRoutes } from './routes/admin-sync-issues';
import { adminUserRoutes } from './routes/admin-users';
import { authRoutes } from './routes/auth';
import { authMfaRoutes } from './routes/auth-mfa';
import { authOidcRoutes } from './routes/auth-oidc';
import { authPasskeyRoutes } from './routes/auth-passkey';
import { configRoutes } from './routes/config';
import { evidenceRoutes } from './routes/evidence';
import { gtfsRtRoutes } from './routes/gtfs-rt';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { meCardRoutes } from './routes/me-cards';
import { meMfaRoutes } from './routes/me-mfa';
import { mePasskeyRoutes } from './routes/me-passkeys';
import { meSessionRoutes } from './routes/me-sessions';
import { networkRoutes } from './routes/network';
import { serveOpenApi } from './routes/openapi';
import { paymentRoutes } from './routes/payments';
import { placeRoutes } from './routes/places';
import { planRoutes } from './routes/plan';
import { pushConfigRoutes } from './routes/push';
import { refundRoutes } from './routes/refunds';
import { reportRoutes } from './routes/reports';
import { shiftRoutes } from './routes/shifts';
import { socketTicketRoutes } from './routes/socket-tickets';
import { stopRoutes } from './routes/stops';
import { tripRoutes } from './routes/trips';
import { vehicleRoutes } from './routes/vehicles';
import { webhookRoutes } from './routes/webhooks';
import { serveApps } from './static/serve-apps';

const MAX_JSON_BODY_BYTES = 1024 * 1024;

const codeForStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** Builds the whole HTTP app without listening, so tests can call `app.request()` directly. */
export function createApp(deps: AppDeps, opts: { appsDir?: string } = {}) {
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(deps.metrics.middleware());
  app.use(async (c, next) => {
    c.set('deps', deps);
    const started = performance.now();
    await next();
    // Paths only, never query strings: they may carry tokens or coordinates (Law 058/2021).
    deps.logger.info(
      {
        requestId: c.var.requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use(apiHeaders(deps.trustProxy));
  app.use(wellFormedUrl);
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_JSON_BODY_BYTES,
    onError: (c) => c.json(errorBody('payload_too_large', 'The request body is larger than 1 MiB'), 413),
  });
  app.use('/api/*', (c, next) =>
    // Evidence uploads stream up to 50 MiB under their own per-type limits (routes/evidence.ts).
    c.req.method === 'PUT' && c.req.path.startsWith('/api/evidence/') ? next() : jsonBodyLimit(c, next),
  );
  app.use('/api/*', ...apiCompression);

  const api = new Hono<AppEnv>()
    .route('/health', healthRoutes)
    .route('/config', configRoutes)
    .route('/auth/mfa', authMfaRoutes)
    .route('/auth/passkey', authPasskeyRoutes)
    .route('/auth/oidc', authOidcRoutes)
    .route('/auth', authRoutes)
    .route('/me', meRoutes)
    .route('/me/sessions', meSessionRoutes)
    .route('/me/mfa', meMfaRoutes)
    .route('/me/passkeys', mePasskeyRoutes)
    .route('/me/cards', meCardRoutes)
    .route('/sync', socketTicketRoutes)
    .route('/push', pushConfigRoutes)
    .route('/payments', paymentRoutes)
    .route('/refunds', refundRoutes)
    .route('/webhooks', webhookRoutes)
    .route('/admin/users', adminUserRoutes)
    .route('/admin/outbox', adminOutboxRoutes)
    .route('/admin/reports', adminReportRoutes)
    .route('/admin/audit', adminAuditRoutes)
    .route('/admin/sync-issues', adminSyncIssueRoutes)
    .route('/evidence', evidenceRoutes)
    .route('/reports', reportRoutes)
    .route('/vehicles', vehicleRoutes)
    .route('/shifts', shiftRoutes)
    .route('/gtfs-rt', gtfsRtRoutes)
    .route('/network', networkRoutes)
    .route('/stops', stopRoutes)
    .route('/routes', planRoutes)
    .route('/places', placeRoutes)
    .route('/trips', tripRoutes);
  app.route('/api', api);
  serveOpenApi(app);
  app.get('/metrics', deps.metrics.handler(deps.metricsToken));
  if (opts.appsDir) {
    const providers = {
      map: deps.map,
      fcm: deps.pushConfig?.mode === 'fcm',
      stripe: deps.cardConfig?.provider === 'stripe',
    };
    app.route('/', serveApps(opts.appsDir, providers, deps.trustProxy));
  }

  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((err, c) => {
    if (err instanceof DomainError) {
      const retryAfter =
        err.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(err.retryAfterSeconds) };
      return c.json(errorBody(err.code, err.message, err.details), httpStatusOf[err.kind], retryAfter);
    }
    if (err instanceof HTTPException && err.status < 500) {
      // Hono's own 4xx (malformed JSON, wrong content type) keep their status with our error shape.
      const malformed = /malformed json/i.test(err.message);
      const code = malformed ? 'invalid_json' : (codeForStatus[err.status] ?? 'bad_request');
      const message = malformed ? 'The request body is not valid JSON' : err.message || 'Bad request';
      return c.json(errorBody(code, message), err.status);
    }
    if (isDatabaseUnavailable(err)) {
      deps.logger.warn({ err, requestId: c.var.requestId, path: c.req.path }, 'database unreachable');
      return c.json(
        errorBody('unavailable', 'The service is briefly unavailable. Try again in a few seconds.'),
        503,
        { 'Retry-After': String(DB_RETRY_AFTER_SECONDS) },
      );
    }
    deps.logger.error({ err, requestId: c.var.requestId, path: c.req.path }, 'unhandled error');
    deps.reportError(err, { requestId: c.var.requestId, path: c.req.path });
    // Never the stack or the message: they can leak internals.
    return c.json(errorBody('internal', `Something went wrong (request ${c.var.requestId})`), 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

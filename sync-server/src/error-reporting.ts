import type { Logger } from 'pino';

export type ReportError = (err: unknown, context: Record<string, unknown>) => void;

/**
 * Sends unexpected errors to Sentry when SENTRY_DSN is set; otherwise they are only logged. The SDK is loaded
 * lazily so a server without a DSN never initialises it.
 */
export async function createErrorReporter(
  dsn: string | undefined,
  logger: Logger,
  release: string,
): Promise<ReportError> {
  if (!dsn) return () => {};
  const Sentry = await import('@sentry/node');
  Sentry.init({ dsn, release: `kigaligo@${release}`, defaultIntegrations: false });
  logger.info('error reporting to Sentry enabled');
  return (err, context) => {
    Sentry.captureException(err, { extra: context });
  };
}

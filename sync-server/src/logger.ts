import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs on stdout (or `destination`), one object per line (request ids come from the request
 * middleware).
 */
export function createLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options = { level, base: { service: 'kigaligo-sync-server' } };
  return destination ? pino(options, destination) : pino(options);
}

import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout, one object per line (request ids come from the request middleware). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'kigaligo-sync-server' } });
}

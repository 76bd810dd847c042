import type { MiddlewareHandler } from 'hono';
import { errorBody } from './errors';

/**
 * True when every %-escape in a request target (path and query) is complete and decodes to UTF-8. Routers
 * decode leniently and static serving strictly, so a bad escape would otherwise mean a 500 in one place and a
 * garbled parameter in another.
 */
export function isWellFormedTarget(target: string): boolean {
  try {
    decodeURIComponent(target);
    return true;
  } catch {
    return false;
  }
}

/** The path and query of a full URL (what the client sent after the host). */
export function requestTarget(url: string): string {
  const afterScheme = url.indexOf('//');
  const start = url.indexOf('/', afterScheme < 0 ? 0 : afterScheme + 2);
  return start < 0 ? '/' : url.slice(start);
}

/** Answers 400 JSON to any request whose URL has a malformed %-escape, before any route sees it. */
export const wellFormedUrl: MiddlewareHandler = async (c, next) => {
  if (isWellFormedTarget(requestTarget(c.req.url))) return next();
  return c.json(errorBody('bad_url_encoding', 'The URL contains a malformed %-escape'), 400);
};

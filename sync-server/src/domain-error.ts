import { type CloseCode, closeCodes } from '@kigaligo/sync-protocol';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/**
 * What a service refusal is, independent of the way it reaches a client: an API answer (app.ts turns it into
 * `{error:{code, message, details?}}` with the status below), a close of a sync socket (the close code below),
 * or an answer written into a document by a reconciler (the entry guard hands it over as `refused`).
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media'
  | 'unprocessable'
  | 'rate_limited'
  | 'internal'
  | 'unavailable';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** A refusal with a reason the user may read: services throw it, and never an HTTP error. */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Machine-readable, stable (`weak_password`, `idempotency_key_reused`): apps translate by it. */
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** When asking again may succeed (rate limits, a request still running): sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The one mapping of kinds to HTTP statuses (app.ts's error handler). */
export const httpStatusOf = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<ErrorKind, ContentfulStatusCode>;

/** ... and to sync close codes (sync-service.ts, when opening a document is refused). 1011 = server error. */
export const closeCodeOf: Record<ErrorKind, CloseCode | 1011> = {
  invalid: closeCodes.badRequest,
  unauthenticated: closeCodes.unauthenticated,
  forbidden: closeCodes.forbidden,
  not_found: closeCodes.unknownDocument,
  conflict: closeCodes.forbidden,
  too_large: closeCodes.tooLarge,
  unsupported_media: closeCodes.badRequest,
  unprocessable: closeCodes.badRequest,
  rate_limited: closeCodes.rateLimited,
  internal: 1011,
  unavailable: closeCodes.tryAgainLater,
};

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new DomainError('invalid', 'validation_failed', message, details);
export const unauthorized = (message = 'Sign in to continue', code = 'unauthenticated') =>
  new DomainError('unauthenticated', code, message);
export const forbidden = (message = 'You are not allowed to do this') =>
  new DomainError('forbidden', 'forbidden', message);
export const notFound = (message = 'Not found') => new DomainError('not_found', 'not_found', message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new DomainError(
    'rate_limited',
    'rate_limited',
    `Too many attempts. Try again in ${retryAfterSeconds} s.`,
    undefined,
    retryAfterSeconds,
  );

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

import type { ErrorDetail } from '../domain-error';

/** The API's error shape, `{error:{code, message, details?}}` (domain-error.ts says which status goes with it). */
export function errorBody(code: string, message: string, details?: ErrorDetail[]) {
  return { error: details ? { code, message, details } : { code, message } };
}

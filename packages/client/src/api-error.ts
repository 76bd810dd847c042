import { apiError } from '@kigaligo/domain';

export interface FieldIssue {
  path: string;
  message: string;
}

/** The server answered with an error body (`{error:{code,message,details?}}`) or an unexpected status. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
    /** The server's `Retry-After`, when it sent one: it is asking to be asked again, not refusing. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Builds the error from a non-2xx response, tolerating bodies that are not our JSON shape (proxies, 502s). */
  static async fromResponse(res: Response): Promise<ApiRequestError> {
    const body: unknown = await res.json().catch(() => null);
    const parsed = apiError.safeParse(body);
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      return new ApiRequestError(res.status, code, message, details, retryAfterMs);
    }
    const fallback = res.statusText || `HTTP ${res.status}`;
    return new ApiRequestError(res.status, `http_${res.status}`, fallback, [], retryAfterMs);
  }
}

/** `Retry-After` is either delay seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The request never reached the server: the device is offline or the server is unreachable. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(cause: unknown) {
    super('Network request failed', { cause });
  }
}

/** Signed in fine, but this app is not for that role (e.g. a driver opening the rider app). */
export class WrongRoleError extends Error {
  override readonly name = 'WrongRoleError';
  constructor(
    readonly actualRole: string,
    readonly expectedRole: string,
  ) {
    super(`This app is for ${expectedRole} accounts; you signed in as ${actualRole}.`);
  }
}

/** The stored session is gone or was rejected; the app should show its sign-in screen. */
export class SignedOutError extends Error {
  override readonly name = 'SignedOutError';
  constructor() {
    super('Not signed in');
  }
}

import { ApiRequestError, NetworkError, SignedOutError, WrongRoleError } from '@kigaligo/client';
import type { z } from 'zod';
import type { CommonKey } from '../i18n/common-messages';
import type { Translate } from '../i18n/i18n-context';

export interface ErrorContext {
  /** Shown when someone signs in with an account of another role. */
  wrongRole?: string;
  /** On the sign-in form a 401 means bad credentials, elsewhere it means the session ended. */
  signIn?: boolean;
}

/** Localised field messages for zod issues; the schema's own English text is the fallback. */
export function fieldErrorsFrom(issues: z.core.$ZodIssue[], t: Translate<CommonKey>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    if (!name || out[name]) continue;
    out[name] = issueMessage(name, issue, t);
  }
  return out;
}

function issueMessage(name: string, issue: z.core.$ZodIssue, t: Translate<CommonKey>): string {
  if (issue.code === 'invalid_type') return t('field.required');
  if (issue.code === 'too_big') return t('field.tooLong');
  if (name === 'email') return t('field.email');
  if (name === 'phone') return t('field.phone');
  if (name === 'password' && issue.code === 'too_small') {
    return Number(issue.minimum) > 1 ? t('field.passwordShort') : t('field.required');
  }
  if (issue.code === 'too_small') return t('field.required');
  return issue.message;
}

/** Turns anything thrown by the client into a message for people, plus server field details if any. */
export function errorMessage(
  err: unknown,
  t: Translate<CommonKey>,
  context: ErrorContext = {},
): { message: string; fields: Record<string, string> } {
  const plain = (message: string) => ({ message, fields: {} });
  if (err instanceof NetworkError) return plain(t('error.offline'));
  if (err instanceof WrongRoleError) return plain(context.wrongRole ?? err.message);
  if (err instanceof SignedOutError) return plain(t('error.signedOut'));
  if (!(err instanceof ApiRequestError)) return plain(t('error.generic'));
  // Answers about the request's Idempotency-Key, not about its fields (http/idempotency.ts).
  if (err.code === 'request_in_progress') return plain(t('error.inProgress'));
  if (err.code === 'idempotency_key_reused') return plain(t('error.keyReused'));

  switch (err.status) {
    case 400: {
      // zxcvbn's reason is English only; the apps give their own, in the user's language.
      if (err.code === 'weak_password') {
        return { message: t('field.passwordWeak'), fields: { password: t('field.passwordWeak') } };
      }
      const fields = Object.fromEntries(err.details.map((d) => [d.path.split('.')[0] ?? d.path, d.message]));
      return { message: err.details.length ? t('error.checkFields') : err.message, fields };
    }
    case 401:
      if (err.code === 'account_suspended') return plain(t('error.suspended'));
      return plain(context.signIn ? t('error.wrongCredentials') : t('error.signedOut'));
    case 403:
      return plain(/suspend/i.test(err.code + err.message) ? t('error.suspended') : t('error.forbidden'));
    case 409:
      return { message: t('error.emailTaken'), fields: { email: t('error.emailTaken') } };
    case 429:
      return plain(t('error.tooMany'));
    default:
      return plain(err.status >= 500 ? t('error.generic') : err.message);
  }
}

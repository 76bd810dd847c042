import { ApiRequestError, NetworkError, SignedOutError } from '@kigaligo/client';
import type { CommonKey } from '../i18n/common-messages';
import type { Translate } from '../i18n/i18n-context';

/**
 * The message for a failed action (pay, refund, retry): the server's own sentence for a refusal (it says what
 * was wrong, e.g. "only 600 RWF can still be refunded"), our words for offline, sign-out and server faults.
 */
export function actionErrorMessage(err: unknown, t: Translate<CommonKey>): string {
  if (err instanceof NetworkError) return t('error.offline');
  if (err instanceof SignedOutError) return t('error.signedOut');
  if (err instanceof ApiRequestError) {
    if (err.status === 401) return t('error.signedOut');
    if (err.status === 429) return t('error.tooMany');
    // The Idempotency-Key answers (http/idempotency.ts): ours to word, in the person's language.
    if (err.code === 'request_in_progress') return t('error.inProgress');
    if (err.code === 'idempotency_key_reused') return t('error.keyReused');
    if (err.status < 500 && err.message) return err.message;
  }
  return t('error.generic');
}

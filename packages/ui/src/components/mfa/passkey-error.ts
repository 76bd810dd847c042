import { ApiRequestError, PasskeyCancelledError } from '@kigaligo/client';
import type { Lang } from '../../i18n/i18n-context';
import { mfaMessages } from './mfa-messages';

/**
 * What went wrong with a passkey, in the person's language: a closed prompt, a passkey the server could not check
 * or does not know. Anything else (offline, server down) is the caller's to word; null then.
 */
export function passkeyErrorMessage(err: unknown, lang: Lang): string | null {
  const t = mfaMessages[lang];
  if (err instanceof PasskeyCancelledError) return t.passkeyCancelled;
  if (!(err instanceof ApiRequestError)) return null;
  switch (err.code) {
    case 'passkey_rejected':
      return t.passkeyRejected;
    case 'passkey_exists':
      return t.passkeyExists;
    case 'passkey_invalid':
      return t.passkeyUnknown;
    case 'passkey_challenge_invalid':
      return t.passkeyCancelled;
    default:
      return null;
  }
}

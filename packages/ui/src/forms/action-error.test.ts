import { ApiRequestError, NetworkError } from '@kigaligo/client';
import { describe, expect, it } from 'vitest';
import { commonEn } from '../i18n/common-messages';
import { actionErrorMessage } from './action-error';

const t = (key: keyof typeof commonEn) => commonEn[key];

describe('actionErrorMessage', () => {
  it('shows the server’s own reason for a refusal (e.g. refunding more than was paid)', () => {
    const err = new ApiRequestError(409, 'refund_exceeds_payment', 'At most 1245 RWF can still be refunded');
    expect(actionErrorMessage(err, t)).toBe('At most 1245 RWF can still be refunded');
  });
  it('uses our words for offline, sign-out, rate limits and server faults', () => {
    expect(actionErrorMessage(new NetworkError(new TypeError('x')), t)).toBe(commonEn['error.offline']);
    expect(actionErrorMessage(new ApiRequestError(401, 'unauthenticated', 'jwt expired'), t)).toBe(
      commonEn['error.signedOut'],
    );
    expect(actionErrorMessage(new ApiRequestError(429, 'too_many', 'slow down'), t)).toBe(
      commonEn['error.tooMany'],
    );
    expect(actionErrorMessage(new ApiRequestError(500, 'internal', 'stack…'), t)).toBe(
      commonEn['error.generic'],
    );
    expect(actionErrorMessage(new Error('boom'), t)).toBe(commonEn['error.generic']);
  });
  it('words the Idempotency-Key answers itself: still being handled, or sent before with other details', () => {
    expect(actionErrorMessage(new ApiRequestError(409, 'request_in_progress', 'still handled'), t)).toBe(
      commonEn['error.inProgress'],
    );
    expect(actionErrorMessage(new ApiRequestError(422, 'idempotency_key_reused', 'used before'), t)).toBe(
      commonEn['error.keyReused'],
    );
  });
});

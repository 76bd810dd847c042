import { ApiRequestError, NetworkError, WrongRoleError } from '@kigaligo/client';
import { createStaffInput, loginInput } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { commonEn, commonRw } from '../i18n/common-messages';
import { errorMessage, fieldErrorsFrom } from './error-message';

const t = (key: keyof typeof commonEn) => commonEn[key];

describe('field errors from the domain schemas', () => {
  it('says "required" for missing fields and explains a bad email, phone and short password', () => {
    const missing = loginInput.safeParse({});
    expect(fieldErrorsFrom(missing.error!.issues, t)).toEqual({
      email: 'This field is required',
      password: 'This field is required',
    });
    const bad = createStaffInput.safeParse({ email: 'x', password: 'short', name: 'A', phone: '0788' });
    expect(fieldErrorsFrom(bad.error!.issues, t)).toEqual({
      email: commonEn['field.email'],
      password: commonEn['field.passwordShort'],
      phone: commonEn['field.phone'],
    });
  });
});

describe('error messages', () => {
  it('maps API statuses and client errors to plain sentences', () => {
    const api = (status: number, code: string, details = [] as { path: string; message: string }[]) =>
      errorMessage(new ApiRequestError(status, code, 'server text', details), t, { signIn: true }).message;
    expect(api(401, 'invalid_credentials')).toBe('Wrong email or password.');
    expect(api(401, 'account_suspended')).toBe(commonEn['error.suspended']);
    expect(api(409, 'email_taken')).toBe(commonEn['error.emailTaken']);
    expect(api(409, 'request_in_progress')).toBe(commonEn['error.inProgress']);
    expect(api(422, 'idempotency_key_reused')).toBe(commonEn['error.keyReused']);
    expect(api(429, 'rate_limited')).toBe(commonEn['error.tooMany']);
    expect(api(400, 'validation_failed')).toBe('server text');
    const weak = errorMessage(
      new ApiRequestError(400, 'weak_password', 'server text', [
        { path: 'password', message: 'English only' },
      ]),
      t,
    );
    expect(weak).toEqual({
      message: commonEn['field.passwordWeak'],
      fields: { password: commonEn['field.passwordWeak'] },
    });
    expect(api(503, 'x')).toBe(commonEn['error.generic']);
    expect(errorMessage(new NetworkError(null), t).message).toBe(commonEn['error.offline']);
    expect(errorMessage(new WrongRoleError('driver', 'rider'), t, { wrongRole: 'Riders only' }).message).toBe(
      'Riders only',
    );
  });

  it('puts server field details on their fields', () => {
    const err = new ApiRequestError(400, 'validation_failed', 'Invalid', [
      { path: 'phone', message: 'Bad phone' },
    ]);
    expect(errorMessage(err, t)).toEqual({
      message: commonEn['error.checkFields'],
      fields: { phone: 'Bad phone' },
    });
  });

  it('has Kinyarwanda for every shared string', () => {
    const empty = Object.entries(commonRw).filter(([, v]) => !v.trim());
    expect(empty).toEqual([]);
    expect(Object.keys(commonRw).sort()).toEqual(Object.keys(commonEn).sort());
  });
});

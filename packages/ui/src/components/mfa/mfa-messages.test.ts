import { describe, expect, it } from 'vitest';
import { mfaAnswerFrom, mfaMessages, recoveryCodesText } from './mfa-messages';

describe('the MFA screens', () => {
  it('tell a six-digit code from a recovery code, forgiving spaces, dashes and case', () => {
    expect(mfaAnswerFrom('123 456')).toEqual({ code: '123456' });
    expect(mfaAnswerFrom(' 012345 ')).toEqual({ code: '012345' });
    expect(mfaAnswerFrom('ABCDE-fgh27')).toEqual({ recoveryCode: 'abcdefgh27' });
    expect(mfaAnswerFrom('abcde fghij')).toEqual({ recoveryCode: 'abcdefghij' });
    // Five or seven digits, a 1 or 8 (not base32) or an empty field never reach the server.
    for (const bad of ['12345', '1234567', 'abcde-fgh18', '', 'abcdefghijk'])
      expect(mfaAnswerFrom(bad)).toBeNull();
  });

  it('write the recovery codes as a text file, one a line, headed in the reader’s language', () => {
    const text = recoveryCodesText(['aaaaa-bbbbb', 'ccccc-ddddd'], 'rw', 'a@example.rw');
    expect(text.split('\n')).toEqual([
      mfaMessages.rw.fileHeading,
      'a@example.rw',
      '',
      'aaaaa-bbbbb',
      'ccccc-ddddd',
      '',
    ]);
  });

  it('have every text in English and Kinyarwanda', () => {
    expect(Object.keys(mfaMessages.rw).sort()).toEqual(Object.keys(mfaMessages.en).sort());
    for (const [key, text] of Object.entries(mfaMessages.rw)) expect(text, key).not.toBe('');
  });
});

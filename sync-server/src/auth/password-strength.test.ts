import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import { assertStrongPassword } from './password-strength';

const refusal = (password: string, inputs?: string[]) => {
  try {
    assertStrongPassword(password, inputs);
    return null;
  } catch (err) {
    return err as DomainError;
  }
};

describe('assertStrongPassword', () => {
  it('refuses the most common passwords with weak_password on the password field', () => {
    for (const password of ['password', '12345678', 'password123', 'qwertyuiop', 'iloveyou1']) {
      const err = refusal(password);
      expect(err, password).toBeInstanceOf(DomainError);
      expect(err?.kind).toBe('invalid');
      expect(err?.code).toBe('weak_password');
      expect(err?.details?.[0]?.path).toBe('password');
    }
  });

  it('refuses a password made of the account’s own name and email', () => {
    expect(refusal('mukamana2026', ['mukamana@example.rw', 'Mukamana'])).toBeInstanceOf(DomainError);
  });

  it('accepts passphrases and the demo passwords', () => {
    for (const password of ['correct horse', 'kigali-rider', 'Muraho-Kigali-2026', 'tuk9!vXq#2']) {
      expect(refusal(password), password).toBeNull();
    }
  });
});

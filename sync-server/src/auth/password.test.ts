import { describe, expect, it, vi } from 'vitest';
import { NO_PASSWORD } from '../db/users';
import { hashingGate, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('Murakoze cyane!');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Murakoze cyane!', stored)).toBe(true);
    expect(await verifyPassword('murakoze cyane!', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats a corrupt stored hash as a mismatch, not a crash', async () => {
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });

  it('spends one hash on an account without a password, as on one with, so timing does not tell them apart', async () => {
    const stored = await hashPassword('Murakoze cyane!');
    await verifyPassword('warm up', NO_PASSWORD);
    const runs = vi.spyOn(hashingGate, 'run');
    try {
      expect(await verifyPassword('guess', stored)).toBe(false);
      expect(runs).toHaveBeenCalledTimes(1);
      expect(await verifyPassword('guess', NO_PASSWORD)).toBe(false);
      expect(runs).toHaveBeenCalledTimes(2);
    } finally {
      runs.mockRestore();
    }
  });
});

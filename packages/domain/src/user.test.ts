import { describe, expect, it } from 'vitest';
import { createStaffInput, registerInput } from './user';
import { vehicleInput } from './vehicle';

describe('user and vehicle schemas', () => {
  it('normalises emails and Rwandan phone numbers', () => {
    const r = registerInput.parse({
      email: ' Aline@Example.RW ',
      password: 'password1',
      name: ' Aline ',
      phone: '+250 788-123 456',
    });
    expect(r).toEqual({
      email: 'aline@example.rw',
      password: 'password1',
      name: 'Aline',
      phone: '+250788123456',
    });
  });

  it('refuses non-Rwandan or malformed phones', () => {
    for (const phone of ['0788123456', '+254712345678', '+25078812345', '+250 768 123 456']) {
      expect(
        registerInput.safeParse({ email: 'a@b.rw', password: 'password1', name: 'A', phone }).success,
        phone,
      ).toBe(false);
    }
  });

  it('requires a phone for staff and defaults their role to driver', () => {
    const base = { email: 'd@k.rw', password: 'password1', name: 'D' };
    expect(createStaffInput.safeParse(base).success).toBe(false);
    expect(createStaffInput.parse({ ...base, phone: '+250722000111' }).role).toBe('driver');
    expect(createStaffInput.safeParse({ ...base, phone: '+250722000111', role: 'rider' }).success).toBe(
      false,
    );
  });

  it('normalises plates and caps capacity by vehicle kind', () => {
    expect(vehicleInput.parse({ kind: 'moto', plate: 'rd  412 k', capacity: 1, operator: 'x' }).plate).toBe(
      'RD 412 K',
    );
    const tooMany = vehicleInput.safeParse({ kind: 'moto', plate: 'RD 412 K', capacity: 2, operator: 'x' });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]?.path).toEqual(['capacity']);
  });
});

import { describe, expect, it } from 'vitest';
import { formatStorage } from './use-storage-usage';

describe('formatStorage', () => {
  it('counts as phones do, with one decimal only for small values', () => {
    expect(formatStorage(850_000, 'en')).toBe('850 KB');
    expect(formatStorage(3_240_000, 'en')).toBe('3.2 MB');
    expect(formatStorage(48_700_000, 'en')).toBe('49 MB');
    expect(formatStorage(1_500_000_000, 'en')).toBe('1.5 GB');
    expect(formatStorage(0, 'en')).toBe('0 KB');
  });
});

import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance';
import { normalize } from './normalize';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('kimirnko', 'kimironko', 2)).toBe(1);
    expect(editDistance('rmeera', 'remera', 2)).toBe(1);
    expect(editDistance('gikondo', 'gikondo', 2)).toBe(0);
    expect(editDistance('abc', 'xyz', 2)).toBe(3);
  });
});

describe('normalize', () => {
  it('folds accents, case, apostrophes and letter-digit joins', () => {
    expect(normalize("Ikibuga cy'Indege")).toBe('ikibuga cyindege');
    expect(normalize('KK12')).toBe('kk 12');
    expect(normalize('Gare  de Nyabugogo!')).toBe('gare de nyabugogo');
    expect(normalize('Kimirónko')).toBe('kimironko');
  });
});

import { describe, expect, it } from 'vitest';
import { qrPath } from './qr-code';

describe('the enrolment QR code', () => {
  it('draws every dark module of a valid symbol, with the three finder patterns in place', () => {
    const uri =
      'otpauth://totp/KigaliGo:rider%40example.rw?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=KigaliGo';
    const { size, path } = qrPath(uri);
    // Version v is 17 + 4v modules wide.
    expect((size - 17) % 4).toBe(0);
    const dark = new Set(path.match(/M\d+ \d+/g)!.map((m) => m.slice(1)));
    // A finder pattern: a 7×7 dark ring, a light ring inside, a 3×3 dark core.
    for (const [top, left] of [
      [0, 0],
      [0, size - 7],
      [size - 7, 0],
    ] as const) {
      expect(dark.has(`${left} ${top}`)).toBe(true);
      expect(dark.has(`${left + 1} ${top + 1}`)).toBe(false);
      expect(dark.has(`${left + 3} ${top + 3}`)).toBe(true);
    }
    // A different secret gives a different drawing.
    expect(qrPath(uri.replace('JBSW', 'KBSW')).path).not.toBe(path);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './evidence-hash';

describe('sha256Hex', () => {
  const bytes = new TextEncoder().encode('Moto RD 123 A drove off with my bag at Kimironko');
  const expected = createHash('sha256').update(bytes).digest('hex');

  it('matches Node’s SHA-256 for a Blob, an ArrayBuffer and a Uint8Array', async () => {
    expect(await sha256Hex(new Blob([bytes]))).toBe(expected);
    expect(await sha256Hex(bytes.buffer.slice(0))).toBe(expected);
    expect(await sha256Hex(bytes)).toBe(expected);
  });

  it('hashes only the bytes of a view, not the rest of its buffer', async () => {
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    expect(await sha256Hex(padded.subarray(4, 4 + bytes.length))).toBe(expected);
  });

  it('is the known digest of the empty input', async () => {
    expect(await sha256Hex(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});

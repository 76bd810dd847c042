import { evidenceMaxBytes } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { checkEvidenceSize, evidenceLimits, fitWithin, sniffMime } from './evidence-limits';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(32).fill(0)]);
const ascii = (s: string, at = 0, length = 32) => {
  const out = new Uint8Array(length);
  out.set(
    Array.from(s, (c) => c.charCodeAt(0)),
    at,
  );
  return out;
};

describe('sniffMime', () => {
  it('recognises the evidence types by their first bytes', () => {
    expect(sniffMime(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffMime(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    const webp = ascii('RIFF');
    webp.set(ascii('WEBP', 0, 4), 8);
    expect(sniffMime(webp)).toBe('image/webp');
    const mp4 = ascii('ftypisom', 4);
    expect(sniffMime(mp4)).toBe('video/mp4');
    expect(sniffMime(bytes(0x1a, 0x45, 0xdf, 0xa3))).toBe('video/webm');
  });

  it('tells photos in an ISO container (HEIC) and QuickTime apart from MP4', () => {
    expect(sniffMime(ascii('ftypheic', 4))).toBe('image/other');
    expect(sniffMime(ascii('ftypqt  ', 4))).toBeNull();
  });

  it('does not trust a name: a PDF or a script is nothing we accept', () => {
    expect(sniffMime(ascii('%PDF-1.7'))).toBeNull();
    expect(sniffMime(ascii('<script>'))).toBeNull();
    expect(sniffMime(new Uint8Array())).toBeNull();
  });
});

describe('checkEvidenceSize', () => {
  it('accepts files up to the limit of their kind and names the limit above it', () => {
    expect(checkEvidenceSize('video', evidenceLimits.maxVideoBytes)).toBeNull();
    expect(checkEvidenceSize('video', evidenceLimits.maxVideoBytes + 1)).toEqual({
      code: 'too_large',
      limit: evidenceLimits.maxVideoBytes,
    });
    expect(checkEvidenceSize('image', evidenceLimits.maxImageBytes + 1)?.code).toBe('too_large');
    // A camera photo bigger than the upload limit is fine as input: it is resized first.
    expect(checkEvidenceSize('image-input', evidenceLimits.maxImageBytes + 1)).toBeNull();
    expect(checkEvidenceSize('image', 0)).toEqual({ code: 'empty' });
  });

  it('never lets through more than the server accepts', () => {
    expect(evidenceLimits.maxImageBytes).toBeLessThanOrEqual(evidenceMaxBytes['image/jpeg']);
    expect(evidenceLimits.maxVideoBytes).toBeLessThanOrEqual(evidenceMaxBytes['video/mp4']);
    expect(evidenceLimits.maxVideoBytes).toBeLessThanOrEqual(evidenceMaxBytes['video/webm']);
  });
});

describe('fitWithin', () => {
  it('scales the longest side down to the limit, keeping the shape', () => {
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(10000, 10, 1600)).toEqual({ width: 1600, height: 2 });
  });

  it('never scales up', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 1600, 1600)).toEqual({ width: 1600, height: 1600 });
  });
});

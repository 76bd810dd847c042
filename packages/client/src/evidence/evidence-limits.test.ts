import { evidenceMaxBytes } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { checkEvidenceSize, evidenceLimits, fitWithin, sniffEvidence } from './evidence-limits';

const ascii = (s: string, at = 0, length = 64) => {
  const out = new Uint8Array(length);
  out.set(
    Array.from(s, (c) => c.charCodeAt(0)),
    at,
  );
  return out;
};

describe('sniffEvidence', () => {
  it('takes the evidence types as the server does', () => {
    expect(sniffEvidence(ascii('ftypisom', 4))).toBe('video/mp4');
    const webm = ascii('webm', 8);
    webm.set([0x1a, 0x45, 0xdf, 0xa3]);
    expect(sniffEvidence(webm)).toBe('video/webm');
  });

  it('marks photos it could re-encode (HEIC, GIF) as image/other', () => {
    expect(sniffEvidence(ascii('ftypheic', 4))).toBe('image/other');
    expect(sniffEvidence(ascii('GIF89a'))).toBe('image/other');
  });

  it('refuses what the server would refuse with 415: QuickTime, Matroska, other ISO media, PDFs, scripts', () => {
    expect(sniffEvidence(ascii('ftypqt  ', 4))).toBeNull();
    const mkv = ascii('matroska', 8);
    mkv.set([0x1a, 0x45, 0xdf, 0xa3]);
    expect(sniffEvidence(mkv)).toBeNull();
    expect(sniffEvidence(ascii('ftyp3gp4', 4))).toBeNull();
    expect(sniffEvidence(ascii('%PDF-1.7'))).toBeNull();
    expect(sniffEvidence(ascii('<script>'))).toBeNull();
    expect(sniffEvidence(new Uint8Array())).toBeNull();
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

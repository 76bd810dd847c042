import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../test-support/evidence-samples';
import { sniffMime } from './sniff';

describe('sniffMime', () => {
  it('recognises the five evidence types by their signature', () => {
    expect(sniffMime(sampleFiles.jpeg())).toBe('image/jpeg');
    expect(sniffMime(sampleFiles.png())).toBe('image/png');
    expect(sniffMime(sampleFiles.webp())).toBe('image/webp');
    expect(sniffMime(sampleFiles.mp4())).toBe('video/mp4');
    expect(sniffMime(sampleFiles.webm())).toBe('video/webm');
  });

  it('refuses look-alikes: HEIF photos (ISO BMFF), Matroska (EBML), scripts, truncated headers', () => {
    expect(sniffMime(sampleFiles.heic())).toBeNull();
    expect(sniffMime(sampleFiles.mkv())).toBeNull();
    expect(sniffMime(sampleFiles.text())).toBeNull();
    expect(sniffMime(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffMime(new Uint8Array(0))).toBeNull();
  });

  it('accepts an MP4 whose major brand is unknown when a compatible brand is MP4', () => {
    const bytes = sampleFiles.mp4();
    bytes.set(
      [...'XXXX'].map((c) => c.charCodeAt(0)),
      8,
    );
    expect(sniffMime(bytes)).toBe('video/mp4');
  });
});

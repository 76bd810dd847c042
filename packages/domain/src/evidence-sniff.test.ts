import { describe, expect, it } from 'vitest';
import { isConvertibleImage, SNIFF_BYTES, sniffMime } from './evidence-sniff';

/** A file's first SNIFF_BYTES: the given signature, then filler that must not matter. */
const head = (...parts: (number[] | string)[]) => {
  const bytes = new Uint8Array(SNIFF_BYTES).fill(0x20);
  let at = 0;
  for (const part of parts) {
    const values = typeof part === 'string' ? Array.from(part, (c) => c.charCodeAt(0)) : part;
    bytes.set(values, at);
    at += values.length;
  }
  return bytes;
};
const isoBox = (major: string, compatible: string) =>
  head([0, 0, 0, 0x18], `ftyp${major}`, [0, 0, 2, 0], compatible);
const ebml = (docType: string) => head([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], docType);

describe('sniffMime', () => {
  it('recognises the five evidence types by their signature', () => {
    expect(sniffMime(head([0xff, 0xd8, 0xff, 0xe0], [0, 0x10], 'JFIF'))).toBe('image/jpeg');
    expect(sniffMime(head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffMime(head('RIFF', [0xf8, 0x07, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffMime(isoBox('isom', 'isommp41'))).toBe('video/mp4');
    expect(sniffMime(ebml('webm'))).toBe('video/webm');
  });

  it('refuses look-alikes: HEIF photos and QuickTime (ISO BMFF), Matroska (EBML), scripts, truncated headers', () => {
    expect(sniffMime(isoBox('heic', 'mif1heic'))).toBeNull();
    expect(sniffMime(isoBox('qt  ', 'qt  qt  '))).toBeNull();
    expect(sniffMime(ebml('matroska'))).toBeNull();
    expect(sniffMime(head('#!/bin/sh\necho pwned\n'))).toBeNull();
    expect(sniffMime(head('%PDF-1.7'))).toBeNull();
    expect(sniffMime(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffMime(new Uint8Array(0))).toBeNull();
  });

  it('accepts an MP4 whose major brand is unknown when a compatible brand is MP4, and no other', () => {
    expect(sniffMime(isoBox('XXXX', 'isommp41'))).toBe('video/mp4');
    expect(sniffMime(isoBox('XXXX', 'YYYYZZZZ'))).toBeNull();
  });
});

describe('isConvertibleImage', () => {
  it('knows photos a device can re-encode but the server never takes as they are', () => {
    expect(isConvertibleImage(head('GIF89a'))).toBe(true);
    expect(isConvertibleImage(head('BM'))).toBe(true);
    expect(isConvertibleImage(isoBox('heic', 'mif1heic'))).toBe(true);
    expect(isConvertibleImage(isoBox('avif', 'mif1avif'))).toBe(true);
  });

  it('is false for videos, evidence types and anything else', () => {
    expect(isConvertibleImage(isoBox('isom', 'isommp41'))).toBe(false);
    expect(isConvertibleImage(isoBox('qt  ', 'qt  qt  '))).toBe(false);
    expect(isConvertibleImage(head([0xff, 0xd8, 0xff, 0xe0]))).toBe(false);
    expect(isConvertibleImage(head('%PDF-1.7'))).toBe(false);
    expect(isConvertibleImage(new Uint8Array(0))).toBe(false);
  });
});

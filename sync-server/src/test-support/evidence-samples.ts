import { createHash } from 'node:crypto';

/**
 * Minimal files with real signatures, for tests: what a camera or MediaRecorder writes first, followed by
 * filler. Only the leading bytes matter to the type check.
 */
const withBody = (head: number[], size: number, seed: number) => {
  const bytes = new Uint8Array(Math.max(size, head.length));
  bytes.set(head);
  for (let i = head.length; i < bytes.length; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
};
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export const sampleFiles = {
  jpeg: (size = 2048, seed = 1) =>
    withBody([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii('JFIF'), 0x00, 0x01, 0x01], size, seed),
  png: (size = 2048, seed = 2) =>
    withBody([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...ascii('IHDR')], size, seed),
  webp: (size = 2048, seed = 3) =>
    withBody([...ascii('RIFF'), 0xf8, 0x07, 0, 0, ...ascii('WEBPVP8 ')], size, seed),
  mp4: (size = 4096, seed = 4) =>
    withBody([0, 0, 0, 0x18, ...ascii('ftypisom'), 0, 0, 2, 0, ...ascii('isommp41')], size, seed),
  webm: (size = 4096, seed = 5) =>
    withBody(
      [
        0x1a,
        0x45,
        0xdf,
        0xa3,
        0x9f,
        0x42,
        0x86,
        0x81,
        0x01,
        0x42,
        0xf7,
        0x81,
        0x01,
        0x42,
        0x82,
        0x84,
        ...ascii('webm'),
      ],
      size,
      seed,
    ),
  /** A HEIF photo: ISO BMFF like MP4, but not a video. */
  heic: (size = 2048) =>
    withBody([0, 0, 0, 0x18, ...ascii('ftypheic'), 0, 0, 0, 0, ...ascii('mif1heic')], size, 6),
  /** A Matroska video: EBML like WebM, but not WebM. */
  mkv: (size = 2048) =>
    withBody([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x82, 0x88, ...ascii('matroska')], size, 7),
  text: (size = 512) => new TextEncoder().encode('#!/bin/sh\necho pwned\n'.padEnd(size, '#')),
};

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

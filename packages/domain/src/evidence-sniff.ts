import type { EvidenceMime } from './safety-report';

// The one judge of what an evidence file is. The rider's device and the server both call it, so a file the
// device lets the rider attach is never refused by the server for its type (they used to disagree).

/** How many leading bytes `sniffMime` needs. */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/**
 * ISO base media "brands" that mean an MP4 video. HEIF/AVIF photos and QuickTime movies are ISO BMFF too
 * (`heic`, `mif1`, `avif`, `qt  `) and must not pass as video/mp4, so only these are accepted.
 */
const mp4Brands = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'dash',
  'mmp4',
  'MSNV',
]);

function isMp4(head: Uint8Array): boolean {
  if (head.length < 12 || ascii(head, 4, 4) !== 'ftyp') return false;
  // The ftyp box: size, "ftyp", major brand, minor version, compatible brands…
  const boxSize = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0);
  if (mp4Brands.has(ascii(head, 8, 4))) return true;
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length); at += 4) {
    if (mp4Brands.has(ascii(head, at, 4))) return true;
  }
  return false;
}

/** ISO BMFF brands of still images (HEIF, HEIC, AVIF): photos the device may re-encode, never a video. */
const stillImageBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'mif1', 'msf1', 'avif', 'avis']);

/**
 * A photo in a format that is not evidence as it stands (GIF, BMP, HEIF/AVIF) but that a device may decode
 * and re-encode as JPEG. The server never accepts these bytes; the device uses this to say "unsupported"
 * rather than "broken" when its browser cannot decode one.
 */
export function isConvertibleImage(head: Uint8Array): boolean {
  if (ascii(head, 0, 4) === 'GIF8' || startsWith(head, [0x42, 0x4d])) return true;
  return head.length >= 12 && ascii(head, 4, 4) === 'ftyp' && stillImageBrands.has(ascii(head, 8, 4));
}

/**
 * What the bytes are, judged by their signature ("magic bytes"), never by a name or a header the client sent.
 * Returns null for anything that is not one of the evidence types.
 */
export function sniffMime(head: Uint8Array): EvidenceMime | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'image/webp';
  if (isMp4(head)) return 'video/mp4';
  // EBML header, then a DocType element "webm" (Matroska files say "matroska" and are refused).
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(head, 4, SNIFF_BYTES - 4).includes('webm')) {
    return 'video/webm';
  }
  return null;
}

import { type EvidenceMime, evidenceMaxBytes, isConvertibleImage, sniffMime } from '@kigaligo/domain';

/**
 * What the device accepts as evidence, checked before anything is stored so the rider hears at once why a
 * file cannot be attached (the server checks again, by content). Photos are re-encoded on the device, so a
 * big camera file is fine as input; videos are sent as recorded, so their size is what the server gets.
 */
export const evidenceLimits = {
  /** A camera photo before resizing (a 200 MP phone photo is ~40 MB). */
  maxImageInputBytes: 40 * 1024 * 1024,
  /** A resized photo as stored and uploaded: the server's limit for JPEG (resized photos are far below). */
  maxImageBytes: evidenceMaxBytes['image/jpeg'],
  /** A short clip as recorded: the server's limit (about 30 s of 720p phone video). */
  maxVideoBytes: Math.min(evidenceMaxBytes['video/mp4'], evidenceMaxBytes['video/webm']),
  /** Longest side of a resized photo, in pixels: enough to read a plate, small enough for 3G. */
  maxImageSide: 1600,
  jpegQuality: 0.8,
} as const;

export type EvidenceProblem =
  /** Not a photo or a video we can send (a PDF, a .mov, a HEIC photo this browser cannot read). */
  | { code: 'unsupported_type' }
  /** Too big to send; `limit` is in bytes. */
  | { code: 'too_large'; limit: number }
  | { code: 'empty' }
  /** The photo could not be decoded (broken file). */
  | { code: 'unreadable' };

/** Thrown by the evidence store when a file cannot be attached; `problem` says why, for the message. */
export class EvidenceRejected extends Error {
  override readonly name = 'EvidenceRejected';
  constructor(readonly problem: EvidenceProblem) {
    super(`Evidence rejected: ${problem.code}`);
  }
}

/**
 * The kind of file from its first SNIFF_BYTES, judged by the same rule the server applies
 * (`sniffMime` in the domain), plus "a photo this device could re-encode"; the browser's `type` is only a hint.
 */
export function sniffEvidence(head: Uint8Array): EvidenceMime | 'image/other' | null {
  return sniffMime(head) ?? (isConvertibleImage(head) ? 'image/other' : null);
}

/** Whether a file of this kind and size may be attached; null when it may. */
export function checkEvidenceSize(
  kind: 'image-input' | 'image' | 'video',
  bytes: number,
): EvidenceProblem | null {
  if (bytes <= 0) return { code: 'empty' };
  const limit =
    kind === 'video'
      ? evidenceLimits.maxVideoBytes
      : kind === 'image'
        ? evidenceLimits.maxImageBytes
        : evidenceLimits.maxImageInputBytes;
  return bytes > limit ? { code: 'too_large', limit } : null;
}

/** Width and height scaled down (never up) so the longest side is at most `maxSide`. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height };
  const scale = maxSide / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

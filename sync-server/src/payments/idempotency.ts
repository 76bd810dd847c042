import { createHash } from 'node:crypto';
import { badRequest } from '../domain-error';

/**
 * A client's Idempotency-Key, scoped to the caller and turned into a UUID (MTN MoMo's X-Reference-Id must be
 * one): the same user and key give the same payment key, two users' keys never collide.
 */
export function scopedIdempotencyKey(userId: string, header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = header.trim();
  if (key.length < 8 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw badRequest('Idempotency-Key must be 8 to 255 printable characters');
  }
  const h = createHash('sha256').update(`${userId}\n${key}`).digest('hex');
  // Version 4 and RFC 4122 variant bits, so strict UUID validators accept it.
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

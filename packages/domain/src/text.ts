import { z } from 'zod';

/**
 * Characters Postgres cannot store in `text` or `jsonb`: U+0000, and UTF-16 surrogates that are not part of a
 * pair (JavaScript strings may hold them, UTF-8 cannot encode them). Either one makes an INSERT fail with
 * "invalid byte sequence", so they are refused at the edge instead of surfacing as a 500 or a stuck document.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT_MESSAGE =
  'Contains a character that cannot be stored (U+0000 or a lone UTF-16 surrogate)';

/** True when Postgres can store `s` as text: no U+0000 and no unpaired surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !loneSurrogate.test(s);
}

export interface TextOptions {
  /** Longest accepted value, in UTF-16 code units after normalising (what `String.length` and zod count). */
  max: number;
  /** Shortest accepted value after normalising; 0 by default. */
  min?: number;
  /** Strip leading and trailing white space (default). Off for secrets and opaque tokens, where it would alter them. */
  trim?: boolean;
  /** The message when shorter than `min`. */
  minMessage?: string;
}

/**
 * THE string schema for anything a user or a device sends: request bodies, query and path parameters, and every
 * client-writable field of synced documents. It refuses what the database cannot store (with the field's path,
 * like any other validation issue), normalises to NFC (so "é" typed two ways compares and indexes as one),
 * trims unless told not to, and enforces a length. Plain `z.string()` is for server-written values only; the
 * schema test in `text.test.ts` holds every input schema to this.
 */
export function text(options: TextOptions) {
  const { max, min = 0, trim = true, minMessage } = options;
  // abort: the normalising and length checks below must not run on a value that is already refused.
  let schema = z
    .string()
    .refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE, abort: true })
    .normalize('NFC');
  if (trim) schema = schema.trim();
  if (min > 0) schema = schema.min(min, minMessage);
  return schema.max(max);
}

/**
 * `s` with what Postgres cannot store replaced by U+FFFD, for text the server writes about what a device sent
 * (error messages, keys shown to admins): never refused, and visibly marked where something was dropped.
 */
export function toStorableText(s: string): string {
  return s.replaceAll('\u0000', '\uFFFD').replace(new RegExp(loneSurrogate.source, 'g'), '\uFFFD');
}

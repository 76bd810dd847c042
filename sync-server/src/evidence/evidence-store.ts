import type { Readable } from 'node:stream';
import { sha256Hex } from '@kigaligo/domain';

/**
 * Object storage for evidence bytes, addressed by content. Local files by default (local-store.ts), any
 * S3-compatible service when configured (s3-store.ts). Uploads are staged on local disk first, checked, and only
 * then handed to `put`, so the store never holds bytes that failed a check.
 */
export interface EvidenceStore {
  readonly kind: 'local' | 's3';
  /** A local directory for staged uploads (on the same file system as the store for local files). */
  readonly stagingDir: string;
  /** Moves a verified staged file into the store and returns its storage key; the staged file is consumed. */
  put(sha256: string, stagedPath: string, info: { mime: string; bytes: number }): Promise<string>;
  /** The stored bytes, or null when the object is missing. */
  open(storageKey: string): Promise<Readable | null>;
  close(): Promise<void>;
}

const KEY = /^sha256\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/**
 * The storage key of a digest: `sha256/ab/abcdef…`. Built only from a validated hex digest, so no input can
 * name a path outside the store (no `..`, no separators, no encoded tricks).
 */
export function evidenceKey(sha256: string): string {
  const digest = sha256Hex.parse(sha256);
  return `sha256/${digest.slice(0, 2)}/${digest}`;
}

/** Checks a key read back from the database before it is used to build a path or an object name. */
export function assertEvidenceKey(key: string): string {
  const m = KEY.exec(key);
  if (!m || !m[2]!.startsWith(m[1]!)) throw new Error('Not an evidence storage key');
  return key;
}

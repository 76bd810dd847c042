import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

/** Precompressed variants written at build time (scripts/precompress.mjs), best first. */
const variants = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export type ContentEncoding = (typeof variants)[number]['encoding'];

/** The encodings an Accept-Encoding header allows (q > 0), including through `*`. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  if (!header) return accepted;
  const refused = new Set<string>();
  let wildcard = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const allowed = q === undefined || Number(q) > 0;
    if (name === '*') wildcard = allowed;
    else if (allowed) accepted.add(name);
    else refused.add(name);
  }
  if (wildcard) for (const v of variants) if (!refused.has(v.encoding)) accepted.add(v.encoding);
  return accepted;
}

export interface EncodedFile {
  body: Uint8Array<ArrayBuffer>;
  /** null when the original is sent. */
  encoding: ContentEncoding | null;
  /** Strong validator of exactly these bytes. */
  etag: string;
  /** Whether a compressed variant exists at all, so caches must key on Accept-Encoding. */
  varies: boolean;
}

// Hashing a 1 MB bundle on every request would cost more than the 304 saves; files change only on a new build.
const etags = new Map<string, { mtimeMs: number; size: number; etag: string }>();

async function fileStat(path: string) {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

async function load(path: string, mtimeMs: number, size: number) {
  const body = await readFile(path);
  const known = etags.get(path);
  if (known && known.mtimeMs === mtimeMs && known.size === size) return { body, etag: known.etag };
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  etags.set(path, { mtimeMs, size, etag });
  return { body, etag };
}

/** Reads `path`, or its smallest precompressed variant the client accepts. */
export async function readEncoded(path: string, acceptEncoding: string | undefined): Promise<EncodedFile> {
  const accepted = acceptedEncodings(acceptEncoding);
  let varies = false;
  for (const { encoding, suffix } of variants) {
    const s = await fileStat(path + suffix);
    if (!s) continue;
    varies = true;
    if (!accepted.has(encoding)) continue;
    return { ...(await load(path + suffix, s.mtimeMs, s.size)), encoding, varies };
  }
  const s = await stat(path);
  return { ...(await load(path, s.mtimeMs, s.size)), encoding: null, varies };
}

/** RFC 9110 If-None-Match: weak comparison, any listed tag or `*`. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => strip(t) === strip(etag));
}

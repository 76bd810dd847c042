import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SNIFF_BYTES } from '@kigaligo/domain';
import { DomainError } from '../domain-error';

export interface StagedUpload {
  path: string;
  sha256: string;
  bytes: number;
  /** The first bytes, for the type check. */
  head: Uint8Array;
}

/**
 * Streams a request body to a staging file while hashing and counting it. The size limit is enforced as the
 * bytes arrive (a client that lies about Content-Length, or sends none, is cut off at the limit), and nothing
 * is kept in memory beyond one chunk. On any failure the staging file is removed.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  stagingDir: string,
  maxBytes: number,
): Promise<StagedUpload> {
  if (!body) throw new DomainError('invalid', 'empty_body', 'The request has no body');
  const path = join(stagingDir, `${randomUUID()}.part`);
  const file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  const fileDone = new Promise<void>((resolve, reject) => {
    file.on('close', resolve);
    file.on('error', reject);
  });
  const hash = createHash('sha256');
  const head = new Uint8Array(SNIFF_BYTES);
  let headLength = 0;
  let bytes = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new DomainError(
          'too_large',
          'payload_too_large',
          `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`,
        );
      }
      if (headLength < SNIFF_BYTES) {
        const take = value.subarray(0, SNIFF_BYTES - headLength);
        head.set(take, headLength);
        headLength += take.byteLength;
      }
      hash.update(value);
      if (!file.write(value)) await new Promise<void>((resolve) => file.once('drain', resolve));
    }
    file.end();
    await fileDone;
  } catch (err) {
    file.destroy();
    await fileDone.catch(() => {});
    await rm(path, { force: true });
    throw err;
  }
  if (bytes === 0) {
    await rm(path, { force: true });
    throw new DomainError('invalid', 'empty_body', 'The file is empty');
  }
  return { path, sha256: hash.digest('hex'), bytes, head: head.subarray(0, headLength) };
}

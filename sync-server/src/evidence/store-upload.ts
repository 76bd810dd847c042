import { rm } from 'node:fs/promises';
import type { EvidenceMime, EvidenceRef } from '@kigaligo/domain';
import { sniffMime } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { evidence, evidenceUploads } from '../db/schema';
import { DomainError } from '../domain-error';
import type { EvidenceStore } from './evidence-store';
import { receiveUpload } from './receive-upload';

const names: Record<EvidenceMime, string> = {
  'image/jpeg': 'JPEG photo',
  'image/png': 'PNG image',
  'image/webp': 'WebP image',
  'video/mp4': 'MP4 video',
  'video/webm': 'WebM video',
};

/**
 * Receives one upload: stages the body, checks that its SHA-256 is the one in the URL and that its bytes are
 * the claimed type, then stores it under its digest and records the uploader. The same content again is not
 * stored twice, but the new uploader is recorded — after proving they hold the bytes, since the hash alone
 * must never grant access to someone else's file.
 */
export async function storeUpload(
  db: Db,
  store: EvidenceStore,
  upload: {
    sha256: string;
    mime: EvidenceMime;
    maxBytes: number;
    userId: string;
    body: ReadableStream<Uint8Array> | null;
  },
): Promise<{ evidence: EvidenceRef; created: boolean }> {
  const staged = await receiveUpload(upload.body, store.stagingDir, upload.maxBytes);
  try {
    if (staged.sha256 !== upload.sha256) {
      throw new DomainError('invalid', 'digest_mismatch', 'The file’s SHA-256 is not the one in the URL');
    }
    const actual = sniffMime(staged.head);
    if (!actual) {
      throw new DomainError(
        'unsupported_media',
        'unsupported_media_type',
        'The file is not a JPEG, PNG, WebP, MP4 or WebM file',
      );
    }
    if (actual !== upload.mime) {
      throw new DomainError(
        'unsupported_media',
        'type_mismatch',
        `The file is a ${names[actual]}, not a ${names[upload.mime]}`,
      );
    }
    const [existing] = await db.select().from(evidence).where(eq(evidence.sha256, upload.sha256));
    // Bytes first, then the row: a row never points at missing bytes.
    const storageKey =
      existing?.storageKey ??
      (await store.put(upload.sha256, staged.path, { mime: actual, bytes: staged.bytes }));
    const created = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(evidence)
        .values({ sha256: upload.sha256, mime: actual, bytes: staged.bytes, storageKey })
        .onConflictDoNothing({ target: evidence.sha256 })
        .returning({ sha256: evidence.sha256 });
      await tx
        .insert(evidenceUploads)
        .values({ sha256: upload.sha256, userId: upload.userId })
        .onConflictDoNothing();
      return inserted.length > 0;
    });
    return { evidence: { sha256: upload.sha256, mime: actual, bytes: staged.bytes }, created };
  } finally {
    await rm(staged.path, { force: true });
  }
}

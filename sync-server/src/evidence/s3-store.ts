import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { assertEvidenceKey, type EvidenceStore, evidenceKey } from './evidence-store';

export interface S3Config {
  bucket: string;
  /** e.g. https://s3.eu-west-1.amazonaws.com, or a MinIO/Garage/R2 URL. */
  endpoint?: string | undefined;
  region: string;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
}

/**
 * Evidence in an S3-compatible bucket through @aws-sdk/client-s3. Path-style URLs (`endpoint/bucket/key`) work
 * with every S3-compatible server, not only AWS. Objects are private; the API streams them to allowed users.
 */
export async function s3EvidenceStore(config: S3Config, stagingRoot = tmpdir()): Promise<EvidenceStore> {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: true,
    ...(config.accessKeyId && config.secretAccessKey
      ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
      : {}),
    // Newer SDKs add CRC32 trailers to every upload, which several S3-compatible servers reject; the body is
    // already verified by its SHA-256 before it gets here.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const stagingDir = join(stagingRoot, `kigaligo-evidence-staging-${process.pid}`);
  await mkdir(stagingDir, { recursive: true, mode: 0o700 });

  return {
    kind: 's3',
    stagingDir,
    async put(sha256, stagedPath, info) {
      const key = evidenceKey(sha256);
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: config.bucket,
            Key: key,
            Body: createReadStream(stagedPath),
            ContentLength: info.bytes,
            ContentType: info.mime,
          }),
        );
      } finally {
        await rm(stagedPath, { force: true });
      }
      return key;
    },
    async open(key): Promise<Readable | null> {
      try {
        const res = await client.send(
          new GetObjectCommand({ Bucket: config.bucket, Key: assertEvidenceKey(key) }),
        );
        return (res.Body as Readable | undefined) ?? null;
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return null;
        throw err;
      }
    },
    async close() {
      client.destroy();
      await rm(stagingDir, { recursive: true, force: true });
    },
  };
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles, sha256 } from '../test-support/evidence-samples';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import type { EvidenceStore } from './evidence-store';
import { type S3Config, s3EvidenceStore } from './s3-store';

const readAll = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
};

// s3rver speaks the S3 REST API on a local port and checks signatures with its fixed key pair.
let s3: S3rver;
let dir: string;
let config: S3Config;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kigaligo-s3rver-'));
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'evidence' }],
  });
  const { port } = await s3.run();
  config = {
    bucket: 'evidence',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  };
});
afterAll(async () => {
  await s3.close();
  await rm(dir, { recursive: true, force: true });
});

describe('S3 evidence store (against s3rver)', () => {
  let store: EvidenceStore;
  beforeAll(async () => {
    store = await s3EvidenceStore(config);
  });
  afterAll(() => store.close());

  it('puts a staged file under its content key, path-style, and reads it back', async () => {
    const bytes = sampleFiles.webm(64 * 1024);
    const staged = join(store.stagingDir, 'upload.part');
    await writeFile(staged, bytes);
    const key = await store.put(sha256(bytes), staged, { mime: 'video/webm', bytes: bytes.length });
    expect(key).toBe(`sha256/${sha256(bytes).slice(0, 2)}/${sha256(bytes)}`);
    expect(sha256(await readAll((await store.open(key))!))).toBe(sha256(bytes));
    // Straight from the bucket: the object is there with its type.
    const raw = new S3Client({
      region: config.region,
      endpoint: config.endpoint!,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const obj = await raw.send(new GetObjectCommand({ Bucket: 'evidence', Key: key }));
    expect(obj.ContentType).toBe('video/webm');
    expect(obj.ContentLength).toBe(bytes.length);
    raw.destroy();
  });

  it('answers null for a missing object and refuses keys that are not evidence keys', async () => {
    expect(await store.open(`sha256/ab/ab${'0'.repeat(62)}`)).toBeNull();
    await expect(store.open('../../etc/passwd')).rejects.toThrow();
  });
});

describe.each(testDatabaseKinds)('evidence API on S3 storage on %s', (kind) => {
  let t: TestApp;
  let rider: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { evidence: await s3EvidenceStore(config) });
    rider = (await t.loginAs('rider')).accessToken;
  });
  afterAll(() => t.dispose());

  it('uploads, deduplicates and downloads through the bucket', async () => {
    const photo = sampleFiles.jpeg(256 * 1024, 77 + kind.length);
    const digest = sha256(photo);
    const put = () =>
      t.app.request(`/api/evidence/${digest}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${rider}`, 'content-type': 'image/jpeg' },
        body: photo,
      });
    expect((await put()).status).toBe(201);
    expect((await put()).status).toBe(200);
    const res = await t.app.request(`/api/evidence/${digest}`, {
      headers: { authorization: `Bearer ${rider}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(digest);
  });
});

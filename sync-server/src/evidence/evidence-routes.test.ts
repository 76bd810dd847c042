import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles, sha256 } from '../test-support/evidence-samples';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

const MiB = 1024 * 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe.each(testDatabaseKinds)('evidence upload and download on %s', (kind) => {
  let t: TestApp;
  let riderA: string;
  let riderB: string;
  let driver: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    riderA = (await t.loginAs('rider')).accessToken;
    driver = (await t.loginAs('driver')).accessToken;
    admin = (await t.loginAs('admin')).accessToken;
    const b = await t.request('POST', '/api/auth/register', {
      body: { email: `b-${kind}@example.rw`, password: 'password-123', name: 'Rider B' },
    });
    riderB = (await b.json()).accessToken;
  });
  afterAll(() => t.dispose());

  const put = (
    path: string,
    token: string,
    body: Uint8Array | ReadableStream<Uint8Array> | null,
    headers: Record<string, string>,
  ) =>
    t.app.request(path, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body,
      // Streams need half-duplex in Node's fetch.
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  const upload = (bytes: Uint8Array, mime: string, token = riderA, digest = sha256(bytes)) =>
    put(`/api/evidence/${digest}`, token, bytes, {
      'content-type': mime,
      'content-length': String(bytes.length),
    });
  const get = (digest: string, token?: string) =>
    t.app.request(`/api/evidence/${digest}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('stores a photo by its hash (201), deduplicates a repeat (200), and serves it back safely', async () => {
    const photo = sampleFiles.jpeg(3 * MiB);
    const digest = sha256(photo);
    const first = await upload(photo, 'image/jpeg');
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({
      evidence: { sha256: digest, mime: 'image/jpeg', bytes: photo.length },
    });
    const again = await upload(photo, 'image/jpeg; charset=binary');
    expect(again.status).toBe(200);

    const res = await get(digest, riderA);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="evidence-${digest.slice(0, 12)}.jpg"`,
    );
    expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(digest);
    expect(
      (
        await t.app.request(`/api/evidence/${digest}`, {
          headers: { authorization: `Bearer ${riderA}`, 'if-none-match': `"${digest}"` },
        })
      ).status,
    ).toBe(304);
  });

  it('accepts every evidence type, and a video above the photo limit', async () => {
    for (const [make, mime] of [
      [sampleFiles.png, 'image/png'],
      [sampleFiles.webp, 'image/webp'],
      [sampleFiles.mp4, 'video/mp4'],
      [sampleFiles.webm, 'video/webm'],
    ] as const) {
      expect((await upload(make(), mime)).status).toBe(201);
    }
    expect((await upload(sampleFiles.mp4(12 * MiB, 9), 'video/mp4')).status).toBe(201);
  });

  it('serves a file only to its uploaders and admins; everyone else gets 404, never 403', async () => {
    const photo = sampleFiles.jpeg(4096, 42);
    const digest = sha256(photo);
    expect((await upload(photo, 'image/jpeg')).status).toBe(201);
    expect((await get(digest, riderB)).status).toBe(404);
    expect((await get(digest, driver)).status).toBe(404);
    expect((await get(digest)).status).toBe(401);
    expect((await get(digest, admin)).status).toBe(200);
    // Knowing the hash is not enough: B must send the bytes, and then B is an uploader too.
    expect((await upload(photo, 'image/jpeg', riderB)).status).toBe(200);
    expect((await get(digest, riderB)).status).toBe(200);
    // Drivers and admins do not upload evidence.
    expect((await upload(sampleFiles.jpeg(100, 43), 'image/jpeg', driver)).status).toBe(403);
  });

  it('refuses abuse and changes nothing: wrong type, lies, oversize, mismatch, traversal', async () => {
    const before = await filesUnder(t.evidenceDir);
    const expectError = async (res: Response, status: number, code?: string) => {
      expect(res.status).toBe(status);
      if (code) expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    };
    // A script named and labelled as a photo.
    await expectError(await upload(sampleFiles.text(), 'image/jpeg'), 415, 'unsupported_media_type');
    // A real PNG claiming to be a JPEG; a HEIF photo claiming to be MP4.
    await expectError(await upload(sampleFiles.png(4096, 11), 'image/jpeg'), 415, 'type_mismatch');
    await expectError(await upload(sampleFiles.heic(), 'video/mp4'), 415, 'unsupported_media_type');
    // Types that are not evidence at all.
    await expectError(await upload(sampleFiles.text(), 'text/html'), 415, 'unsupported_media_type');
    await expectError(
      await upload(sampleFiles.jpeg(100, 12), 'image/svg+xml'),
      415,
      'unsupported_media_type',
    );
    // Oversized: refused from Content-Length before reading…
    const big = sampleFiles.jpeg(10 * MiB + 1, 13);
    await expectError(await upload(big, 'image/jpeg'), 413, 'payload_too_large');
    // …and, with no Content-Length, cut off while streaming.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < big.length; at += MiB) controller.enqueue(big.subarray(at, at + MiB));
        controller.close();
      },
    });
    await expectError(
      await put(`/api/evidence/${sha256(big)}`, riderA, stream, { 'content-type': 'image/jpeg' }),
      413,
    );
    // The bytes are not the ones the URL names.
    const photo = sampleFiles.jpeg(2048, 14);
    await expectError(
      await upload(photo, 'image/jpeg', riderA, sha256(sampleFiles.jpeg(2048, 15))),
      400,
      'digest_mismatch',
    );
    await expectError(await upload(new Uint8Array(0), 'image/jpeg', riderA, sha256(new Uint8Array(0))), 400);
    // Names that are not a lowercase hex SHA-256, including path traversal, encoded or not.
    for (const name of [
      '..%2F..%2Fetc%2Fpasswd',
      '..%252F..%252Fetc%252Fpasswd',
      'abc',
      sha256(photo).toUpperCase(),
      `${sha256(photo)}.jpg`,
    ]) {
      const res = await put(`/api/evidence/${name}`, riderA, photo, { 'content-type': 'image/jpeg' });
      expect([400, 404]).toContain(res.status);
      expect((await get(name, riderA)).status).toBe(404);
    }
    const raw = await put('/api/evidence/../../etc/passwd', riderA, photo, { 'content-type': 'image/jpeg' });
    expect([400, 404]).toContain(raw.status);

    // Nothing was stored, and nothing is anywhere but objects/sha256/<xx>/<digest>.
    const after = await filesUnder(t.evidenceDir);
    expect(after).toEqual(before);
    for (const f of after) expect(f).toMatch(/^objects\/sha256\/([0-9a-f]{2})\/\1[0-9a-f]{62}$/);
    expect(existsSync(join(t.evidenceDir, 'etc'))).toBe(false);
    expect(await readdir(join(t.evidenceDir, 'tmp'))).toEqual([]);
  });
});

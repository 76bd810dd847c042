import { Readable } from 'node:stream';
import { evidenceMaxBytes, evidenceMime, evidenceMimeTypes, evidenceRef, sha256Hex } from '@kigaligo/domain';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { evidence, evidenceUploads } from '../db/schema';
import { DomainError, notFound } from '../domain-error';
import { storeUpload } from '../evidence/store-upload';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';

const evidenceMedia = [...evidenceMimeTypes];

const extensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};

/**
 * Evidence by content: `PUT /api/evidence/<sha256>` (riders; raw body, Content-Type = the file's type) and
 * `GET` of the same URL for its uploaders and admins. The body limit of the rest of the API does not apply here
 * (app.ts); the per-type limits are enforced while streaming instead.
 */
export const evidenceRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .put(
    '/:sha256',
    documented({
      summary: 'Upload a photo or video',
      description:
        'Raw body; ≤ 10 MiB images, ≤ 50 MiB videos. The server hashes the body (it must equal the URL) and checks the type by content. 201 new, 200 already stored.',
      audience: 'rider',
      rawBody: { media: evidenceMedia, description: 'The file’s bytes' },
      ok: { 201: z.object({ evidence: evidenceRef }), 200: z.object({ evidence: evidenceRef }) },
      errors: [400, 413, 415],
    }),
    requireRole('rider'),
    async (c) => {
      const digest = sha256Hex.safeParse(c.req.param('sha256'));
      if (!digest.success)
        throw new DomainError('invalid', 'invalid_digest', 'The URL must end with the file’s SHA-256 in hex');
      const claimed = evidenceMime.safeParse(
        (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
      );
      if (!claimed.success) {
        throw new DomainError(
          'unsupported_media',
          'unsupported_media_type',
          'Evidence must be a JPEG, PNG or WebP photo or an MP4 or WebM video',
        );
      }
      const max = evidenceMaxBytes[claimed.data];
      const declared = Number(c.req.header('content-length') ?? Number.NaN);
      if (declared > max) {
        throw new DomainError(
          'too_large',
          'payload_too_large',
          `The file is larger than ${Math.round(max / 1024 / 1024)} MiB`,
        );
      }
      const { deps, auth } = c.var;
      const result = await storeUpload(deps.database.db, deps.evidence, {
        sha256: digest.data,
        mime: claimed.data,
        maxBytes: max,
        userId: auth.userId,
        body: c.req.raw.body,
      });
      // A report waiting for this file can be filed now.
      await deps.reportDocs.evidenceArrived(auth.userId);
      return c.json({ evidence: result.evidence }, result.created ? 201 : 200);
    },
  )
  .get(
    '/:sha256',
    documented({
      summary: 'The bytes of an evidence file',
      description: 'To its uploaders and admins (404 to anyone else); never cached (no-store).',
      audience: 'any',
      ok: { 200: { media: evidenceMedia }, 304: null },
      headers: { ETag: { description: 'The file’s SHA-256, quoted', schema: { type: 'string' } } },
      errors: [404],
    }),
    async (c) => {
      const digest = sha256Hex.safeParse(c.req.param('sha256'));
      // 404 for everything a caller may not see, so the API never confirms that some content exists.
      if (!digest.success) throw notFound('No such evidence');
      const { deps, auth } = c.var;
      const db = deps.database.db;
      const [row] = await db.select().from(evidence).where(eq(evidence.sha256, digest.data));
      if (!row) throw notFound('No such evidence');
      if (auth.role !== 'admin') {
        const [upload] = await db
          .select({ userId: evidenceUploads.userId })
          .from(evidenceUploads)
          .where(and(eq(evidenceUploads.sha256, row.sha256), eq(evidenceUploads.userId, auth.userId)));
        if (!upload) throw notFound('No such evidence');
      }
      const stream = await deps.evidence.open(row.storageKey);
      if (!stream) {
        deps.logger.error({ sha256: row.sha256 }, 'evidence row without stored bytes');
        throw notFound('No such evidence');
      }
      const headers = {
        'Content-Type': row.mime,
        'Content-Length': String(row.bytes),
        // Personal data: kept in no cache at all, so the apps' own clean-up of evidence is the whole story.
        'Cache-Control': 'no-store',
        ETag: `"${row.sha256}"`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Content-Disposition': `inline; filename="evidence-${row.sha256.slice(0, 12)}.${extensions[row.mime] ?? 'bin'}"`,
      };
      if (c.req.header('if-none-match') === headers.ETag) {
        stream.destroy();
        return c.body(null, 304, headers);
      }
      return c.body(Readable.toWeb(stream) as ReadableStream<Uint8Array>, 200, headers);
    },
  );

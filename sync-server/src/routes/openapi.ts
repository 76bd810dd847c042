import { apiError } from '@kigaligo/domain';
import type { Context, Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { documented, errorResponse } from '../http/api-docs';

const { $schema: _, ...apiErrorSchema } = z.toJSONSchema(apiError);

/**
 * The OpenAPI document, generated from the routes themselves: each route's `documented(...)` description,
 * its validators (request body, query, path) and its path. Only `/api/...` is described (not the apps' pages
 * or /metrics). Built once per app: the routes do not change while it runs.
 */
export function openApiDocument(app: Hono<AppEnv>, version: string) {
  return generateSpecs(app, {
    documentation: {
      info: {
        title: 'KigaliGo API',
        version,
        description:
          'Every refusal answers `{error:{code, message, details?}}`. Generated from the server’s routes and the domain schemas.',
        license: { name: 'Proprietary', identifier: 'LicenseRef-KigaliGo' },
      },
      servers: [{ url: '/', description: 'This server' }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        // The JSON Schema of the domain's error shape (zod's types differ from openapi-types' in form only).
        schemas: { ApiError: apiErrorSchema as never },
      },
    },
    exclude: [/^\/(?!api\/)/],
    // /api/openapi.json itself is an operation, not a static file.
    excludeStaticFile: false,
    defaultValidationErrorResponse: errorResponse(
      'The request is not valid (validation_failed with details per field)',
    ) as never,
  });
}

/** `GET /api/openapi.json`, answered from a document generated on first use; the document describes itself too. */
export function serveOpenApi(app: Hono<AppEnv>) {
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get(
    '/api/openapi.json',
    documented({
      summary: 'This description, generated from the routes',
      audience: 'public',
      ok: { 200: { media: ['application/json'], schema: z.record(z.string(), z.unknown()) } },
    }),
    async (c: Context<AppEnv>) => {
      document ??= openApiDocument(app, c.var.deps.version);
      return c.json(await document);
    },
  );
}

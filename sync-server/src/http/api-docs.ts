import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';

/** Who may call an operation, as the route's middleware enforces it (said in the description). */
export type Audience =
  | 'public'
  /** Anyone; a valid bearer token changes what is answered. */
  | 'optional'
  | 'any'
  | 'admin'
  | 'driver'
  | 'rider'
  | 'admin or driver'
  | 'rider or admin';

type SuccessStatus = 200 | 201 | 202 | 204 | 302 | 304;
/** Statuses whose body is not the error shape (health's 503 says what is down in its own words). */
type AnswerStatus = SuccessStatus | 503;
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** A success answer: a JSON schema (domain zod), no body (null), or another media type (binary body). */
type Success = z.ZodType | null | { media: string[]; schema?: z.ZodType; headers?: Record<string, Header> };

interface Header {
  description: string;
  schema: { type: 'string' | 'integer' };
}

export interface Operation {
  summary: string;
  description?: string;
  audience: Audience;
  ok: Partial<Record<AnswerStatus, Success>>;
  /** A body the route reads itself rather than through a validator: its media types. */
  rawBody?: { media: string[]; description: string };
  /** Query parameters the route checks itself (by role, say) rather than through `query(...)`. */
  query?: z.ZodObject;
  /** Refusals beyond those the audience implies (401 with a token required, 403 with a role). */
  errors?: ErrorStatus[];
  /** The route runs behind `idempotent`: `Idempotency-Key` is accepted and replays are marked. */
  idempotent?: boolean;
  /** Response headers of success answers (ETag, Cache-Control …). */
  headers?: Record<string, Header>;
}

const errorDescriptions: Record<ErrorStatus, string> = {
  400: 'The request is not valid (validation_failed with details, invalid_json, or a named code)',
  401: 'No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials)',
  403: 'The caller’s role or account may not do this',
  404: 'Nothing the caller may see under this path',
  409: 'The current state refuses the request (the code says which)',
  413: 'The body is larger than allowed',
  415: 'The body’s media type is not accepted',
  422: 'This Idempotency-Key was used for a different request (idempotency_key_reused)',
  429: 'Too many attempts; Retry-After says when to try again',
  503: 'The service or one of its dependencies is briefly unavailable; Retry-After says when to retry',
};

const retryAfter: Header = { description: 'Seconds to wait before retrying', schema: { type: 'integer' } };
const replayed: Header = {
  description: '`true` when this is the kept answer of an earlier request with the same Idempotency-Key',
  schema: { type: 'string' },
};

const binary = { type: 'string' as const, format: 'binary' };
const jsonObject = { type: 'object' as const };

const json = (schema: z.ZodType) => ({
  'application/json': { schema: resolver(schema, { io: 'output' }) },
});

/** The `{error:{code,message,details?}}` answer every refusal has. */
export const errorResponse = (description: string, headers?: Record<string, Header>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

const descriptions: Record<AnswerStatus, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  302: 'Found: the browser is sent on (Location)',
  304: 'Not modified',
  503: 'Unavailable',
};

function successResponse(status: AnswerStatus, ok: Success, op: Operation) {
  const headers = { ...op.headers, ...(op.idempotent ? { 'Idempotent-Replayed': replayed } : {}) };
  const described = {
    description: descriptions[status],
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
  if (ok === null || status === 204 || status === 302 || status === 304) return described;
  if ('media' in ok) {
    const headersOf = { ...headers, ...ok.headers };
    return {
      ...described,
      ...(Object.keys(headersOf).length > 0 ? { headers: headersOf } : {}),
      content: Object.fromEntries(
        ok.media.map((media) => [
          media,
          {
            // Without a schema, a JSON rendering (GTFS-RT's ?format=json) is an object, anything else bytes.
            schema: ok.schema
              ? resolver(ok.schema, { io: 'output' })
              : media.endsWith('json')
                ? jsonObject
                : binary,
          },
        ]),
      ),
    };
  }
  return { ...described, content: json(ok as z.ZodType) };
}

const idempotencyKey = {
  in: 'header',
  name: 'Idempotency-Key',
  required: false,
  description:
    'Makes the request safe to retry: the same key replays the first answer (Idempotent-Replayed: true); the key with another body is 422 idempotency_key_reused; a retry while the first runs is 409 request_in_progress with Retry-After',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_:.-]{8,200}$' },
} as const;

function queryParameters(schema: z.ZodObject | undefined) {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, object>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    in: 'query' as const,
    name,
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

/**
 * Describes a route for the generated OpenAPI document (routes/openapi.ts): what it answers on success and
 * which refusals it has, with the domain schemas the handler validates and answers with. The operation id,
 * path parameters and request schemas come from the route itself and its validators.
 */
export function documented(op: Operation) {
  const errors = new Set<ErrorStatus>(op.errors);
  const signedIn = op.audience !== 'public' && op.audience !== 'optional';
  if (signedIn) errors.add(401);
  if (signedIn && op.audience !== 'any') errors.add(403);
  if (op.idempotent) {
    errors.add(409);
    errors.add(422);
  }
  const responses: Record<string, ReturnType<typeof successResponse>> = {};
  for (const [status, ok] of Object.entries(op.ok)) {
    responses[status] = successResponse(Number(status) as AnswerStatus, ok, op);
  }
  for (const status of [...errors].sort().filter((s) => !(s in op.ok))) {
    const headers =
      status === 409 || status === 429 || status === 503 ? { 'Retry-After': retryAfter } : undefined;
    responses[status] = errorResponse(errorDescriptions[status], headers);
  }
  responses.default = errorResponse(
    'An unexpected error (internal) or the database briefly unreachable (503)',
  );
  const who = signedIn
    ? `Requires: ${op.audience === 'any' ? 'any signed-in user' : op.audience}.`
    : undefined;
  const parameters = [...queryParameters(op.query), ...(op.idempotent ? [idempotencyKey] : [])];
  const description = [op.description, who].filter(Boolean).join('\n\n');
  return describeRoute({
    summary: op.summary,
    ...(description ? { description } : {}),
    security: signedIn ? [{ bearer: [] }] : op.audience === 'optional' ? [{}, { bearer: [] }] : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.rawBody
      ? {
          requestBody: {
            required: true,
            description: op.rawBody.description,
            content: Object.fromEntries(op.rawBody.media.map((media) => [media, { schema: binary }])),
          },
        }
      : {}),
    responses,
  });
}

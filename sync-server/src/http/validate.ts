import { validator } from 'hono-openapi';
import { z } from 'zod';
import { badRequest, DomainError, type ErrorDetail, notFound } from '../domain-error';

/** The same details as `zodDetails`: zod hands its own issues to the standard-schema validator. */
interface Issue {
  message: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
}

const details = (issues: readonly Issue[]): ErrorDetail[] =>
  issues.map((issue) => ({
    path: (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.'),
    message: issue.message,
  }));

/**
 * Validators that also describe the request in the generated OpenAPI document (hono-openapi reads them off
 * the route). A refused input throws our 400 `validation_failed` with field details, like every other refusal.
 */
const checked =
  <T extends 'json' | 'query' | 'param'>(target: T, message: string) =>
  <S extends z.ZodType>(schema: S) =>
    validator(target, schema, (result) => {
      if (!result.success) throw badRequest(message, details(result.error));
    });

const jsonValidator = checked('json', 'The request body is not valid');
const jsonMedia = /^application\/([\w.-]+\+)?json$/i;

/**
 * Validates a JSON body against a domain schema. Malformed JSON is rejected by Hono before this runs
 * (mapped to 400 invalid_json by the error handler); a body failing the schema gets 400 with field details.
 * A body of another media type is 415: Hono's validator would read it as `{}`, so on a route whose fields are
 * all optional (a reason, say) the client's values would be dropped without a word.
 */
export function jsonBody<S extends z.ZodType>(schema: S) {
  const validate = jsonValidator(schema);
  const guarded: typeof validate = async (c, next) => {
    const media = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    if (!jsonMedia.test(media) && (await c.req.arrayBuffer()).byteLength > 0) {
      throw new DomainError(
        'unsupported_media',
        'unsupported_media_type',
        'Send the request body as application/json',
      );
    }
    return validate(c, next);
  };
  // The validator's OpenAPI description (a symbol-keyed property hono-openapi reads off the middleware).
  return Object.assign(guarded, validate);
}

export const query = checked('query', 'The query is not valid');

/** Path parameters (decoded by Hono) checked like any other input: a refused value is a 400 naming the parameter. */
export const pathParams = checked('param', 'The path is not valid');

/** A uuid path segment, or the 404 a missing `what` gets: a malformed id names nothing the caller may see. */
export function idOrNotFound(raw: string, what: string): string {
  const id = z.uuid().safeParse(raw);
  if (!id.success) throw notFound(`No such ${what}`);
  return id.data;
}

import { validator } from 'hono-openapi';
import { z } from 'zod';
import { badRequest, type ErrorDetail, notFound } from './errors';

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

/**
 * Validates a JSON body against a domain schema. Malformed JSON is rejected by Hono before this runs
 * (mapped to 400 invalid_json by the error handler); a body failing the schema gets 400 with field details.
 */
export const jsonBody = checked('json', 'The request body is not valid');

export const query = checked('query', 'The query is not valid');

/** Path parameters (decoded by Hono) checked like any other input: a refused value is a 400 naming the parameter. */
export const pathParams = checked('param', 'The path is not valid');

/** A uuid path segment, or the 404 a missing `what` gets: a malformed id names nothing the caller may see. */
export function idOrNotFound(raw: string, what: string): string {
  const id = z.uuid().safeParse(raw);
  if (!id.success) throw notFound(`No such ${what}`);
  return id.data;
}

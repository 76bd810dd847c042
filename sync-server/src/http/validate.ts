import { validator } from 'hono/validator';
import type { z } from 'zod';
import { badRequest, zodDetails } from './errors';

/**
 * Validates a JSON body against a domain schema. Malformed JSON is rejected by Hono before this runs
 * (mapped to 400 invalid_json by the error handler); a body failing the schema gets 400 with field details.
 */
export const jsonBody = <S extends z.ZodType>(schema: S) =>
  validator('json', (value): z.output<S> => {
    const result = schema.safeParse(value);
    if (!result.success) throw badRequest('The request body is not valid', zodDetails(result.error));
    return result.data;
  });

export const query = <S extends z.ZodType>(schema: S) =>
  validator('query', (value): z.output<S> => {
    const result = schema.safeParse(value);
    if (!result.success) throw badRequest('The query is not valid', zodDetails(result.error));
    return result.data;
  });

/** Path parameters (decoded by Hono) checked like any other input: a refused value is a 400 naming the parameter. */
export const pathParams = <S extends z.ZodType>(schema: S) =>
  validator('param', (value): z.output<S> => {
    const result = schema.safeParse(value);
    if (!result.success) throw badRequest('The path is not valid', zodDetails(result.error));
    return result.data;
  });

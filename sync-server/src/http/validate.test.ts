import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, httpStatusOf } from '../domain-error';
import { errorBody } from './errors';
import { jsonBody } from './validate';

/** A route whose body fields are all optional: where a body Hono reads as `{}` would otherwise pass. */
const app = new Hono()
  .post('/lift', jsonBody(z.object({ reason: z.string().max(20).optional() })), (c) =>
    c.json({ got: c.req.valid('json') }),
  )
  .onError((err, c) =>
    err instanceof DomainError
      ? c.json(errorBody(err.code, err.message), httpStatusOf[err.kind])
      : c.text('boom', 500),
  );

const post = (body: string | undefined, type?: string) =>
  app.request('/lift', {
    method: 'POST',
    ...(type ? { headers: { 'content-type': type } } : {}),
    ...(body !== undefined ? { body } : {}),
  });

describe('jsonBody', () => {
  it('reads a JSON body (media type parameters and +json types included)', async () => {
    expect(await (await post('{"reason":"paid"}', 'application/json; charset=utf-8')).json()).toEqual({
      got: { reason: 'paid' },
    });
    expect((await post('{"reason":"paid"}', 'application/merge-patch+json')).status).toBe(200);
  });

  it('refuses a body of another media type with 415 instead of reading it as {}', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const res = await post('{"reason":"paid"}', type);
      expect(res.status, String(type)).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    }
  });

  it('takes no body at all as {} (a route whose fields are all optional)', async () => {
    expect(await (await post(undefined)).json()).toEqual({ got: {} });
    expect(await (await post('', 'text/plain')).json()).toEqual({ got: {} });
  });

  it('still refuses a JSON body that fails the schema', async () => {
    expect((await post('{"reason":"way more than twenty characters"}', 'application/json')).status).toBe(400);
  });
});

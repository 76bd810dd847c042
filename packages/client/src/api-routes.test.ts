import { describe, expect, it } from 'vitest';
import { apiGet, apiRequest } from './api-routes';

describe('apiRequest', () => {
  it('fills path parameters (encoded) and appends the query, leaving unset values out', () => {
    expect(apiGet('/api/trips/{id}', { path: { id: 'a/b c' } }).path).toBe('/api/trips/a%2Fb%20c');
    expect(apiGet('/api/trips', { query: { limit: 20, status: undefined } }).path).toBe(
      '/api/trips?limit=20',
    );
    expect(apiGet('/api/admin/audit', { query: { limit: 5, before: '2026-12-01T00:00:00.000Z' } }).path).toBe(
      '/api/admin/audit?limit=5&before=2026-12-01T00%3A00%3A00.000Z',
    );
    expect(apiGet('/api/me')).toEqual({ method: 'GET', path: '/api/me' });
  });

  it('carries the method and JSON body', () => {
    const body = { text: 'We are looking into it.' };
    expect(apiRequest('post', '/api/admin/reports/{id}/replies', { path: { id: 'r1' }, body })).toEqual({
      method: 'POST',
      path: '/api/admin/reports/r1/replies',
      body,
    });
  });

  it('builds a route whose body is not JSON (evidence bytes) without a body, the caller sending the bytes', () => {
    expect(apiRequest('put', '/api/evidence/{sha256}', { path: { sha256: 'ab12' } })).toEqual({
      method: 'PUT',
      path: '/api/evidence/ab12',
    });
  });

  it('refuses, in the type check, what the API does not document', () => {
    // Each call below must fail `tsc` (packages/client's typecheck compiles this file); an expected error
    // that does not happen is itself an error, so a loosened type makes the typecheck fail.
    const wrong = () => [
      // @ts-expect-error a path the API does not have
      apiGet('/api/trip'),
      // @ts-expect-error the path parameter is missing
      apiGet('/api/trips/{id}'),
      // @ts-expect-error a path parameter of another name
      apiGet('/api/trips/{id}', { path: { tripId: 't1' } }),
      // @ts-expect-error a query parameter the operation does not take
      apiGet('/api/trips', { query: { colour: 'red' } }),
      // @ts-expect-error a body of the wrong shape
      apiRequest('post', '/api/shifts', { body: { vehicle: 'v1' } }),
      // @ts-expect-error a required body left out
      apiRequest('post', '/api/refunds'),
      // @ts-expect-error a JSON body on a route that takes raw bytes
      apiRequest('put', '/api/evidence/{sha256}', { path: { sha256: 'ab12' }, body: { bytes: 1 } }),
      // @ts-expect-error a method the path does not answer
      apiRequest('delete', '/api/refunds'),
    ];
    expect(wrong).toBeTypeOf('function');
  });
});

import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app';

interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string }[];
  responses: Record<string, unknown>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const methods = ['get', 'put', 'post', 'delete', 'patch'];
const operationsOf = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => methods.includes(method))
      .map(([method, op]) => ({ path, method, op })),
  );

describe('the generated OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  let text: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    text = await res.text();
    doc = JSON.parse(text);
    // A seeded PGlite app takes a while to build on a busy machine (migrations, the network import).
  }, 180_000);
  afterAll(() => t?.dispose());

  it('passes redocly lint (recommended rules, operation ids required) with no error', async () => {
    // An inline configuration: no redocly.yaml lookup, no registry, nothing leaves the machine.
    const config = await createConfig({
      extends: ['recommended'],
      rules: { 'operation-operationId': 'error', 'operation-operationId-unique': 'error' },
    });
    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('describes every /api route the app answers, and nothing it does not', () => {
    // Hono's routes: handlers by method and path (middleware is registered as ALL and describes nothing).
    const served = new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const described = new Set(operationsOf(doc).map((o) => `${o.method} ${o.path}`));
    expect([...served].filter((s) => !described.has(s)).sort()).toEqual([]);
    expect([...described].filter((d) => !served.has(d)).sort()).toEqual([]);
  });

  it('declares path parameters, refusals in our error shape, bearer security and replay headers', () => {
    const ops = operationsOf(doc);
    for (const { path, method, op } of ops) {
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        expect(op.parameters, `${method} ${path}`).toContainEqual(
          expect.objectContaining({ in: 'path', name }),
        );
      }
      expect(op.responses.default, `${method} ${path}`).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
      });
    }
    const trips = doc.paths['/api/trips']!.get!;
    expect(trips).toMatchObject({ security: [{ bearer: [] }] });
    expect(trips.parameters).toContainEqual(expect.objectContaining({ in: 'query', name: 'status' }));
    const pay = doc.paths['/api/payments']!.post!;
    expect(pay.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'Idempotency-Key' }));
    expect(pay.responses['200']).toMatchObject({ headers: { 'Idempotent-Replayed': expect.any(Object) } });
    expect(pay.responses['422']).toBeDefined();
    expect(doc.paths['/api/gtfs-rt/vehicle-positions']!.get!.responses['200']).toMatchObject({
      content: { 'application/x-protobuf': expect.any(Object) },
    });
    const fix = (
      doc.paths['/api/vehicles/{id}/positions']!.post! as unknown as {
        requestBody: { content: { 'application/json': { schema: { properties: { positions: unknown } } } } };
      }
    ).requestBody.content['application/json'].schema.properties.positions;
    expect(fix).toMatchObject({ items: { properties: { id: {}, lat: {}, lon: {}, recordedAt: {} } } });
  });
});

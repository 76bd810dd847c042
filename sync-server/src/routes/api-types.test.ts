import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app';

// The apps' typed API client (packages/client/src/api-types.gen.ts) is generated from the served document.
// This test fails when a route changed and the committed types did not: `pnpm api-types` regenerates them.
const TYPES_FILE = '../../../packages/client/src/api-types.gen.ts';

const HEADER = `// Generated from GET /api/openapi.json by openapi-typescript; do not edit.
// Regenerate with \`pnpm api-types\` after changing a route (sync-server/src/routes/api-types.test.ts checks it).
`;

describe('the apps’ API types', () => {
  let t: TestApp;
  let document: Record<string, unknown>;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    document = (await res.json()) as Record<string, unknown>;
    // A seeded PGlite app takes a while to build on a busy machine (migrations, the network import).
  }, 180_000);
  afterAll(() => t?.dispose());

  it('are those generated from the served OpenAPI document', async () => {
    const ast = await openapiTS(document as never, { rootTypes: false, alphabetize: true });
    await expect(HEADER + astToString(ast)).toMatchFileSnapshot(TYPES_FILE);
  });
});

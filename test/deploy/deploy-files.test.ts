import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The production files (Dockerfile, deploy/) cannot be run here (no Docker daemon, no image registry): these checks
// keep them valid and in step with the code they package.
const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const haproxy = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => existsSync(p));
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';

describe('deployment files', () => {
  it('deploy/compose.yaml is a valid Compose file (the Compose Specification schema)', () => {
    // Draft 07 (named by an https URL Ajv does not know: the schema is not checked against its meta-schema).
    const schema = JSON.parse(read('test/deploy/compose-spec.schema.json'));
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false });
    const validate = ajv.compile(schema);
    const compose = parse(read('deploy/compose.yaml'));
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(compose.services.server.deploy.replicas).toBe(3);
  });

  it("sets only variables the server reads, secrets through files, and each secret's file is declared", () => {
    const compose = parse(read('deploy/compose.yaml'));
    const server = compose.services.server as { environment: Record<string, string>; secrets: string[] };
    const readme = read('README.md');
    for (const name of Object.keys(server.environment)) {
      const variable = name.replace(/_FILE$/, '');
      expect(readme, `${variable} is not in the README's configuration table`).toContain(`\`${variable}\``);
    }
    expect(server.environment).not.toHaveProperty('JWT_SECRET');
    expect(server.environment).not.toHaveProperty('DATABASE_URL');
    for (const secret of server.secrets) expect(compose.secrets).toHaveProperty(secret);
  });

  it.runIf(haproxy || inCi)('deploy/haproxy.cfg passes haproxy -c', () => {
    if (!haproxy) throw new Error('HAProxy is not installed (.ci/run installs it)');
    const check = spawnSync(haproxy, ['-c', '-f', join(root, 'deploy/haproxy.cfg')], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  });

  it('the Dockerfile copies paths that exist and runs the server the way `npm start` does', () => {
    const dockerfile = read('Dockerfile');
    const copied = [...dockerfile.matchAll(/^COPY --from=build \/app\/(\S+)/gm)].map((m) => m[1]!);
    expect(copied.length).toBeGreaterThan(5);
    // Built files (apps/*/dist) are made by the build stage; their apps must exist.
    for (const path of copied) expect(existsSync(join(root, path.replace(/\/dist$/, ''))), path).toBe(true);
    for (const app of ['rider', 'driver', 'admin']) expect(copied).toContain(`apps/${app}/dist`);
    expect(dockerfile).toMatch(/^CMD \["node", "--import", "tsx", "sync-server\/src\/main\.ts"\]$/m);
    expect(existsSync(join(root, 'sync-server/src/main.ts'))).toBe(true);
    // The runtime stage installs production dependencies only: tsx, which runs the server, must be one.
    const server = JSON.parse(read('sync-server/package.json'));
    expect(dockerfile).toContain(`--filter ${server.name}...`);
    expect(server.dependencies).toHaveProperty('tsx');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/api\/health\/live/m);
  });
});

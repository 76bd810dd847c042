import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

describe('configuration from the environment', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kigaligo-config-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a secret from NAME_FILE, as Docker and Kubernetes mount them', async () => {
    await writeFile(join(dir, 'jwt'), 'a-long-random-secret\n');
    await writeFile(join(dir, 'db'), 'postgres://app:pw@db:5432/kigaligo');
    const config = configFromEnv({ JWT_SECRET_FILE: join(dir, 'jwt'), DATABASE_URL_FILE: join(dir, 'db') });
    expect(config.jwtSecret).toBe('a-long-random-secret');
    expect(config.databaseUrl).toBe('postgres://app:pw@db:5432/kigaligo');
    // The variable itself wins over its file.
    expect(configFromEnv({ JWT_SECRET: 'given', JWT_SECRET_FILE: join(dir, 'jwt') }).jwtSecret).toBe('given');
  });

  it("leaves other programs' *_FILE variables alone", () => {
    expect(() =>
      configFromEnv({ TF_CLI_CONFIG_FILE: join(dir, 'missing'), HISTFILE: '/nowhere' }),
    ).not.toThrow();
  });

  it('refuses to start on a secret file it cannot read, naming the variable', () => {
    expect(() => configFromEnv({ JWT_SECRET_FILE: join(dir, 'missing') })).toThrow(
      /^JWT_SECRET_FILE: cannot read .*missing \(ENOENT\)$/,
    );
  });

  it('runs the living demo with the demo data, unless DEMO_SIMULATION=false, from DEMO_SEED', () => {
    expect(configFromEnv({}).demoSimulation).toEqual({ seed: 2026 });
    expect(configFromEnv({ DEMO_SEED: '7' }).demoSimulation).toEqual({ seed: 7 });
    expect(configFromEnv({ DEMO_SIMULATION: 'false' }).demoSimulation).toBeUndefined();
    expect(configFromEnv({ SEED_DEMO_DATA: 'false' }).demoSimulation).toBeUndefined();
    expect(() => configFromEnv({ DEMO_SEED: 'abc' })).toThrow('DEMO_SEED must be a whole number, got abc');
  });

  it('requires a second factor for admins unless ADMIN_MFA=optional, and refuses anything else', () => {
    expect(configFromEnv({}).adminMfa).toBe('required');
    expect(configFromEnv({ ADMIN_MFA: 'required' }).adminMfa).toBe('required');
    expect(configFromEnv({ ADMIN_MFA: 'optional' }).adminMfa).toBe('optional');
    expect(() => configFromEnv({ ADMIN_MFA: 'off' })).toThrow(
      'ADMIN_MFA must be required or optional, got off',
    );
  });

  it('takes the Idempotency-Key lease in whole seconds and refuses anything else at start', () => {
    expect(configFromEnv({}).idempotencyLeaseSeconds).toBeUndefined();
    expect(configFromEnv({ IDEMPOTENCY_LEASE_SECONDS: '5' }).idempotencyLeaseSeconds).toBe(5);
    for (const bad of ['0', '1.5', 'soon', '86400'])
      expect(() => configFromEnv({ IDEMPOTENCY_LEASE_SECONDS: bad })).toThrow('IDEMPOTENCY_LEASE_SECONDS');
    expect(configFromEnv({ DISPATCH_ACCEPT_SECONDS: '10' }).dispatchAcceptSeconds).toBe(10);
    expect(() => configFromEnv({ DISPATCH_ACCEPT_SECONDS: '2' })).toThrow(
      'DISPATCH_ACCEPT_SECONDS must be whole seconds from 5 to 600, got 2',
    );
  });

  it('keeps only the origin of PUBLIC_URL for reset links, and refuses anything but http(s)', () => {
    expect(configFromEnv({ PUBLIC_URL: 'https://go.example.rw/some/path' }).publicUrl).toBe(
      'https://go.example.rw',
    );
    expect(configFromEnv({}).publicUrl).toBeUndefined();
    expect(() => configFromEnv({ PUBLIC_URL: 'go.example.rw' })).toThrow('PUBLIC_URL: not an http(s) URL');
    // Real emails carry links: never built from a request's (forgeable) Host.
    expect(() => configFromEnv({ SENDGRID_API_KEY: 'SG.x' })).toThrow(
      'PUBLIC_URL must be set with SENDGRID_API_KEY: emails link to it',
    );
    expect(
      configFromEnv({ SENDGRID_API_KEY: 'SG.x', PUBLIC_URL: 'https://go.example.rw' }).sendGrid?.apiKey,
    ).toBe('SG.x');
  });

  it('refuses bad alert settings at start', () => {
    expect(() => configFromEnv({ ALERT_EMAILS: 'oncall@kigaligo.rw, not-an-address' })).toThrow(
      'ALERT_EMAILS: not an email address: not-an-address',
    );
    expect(() => configFromEnv({ ALERT_WEBHOOK_URL: 'ftp://hooks.example' })).toThrow(
      'ALERT_WEBHOOK_URL: not an http(s) URL',
    );
    expect(
      configFromEnv({ ALERT_EMAILS: 'a@kigaligo.rw,b@kigaligo.rw', ALERT_LANGUAGE: 'rw' }).alerts,
    ).toEqual({
      emails: ['a@kigaligo.rw', 'b@kigaligo.rw'],
      webhookUrl: undefined,
      language: 'rw',
    });
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type MapConfig, mapConfig } from '@kigaligo/domain';
import { z } from 'zod';
import { type OidcOptions, providerName } from './auth/oidc-client';
import { parseServiceArea } from './network/service-area';
import { paymentsConfigFromEnv } from './payments/payments-config';
import type { ServerOptions } from './server';

/** A comma-separated list, blanks dropped. */
const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** MAP_STYLE_URL, MAP_PMTILES_URL, MAP_ATTRIBUTION, checked at start: the apps would fail on a bad URL. */
export function mapConfigFromEnv(env: NodeJS.ProcessEnv): MapConfig {
  const parsed = mapConfig.safeParse({
    ...(env.MAP_STYLE_URL ? { styleUrl: env.MAP_STYLE_URL } : {}),
    ...(env.MAP_PMTILES_URL ? { pmtilesUrl: env.MAP_PMTILES_URL } : {}),
    attribution: env.MAP_ATTRIBUTION ?? '',
  });
  if (!parsed.success) {
    const names = {
      styleUrl: 'MAP_STYLE_URL',
      pmtilesUrl: 'MAP_PMTILES_URL',
      attribution: 'MAP_ATTRIBUTION',
    };
    const issue = parsed.error.issues[0]!;
    const name = names[issue.path[0] as keyof typeof names];
    throw new Error(
      name === 'MAP_ATTRIBUTION'
        ? 'MAP_ATTRIBUTION must be at most 500 characters'
        : `${name} must be an absolute http(s) URL`,
    );
  }
  return parsed.data;
}

function webhookUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new Error('ALERT_WEBHOOK_URL: not an http(s) URL');
  return url.toString();
}

/** Variables holding credentials: each may be given as a file instead (`NAME_FILE`). */
export const secretVariables = [
  'DATABASE_URL',
  'REDIS_URL',
  'JWT_SECRET',
  'SENTRY_DSN',
  'METRICS_TOKEN',
  'SENDGRID_API_KEY',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'MOMO_SUBSCRIPTION_KEY',
  'MOMO_DISBURSEMENT_KEY',
  'MOMO_API_USER',
  'MOMO_API_KEY',
  'AIRTEL_CLIENT_SECRET',
  'OIDC_CLIENT_SECRET',
  'AIRTEL_DISBURSEMENT_PIN',
  'ALERT_WEBHOOK_URL',
] as const;

/**
 * `NAME_FILE=/run/secrets/name` sets NAME (one of `secretVariables`) from that file, one trailing newline dropped:
 * the convention of Docker and Kubernetes secrets, which keeps credentials out of the environment listing and the
 * compose file. NAME itself, when set, wins. Other `*_FILE` variables belong to other programs and are left alone.
 */
export function withSecretFiles(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const name of secretVariables) {
    const path = env[`${name}_FILE`];
    if (!path || out[name]) continue;
    try {
      out[name] = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new Error(
        `${name}_FILE: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  return out;
}

/** An optional setting in whole seconds within [min, max]; anything else stops the start, naming it. */
function wholeSeconds(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  const value = Number(raw);
  if (!(Number.isInteger(value) && value >= min && value <= max))
    throw new Error(`${name} must be whole seconds from ${min} to ${max}, got ${raw}`);
  return value;
}

/** Required unless turned off: an admin account can see every rider's trips, so a password alone is not enough. */
function adminMfaFromEnv(value: string | undefined): 'required' | 'optional' {
  if (value === undefined || value === '' || value === 'required') return 'required';
  if (value === 'optional') return 'optional';
  throw new Error(`ADMIN_MFA must be required or optional, got ${value}`);
}

/** OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (and OIDC_NAME): all three or none. */
function oidcFromEnv(env: NodeJS.ProcessEnv): OidcOptions | undefined {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer && !clientId && !clientSecret) return undefined;
  if (!issuer || !clientId || !clientSecret)
    throw new Error('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together');
  if (!/^https?:\/\//.test(issuer) || !URL.canParse(issuer))
    throw new Error('OIDC_ISSUER: not an http(s) URL');
  return { issuer, clientId, clientSecret, name: providerName(issuer, env.OIDC_NAME || undefined) };
}

/** PUBLIC_URL: the origin people reach the server at (behind a proxy), e.g. https://kigaligo.rw. */
function publicUrlFromEnv(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^https?:\/\//.test(value) || !URL.canParse(value)) throw new Error('PUBLIC_URL: not an http(s) URL');
  return new URL(value).origin;
}

/** Reads the server's configuration from the environment (README.md lists every variable). */
export function configFromEnv(fromEnv: NodeJS.ProcessEnv = process.env): ServerOptions {
  const env = withSecretFiles(fromEnv);
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const acceptSeconds = wholeSeconds(env, 'DISPATCH_ACCEPT_SECONDS', 5, 600);
  const seed = env.SEED_DEMO_DATA !== 'false';
  const demoSeed = Number(env.DEMO_SEED ?? 2026);
  if (!Number.isSafeInteger(demoSeed))
    throw new Error(`DEMO_SEED must be a whole number, got ${env.DEMO_SEED}`);
  // A lease shorter than the slowest request would let a retry act while the first is still running.
  const leaseSeconds = wholeSeconds(env, 'IDEMPOTENCY_LEASE_SECONDS', 1, 3600);
  // Real emails carry links (password reset): taken from the request's Host, a forged Host would send a
  // victim's reset link to another site. With a real mail provider the origin must be configured.
  if (env.SENDGRID_API_KEY && !env.PUBLIC_URL)
    throw new Error('PUBLIC_URL must be set with SENDGRID_API_KEY: emails link to it');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    seed,
    adminMfa: adminMfaFromEnv(env.ADMIN_MFA),
    // The living demo comes with the demo data unless turned off (a person testing dispatch by hand).
    demoSimulation: seed && env.DEMO_SIMULATION !== 'false' ? { seed: demoSeed } : undefined,
    dispatchAcceptSeconds: acceptSeconds,
    logLevel: env.LOG_LEVEL ?? 'info',
    jwtSecret: env.JWT_SECRET || undefined,
    sentryDsn: env.SENTRY_DSN || undefined,
    trustProxy: env.TRUST_PROXY === 'true',
    redisUrl: env.REDIS_URL || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    map: mapConfigFromEnv(env),
    oidc: oidcFromEnv(env),
    publicUrl: publicUrlFromEnv(env.PUBLIC_URL),
    sendGrid: env.SENDGRID_API_KEY
      ? {
          apiKey: env.SENDGRID_API_KEY,
          from: env.SENDGRID_FROM ?? 'no-reply@kigaligo.rw',
          baseUrl: env.SENDGRID_BASE_URL || undefined,
        }
      : undefined,
    positionRetentionDays: env.POSITION_RETENTION_DAYS ? Number(env.POSITION_RETENTION_DAYS) : undefined,
    idempotencyLeaseSeconds: leaseSeconds,
    gtfsPath: env.GTFS_PATH ? resolve(env.GTFS_PATH) : undefined,
    serviceArea: env.SERVICE_AREA ? parseServiceArea(env.SERVICE_AREA) : undefined,
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          endpoint: env.S3_ENDPOINT || undefined,
          region: env.S3_REGION || 'us-east-1',
          accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
        }
      : undefined,
    authorities: {
      emails: listOf(env.AUTHORITY_EMAILS).map((e) => {
        // Checked at start: a bad address would otherwise fail every critical report's transaction.
        if (!z.email().safeParse(e).success) throw new Error(`AUTHORITY_EMAILS: not an email address: ${e}`);
        return e;
      }),
      pushTokens: listOf(env.AUTHORITY_PUSH_TOKENS),
    },
    alerts: {
      emails: listOf(env.ALERT_EMAILS).map((e) => {
        if (!z.email().safeParse(e).success) throw new Error(`ALERT_EMAILS: not an email address: ${e}`);
        return e;
      }),
      webhookUrl: env.ALERT_WEBHOOK_URL ? webhookUrl(env.ALERT_WEBHOOK_URL) : undefined,
      language: env.ALERT_LANGUAGE === 'rw' ? 'rw' : 'en',
    },
    // STRIPE_*, MOMO_*, FCM_*: each provider is real when configured, else its local sandbox.
    ...paymentsConfigFromEnv(env),
  };
}

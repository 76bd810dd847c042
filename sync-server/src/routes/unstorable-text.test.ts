import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  pushTokens,
  refunds,
  reportEvents,
  safetyReports,
  trips,
  users,
  vehicles,
} from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

const NUL = '\u0000';
const LONE = '\ud800';

/**
 * Issue #11's list: text Postgres cannot store (U+0000, a lone surrogate) used to reach the database and come
 * back as a 500. Each case now answers 400 naming the field, and writes nothing.
 */
describe.each(testDatabaseKinds)('unstorable text at the HTTP edge on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let rider: string;
  let reportId: string;
  let driverId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = (await t.loginAs('admin')).accessToken;
    const r = await t.loginAs('rider');
    rider = r.accessToken;
    driverId = (await t.loginAs('driver')).user.id;
    reportId = randomUUID();
    await t.database.db.insert(safetyReports).values({
      id: reportId,
      reporterId: r.user.id,
      category: 'overcharging',
      description: 'Charged twice the agreed fare.',
      occurredAt: new Date(),
      severity: 'low',
      severityScore: 10,
      submittedAt: new Date(),
    });
  });
  afterAll(() => t.dispose());

  const counts = async () => {
    const db = t.database.db;
    const n = async (table: PgTable) =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
    return {
      users: await n(users),
      vehicles: await n(vehicles),
      reportEvents: await n(reportEvents),
      refunds: await n(refunds),
      pushTokens: await n(pushTokens),
      trips: await n(trips),
      audit: await n(auditLog),
    };
  };

  const tripBody = (label: string) => ({
    id: randomUUID(),
    kind: 'moto',
    origin: { lat: -1.9441, lon: 30.0619, label },
    destination: { lat: -1.9536, lon: 30.0925 },
    paymentMethod: 'cash',
    createdAt: new Date().toISOString(),
  });

  const cases: [string, () => ReturnType<TestApp['request']>, string][] = [
    [
      'register name with NUL',
      () =>
        t.request('POST', '/api/auth/register', {
          body: { email: `nul-${kind}@example.rw`, password: 'Kigali moto ride 2026!', name: `A${NUL}B` },
        }),
      'name',
    ],
    [
      'admin-created user name',
      () =>
        t.request('POST', '/api/admin/users', {
          token: admin,
          body: {
            email: `staff-${kind}@example.rw`,
            password: 'Kigali moto ride 2026!',
            name: `Jean${LONE}`,
            phone: '+250788000111',
          },
        }),
      'name',
    ],
    [
      'vehicle operator name',
      () =>
        t.request('POST', '/api/vehicles', {
          token: admin,
          body: { kind: 'moto', plate: 'RD 999 Z', capacity: 1, operator: `Coop${NUL}` },
        }),
      'operator',
    ],
    [
      'report reply',
      () =>
        t.request('POST', `/api/admin/reports/${reportId}/replies`, {
          token: admin,
          body: { text: `Hi${NUL}` },
        }),
      'text',
    ],
    [
      'report note',
      () =>
        t.request('POST', `/api/admin/reports/${reportId}/notes`, {
          token: admin,
          body: { text: `${LONE}note` },
        }),
      'text',
    ],
    [
      'report status note',
      () =>
        t.request('POST', `/api/admin/reports/${reportId}/status`, {
          token: admin,
          body: { status: 'triage', note: `x${NUL}` },
        }),
      'note',
    ],
    [
      'suspension reason',
      () =>
        t.request('POST', `/api/admin/users/${driverId}/suspend`, {
          token: admin,
          body: { reason: `Unsafe${NUL}` },
        }),
      'reason',
    ],
    [
      'refund reason',
      () =>
        t.request('POST', '/api/refunds', {
          token: admin,
          body: { paymentId: randomUUID(), reason: `Driver never came${NUL}` },
        }),
      'reason',
    ],
    [
      'push token',
      () =>
        t.request('POST', '/api/me/push-tokens', {
          token: rider,
          body: { token: `token-${NUL}-12345`, platform: 'web' },
        }),
      'token',
    ],
    [
      'audit targetId query',
      () => t.request('GET', '/api/admin/audit?targetId=a%00b', { token: admin }),
      'targetId',
    ],
    [
      'push token path parameter',
      () => t.request('DELETE', '/api/me/push-tokens/%00', { token: rider }),
      'token',
    ],
    ['place search query', () => t.request('GET', '/api/places?q=a%00b', { token: rider }), 'q'],
    [
      'trip origin label',
      () => t.request('POST', '/api/trips', { token: rider, body: tripBody(LONE) }),
      'origin.label',
    ],
  ];

  it.each(cases)('%s → 400 naming the field, nothing written', async (_name, call, path) => {
    const before = await counts();
    const res = await call();
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await counts()).toEqual(before);
  });

  it('stores text in NFC, trimmed: a name typed with a combining accent reads back composed', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: {
        email: `nfc-${kind}@example.rw`,
        password: 'Kigali moto ride 2026!',
        name: '  Ange\u0301lique ',
      },
    });
    expect(res.status).toBe(201);
    const [row] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, `nfc-${kind}@example.rw`));
    expect(row!.name).toBe('Ang\u00e9lique');
  });
});

import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, vehicles } from '../db/schema';
import { api, openReport, reportFields } from '../test-support/report-kit';
import { waitFor } from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe.each(testDatabaseKinds)('admin decisions on reports on %s', (kind) => {
  let t: TestServer;
  let call: ReturnType<typeof api>;
  let rider: { id: string; token: string };
  let driver: { id: string; token: string; refresh: string };
  let admin: string;
  let vehicleId: string;
  let report: Awaited<ReturnType<typeof openReport>>;
  let minor: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    call = api(t.server.url);
    const r = await t.loginAs('rider');
    rider = { id: r.user.id, token: r.accessToken };
    const d = await t.loginAs('driver');
    driver = { id: d.user.id, token: d.accessToken, refresh: d.refreshToken };
    admin = (await t.loginAs('admin')).accessToken;
    const [v] = await t.server.deps.database.db
      .select()
      .from(vehicles)
      .where(eq(vehicles.driverId, driver.id));
    vehicleId = v!.id;
    // Downtown Kigali, a weapon and violence: high or critical. Then a minor one far east, in Kabuga.
    report = await openReport(t.server.url, rider.token);
    report.write(reportFields({ vehicleId, description: 'He hit me and pulled a knife on me.' }));
    const other = await openReport(t.server.url, rider.token);
    other.write(
      reportFields({
        vehicleId,
        category: 'overcharging',
        description: 'Charged twice the agreed fare.',
        location: { lat: -1.979, lon: 30.223 },
        occurredAt: '2026-01-05T09:00:00Z',
      }),
    );
    minor = other.reportId;
    await waitFor(() => report.server().status === 'submitted' && other.server().status === 'submitted');
    other.close();
  });
  afterAll(async () => {
    report.close();
    await t.stop();
  });

  it('filters the queue by severity, status, date range and area', async () => {
    const ids = async (q: string) =>
      (await call('GET', `/api/reports${q}`, admin)).body.reports.map((r: { id: string }) => r.id);
    expect(await ids('')).toEqual([report.reportId, minor]);
    expect(await ids('?severity=low')).toEqual([minor]);
    expect(await ids('?severity=high,critical&status=submitted')).toEqual([report.reportId]);
    expect(await ids('?from=2026-01-01T00:00:00Z&to=2026-01-31T23:59:59Z')).toEqual([minor]);
    // Kabuga only (east of 30.2).
    expect(await ids('?bbox=30.2,-2.0,30.3,-1.9')).toEqual([minor]);
    expect((await call('GET', '/api/reports?severity=urgent', admin)).status).toBe(400);
    expect((await call('GET', '/api/reports?bbox=30.3,-2,30.2,-1.9', admin)).status).toBe(400);
  });

  it('moves a report through triage → investigating (never back), audited and mirrored into the document', async () => {
    const id = report.reportId;
    const status = (s: string, note?: string) =>
      call('POST', `/api/admin/reports/${id}/status`, admin, { status: s, ...(note ? { note } : {}) });
    expect(
      (await call('POST', `/api/admin/reports/${id}/status`, rider.token, { status: 'triage' })).status,
    ).toBe(403);
    expect((await status('open')).status).toBe(400);
    expect(
      (await call('POST', `/api/admin/reports/${crypto.randomUUID()}/status`, admin, { status: 'triage' }))
        .status,
    ).toBe(404);

    const triage = await status('triage', 'Calling the rider back');
    expect(triage.status).toBe(200);
    expect(triage.body.report.status).toBe('triage');
    expect(triage.body.events).toEqual([
      expect.objectContaining({
        kind: 'status',
        fromStatus: 'submitted',
        toStatus: 'triage',
        text: 'Calling the rider back',
      }),
    ]);
    await waitFor(() => report.server().status === 'triage', 10_000, 'triage in the document');
    expect((await status('investigating')).status).toBe(200);
    await waitFor(() => report.server().status === 'investigating', 10_000, 'investigating in the document');
    // Back to triage is not a move the domain allows.
    const back = await status('triage');
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('invalid_transition');

    const audit = await call('GET', `/api/admin/audit?targetType=report&targetId=${id}`, admin);
    expect(
      audit.body.entries.map((e: { action: string; details: { to: string } }) => [e.action, e.details.to]),
    ).toEqual([
      ['report.status_changed', 'investigating'],
      ['report.status_changed', 'triage'],
    ]);
  });

  it('replies reach the reporter (document, API, notification); notes stay with the admins', async () => {
    const id = report.reportId;
    const reply = await call('POST', `/api/admin/reports/${id}/replies`, admin, {
      text: 'We are looking into it.',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.reply).toMatchObject({ text: 'We are looking into it.', from: 'admin' });
    expect((await call('POST', `/api/admin/reports/${id}/replies`, admin, { text: '  ' })).status).toBe(400);
    const note = await call('POST', `/api/admin/reports/${id}/notes`, admin, {
      text: 'Driver has two prior complaints.',
    });
    expect(note.status).toBe(201);

    await waitFor(() => report.replies().length === 1, 10_000, 'reply in the document');
    expect(report.replies()[0]).toEqual(reply.body.reply);
    const mine = await call('GET', `/api/reports/${id}`, rider.token);
    expect(mine.body.replies).toEqual([reply.body.reply]);
    expect(mine.body.statusHistory.map((s: { toStatus: string }) => s.toStatus)).toEqual([
      'triage',
      'investigating',
    ]);
    expect(JSON.stringify(mine.body)).not.toContain('prior complaints');
    const notified = await t.server.deps.database.db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, `report:${id}:reply:${reply.body.reply.id}%`));
    expect(notified.map((m) => m.topic)).toContain('email');
    const detail = await call('GET', `/api/reports/${id}`, admin);
    expect(detail.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'status',
      'status',
      'reply',
      'note',
    ]);
  });

  it('suspends a driver: sessions revoked, shift ended, audited; unsuspending lets them back', async () => {
    expect((await call('POST', '/api/shifts', driver.token, { vehicleId })).status).toBe(201);
    expect(
      (await call('POST', `/api/admin/users/${rider.id}/suspend`, admin, { reason: 'test' })).body.error.code,
    ).toBe('not_a_driver');
    const res = await call('POST', `/api/admin/users/${driver.id}/suspend`, admin, {
      reason: 'Threatened a rider with a knife',
      reportId: report.reportId,
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: driver.id, suspended: true });
    // Suspending again changes nothing and is not audited twice (an offline admin app may replay it).
    expect(
      (await call('POST', `/api/admin/users/${driver.id}/suspend`, admin, { reason: 'again' })).status,
    ).toBe(200);

    const refreshed = await fetch(`${t.server.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: driver.refresh }),
    });
    expect(refreshed.status).toBe(401);
    const [v] = await t.server.deps.database.db.select().from(vehicles).where(eq(vehicles.id, vehicleId));
    expect(v!.status).toBe('off_duty');
    const detail = await call('GET', `/api/reports/${report.reportId}`, admin);
    expect(detail.body.driver.suspended).toBe(true);
    expect(detail.body.events.at(-1)).toMatchObject({
      kind: 'note',
      text: 'Driver suspended: Threatened a rider with a knife',
    });

    const audit = await call('GET', `/api/admin/audit?targetType=user&targetId=${driver.id}`, admin);
    // The driver's own sign-ins are audited on the same account; here only the admin's decisions count.
    const decisions = audit.body.entries.filter((e: { action: string }) => e.action.startsWith('driver.'));
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      action: 'driver.suspended',
      details: {
        reason: 'Threatened a rider with a knife',
        reportId: report.reportId,
        endedShifts: [vehicleId],
      },
    });

    expect(
      (await call('POST', `/api/admin/users/${driver.id}/unsuspend`, admin, {})).body.user.suspended,
    ).toBe(false);
    expect((await t.loginAs('driver')).user.suspended).toBe(false);
  });

  it('pages through the audit log with the cursor, without gaps or repeats', async () => {
    const all = (await call('GET', '/api/admin/audit?limit=200', admin)).body.entries.map(
      (e: { id: string }) => e.id,
    );
    expect(all.length).toBeGreaterThanOrEqual(6);
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page = await call(
        'GET',
        `/api/admin/audit?limit=2${before ? `&before=${encodeURIComponent(before)}` : ''}`,
        admin,
      );
      seen.push(...page.body.entries.map((e: { id: string }) => e.id));
      before = page.body.nextBefore;
    } while (before);
    expect(seen).toEqual(all);
    expect((await call('GET', '/api/admin/audit', rider.token)).status).toBe(403);
    expect((await call('GET', '/api/admin/audit?before=yesterday', admin)).status).toBe(400);
  });
});

import { closeCodes } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safetyReports, vehicles } from '../db/schema';
import { demoAccounts } from '../seed/demo-data';
import { sampleFiles } from '../test-support/evidence-samples';
import { api, evidenceRefOf, openReport, reportFields, uploadEvidence } from '../test-support/report-kit';
import { rawConnect, ticketFor, waitFor } from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
const demoRider = demoAccounts[0];

describe.each(testDatabaseKinds)('who sees a safety report on %s', (kind) => {
  let t: TestServer;
  let call: ReturnType<typeof api>;
  let a: string;
  let b: string;
  let driver: string;
  let admin: string;
  let vehicleId: string;
  const ids = { anonymous: '', named: '' };
  const photo = sampleFiles.jpeg(4096, 501);

  beforeAll(async () => {
    t = await startTestServer(kind);
    call = api(t.server.url);
    a = (await t.loginAs('rider')).accessToken;
    b = (await t.register(`rider-b-${kind}@example.rw`)).accessToken;
    const d = await t.loginAs('driver');
    driver = d.accessToken;
    admin = (await t.loginAs('admin')).accessToken;
    const [v] = await t.server.deps.database.db
      .select()
      .from(vehicles)
      .where(eq(vehicles.driverId, d.user.id));
    vehicleId = v!.id;

    // Rider A files two reports about the demo driver's moto: one anonymous with a photo, one named.
    expect((await uploadEvidence(t.server.url, a, photo, 'image/jpeg')).status).toBe(201);
    for (const [key, anonymous] of [
      ['anonymous', true],
      ['named', false],
    ] as const) {
      const r = await openReport(t.server.url, a);
      r.write(reportFields({ vehicleId, anonymous }), anonymous ? [evidenceRefOf(photo, 'image/jpeg')] : []);
      const db = t.server.deps.database.db;
      await waitFor(() => r.server().status === 'submitted' && !r.server().missingEvidence, 10_000, 'filed');
      expect((await db.select().from(safetyReports).where(eq(safetyReports.id, r.reportId))).length).toBe(1);
      ids[key] = r.reportId;
      r.close();
    }
  });
  afterAll(() => t.stop());

  it('rider B cannot read rider A’s report through the API, the evidence URL or the WebSocket', async () => {
    expect((await call('GET', '/api/reports', b)).body).toEqual({ reports: [] });
    expect((await call('GET', `/api/reports/${ids.anonymous}`, b)).status).toBe(404);
    const evidence = await fetch(
      `${t.server.url}/api/evidence/${evidenceRefOf(photo, 'image/jpeg').sha256}`,
      {
        headers: { authorization: `Bearer ${b}` },
      },
    );
    expect(evidence.status).toBe(404);
    const ws = rawConnect(
      t.server.url,
      `/sync/report:${ids.anonymous}?ticket=${await ticketFor(t.server.url, b)}&v=1`,
    );
    expect((await ws.closed).code).toBe(closeCodes.forbidden);
    // Nothing of the document was sent before the refusal (SS1).
    expect(ws.received).toHaveLength(0);

    // Rider A sees both, with status, through each channel.
    const own = await call('GET', '/api/reports', a);
    expect(own.body.reports.map((r: { id: string }) => r.id).sort()).toEqual(
      [ids.anonymous, ids.named].sort(),
    );
    const detail = await call('GET', `/api/reports/${ids.anonymous}`, a);
    expect(detail.body.report).toMatchObject({ id: ids.anonymous, status: 'submitted', anonymous: true });
    expect(detail.body.report).not.toHaveProperty('severity');
  });

  it('a driver never opens a report document, and sees no reporter identity on an anonymous report', async () => {
    const ws = rawConnect(
      t.server.url,
      `/sync/report:${ids.named}?ticket=${await ticketFor(t.server.url, driver)}&v=1`,
    );
    expect((await ws.closed).code).toBe(closeCodes.forbidden);

    const list = await call('GET', '/api/reports', driver);
    expect(list.status).toBe(200);
    // Filters only narrow an admin's queue, but a malformed one is refused for every role, not ignored.
    expect((await call('GET', '/api/reports?limit=-1', driver)).status).toBe(400);
    expect((await call('GET', '/api/reports?from=yesterday', a)).status).toBe(400);
    const anonymous = list.body.reports.find((r: { id: string }) => r.id === ids.anonymous);
    const named = list.body.reports.find((r: { id: string }) => r.id === ids.named);
    expect(anonymous).toMatchObject({ anonymous: true, reporter: null, tripId: null, occurredAt: null });
    expect(anonymous).not.toHaveProperty('location');
    expect(anonymous).not.toHaveProperty('evidence');
    expect(named).toMatchObject({ anonymous: false, reporter: { name: demoRider.name } });
    // Never the email or phone, on any report; never the name on the anonymous one.
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(demoRider.email);
    expect(text).not.toContain(demoRider.phone);
    expect(JSON.stringify(anonymous)).not.toContain(demoRider.name);
    const one = await call('GET', `/api/reports/${ids.anonymous}`, driver);
    expect(one.body.report.reporter).toBeNull();
    // A driver cannot decide on reports.
    expect(
      (await call('POST', `/api/admin/reports/${ids.named}/status`, driver, { status: 'dismissed' })).status,
    ).toBe(403);
  });

  it('admins see the reporter, the severity with its reasons, and the evidence', async () => {
    const res = await call('GET', `/api/reports/${ids.anonymous}`, admin);
    expect(res.status).toBe(200);
    expect(res.body.report).toMatchObject({
      reporter: { name: demoRider.name, email: demoRider.email },
      evidence: [evidenceRefOf(photo, 'image/jpeg')],
      severity: expect.any(String),
      severityReasons: expect.arrayContaining([expect.objectContaining({ rule: 'category.harassment' })]),
    });
    expect(res.body.vehicle).toMatchObject({ id: vehicleId });
    expect(res.body.driver).toMatchObject({ name: demoAccounts[1].name, suspended: false });
    expect(res.body.history.vehicleReports.map((r: { id: string }) => r.id)).toEqual([ids.named]);
    const ws = rawConnect(
      t.server.url,
      `/sync/report:${ids.anonymous}?ticket=${await ticketFor(t.server.url, admin)}&v=1`,
    );
    await ws.opened;
    await waitFor(() => ws.received.length > 0, 10_000, 'admin sync');
    ws.ws.close();
  });
});

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db/schema';
import { fcmPush } from '../notifications/push-fcm';
import {
  fakeFcm,
  localRoutingAgent,
  testCertificate,
  testServiceAccount,
} from '../notifications/test-support/fake-fcm';
import { enqueue } from '../outbox/enqueue';
import { demoAccounts } from '../seed/demo-data';
import { api, openReport, reportFields } from '../test-support/report-kit';
import { waitFor } from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';

type Received = { path: string; body: Record<string, unknown> };

const tls = testCertificate();

/** A local SendGrid v3 mail-send endpoint; push goes through the production FCM adapter to a local FCM. */
function sendGridEndpoint() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v3/mail/send') return res.writeHead(404).end();
      received.push({ path: req.url, body: JSON.parse(raw || '{}') });
      res.writeHead(202, { 'x-message-id': `m-${received.length}` }).end();
    });
  });
  return { server, received };
}

describe.each(testDatabaseKinds)('authority alerts on %s', (kind) => {
  // The FCM half needs a TLS certificate (openssl); without one the whole file would test only email.
  if (!tls) throw new Error('openssl is needed to test push through firebase-admin');
  const mail = sendGridEndpoint();
  let fcm: Awaited<ReturnType<typeof fakeFcm>>;
  let push: ReturnType<typeof fcmPush>;
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let rider: string;
  let admin: string;
  beforeAll(async () => {
    await new Promise<void>((r) => mail.server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(mail.server.address() as AddressInfo).port}`;
    fcm = await fakeFcm(tls);
    push = fcmPush({
      serviceAccount: testServiceAccount(),
      httpAgent: localRoutingAgent(fcm.port, tls.cert),
      // A fixed token: google-auth-library's token exchange does not take firebase-admin's httpAgent.
      credential: { getAccessToken: async () => ({ access_token: 'ya29.alerts', expires_in: 3600 }) },
    });
    t = await startTestServer(kind, {
      sendGrid: { apiKey: 'SG.test', from: 'safety@kigaligo.rw', baseUrl: base },
      authorities: { emails: ['duty-officer@police.example.rw'], pushTokens: ['authority-device-1'] },
      outboxProviders: { push: push.handler },
    });
    rider = (await t.loginAs('rider')).accessToken;
    admin = (await t.loginAs('admin')).accessToken;
  });
  afterAll(async () => {
    await t.stop();
    await push.close();
    await fcm.close();
    await new Promise((r) => mail.server.close(r));
  });

  const emailsFor = (id: string) => mail.received.filter((r) => JSON.stringify(r.body).includes(id));
  const pushesFor = (id: string) => fcm.sent.filter((p) => JSON.stringify(p.message).includes(id));
  /**
   * A positive wait for "the outbox has handled everything queued so far": queue one more email and wait until
   * it arrives. The worker delivers due rows oldest first, so whatever was queued before it has been sent.
   */
  async function outboxDrained(marker: string) {
    await enqueue(
      t.server.deps.database.db,
      'email',
      { to: 'ops@kigaligo.rw', subject: marker, text: marker },
      `test:${marker}`,
    );
    await waitFor(() => mail.received.some((r) => JSON.stringify(r.body).includes(marker)), 30_000, marker);
  }
  const queuedFor = (id: string) =>
    t.server.deps.database.db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, `report:${id}:authority%`));

  it('a critical report reaches the authorities by email and by FCM push (firebase-admin), without the reporter', async () => {
    const r = await openReport(t.server.url, rider);
    r.write(reportFields({ description: 'The driver raped me near Nyabugogo. Yamfashe ku ngufu.' }));
    // Arrival is what this test checks; the promised speed (`AUTHORITY_ALERT_BOUND_MS`) is not a unit-test assert.
    await waitFor(
      () => emailsFor(r.reportId).length === 1 && pushesFor(r.reportId).length === 1,
      60_000,
      'both alerts',
    );

    expect(emailsFor(r.reportId)[0]!.body).toMatchObject({
      from: { email: 'safety@kigaligo.rw' },
      personalizations: [{ to: [{ email: 'duty-officer@police.example.rw' }] }],
      subject: 'KigaliGo critical safety report: harassment',
    });
    expect(pushesFor(r.reportId)[0]).toMatchObject({
      authorization: 'Bearer ya29.alerts',
      path: '/v1/projects/kigaligo-test/messages:send',
      message: { token: 'authority-device-1', data: { kind: 'critical_report', reportId: r.reportId } },
    });
    // The reporter stays with the safety team: no name, email or phone in what leaves.
    const sent = JSON.stringify([...emailsFor(r.reportId), ...pushesFor(r.reportId)]);
    for (const secret of [demoAccounts[0].name, demoAccounts[0].email, demoAccounts[0].phone]) {
      expect(sent).not.toContain(secret);
    }

    // Dismissing it later queues and sends nothing more to the authorities.
    const queued = (await queuedFor(r.reportId)).length;
    const dismissed = await api(t.server.url)('POST', `/api/admin/reports/${r.reportId}/status`, admin, {
      status: 'dismissed',
      note: 'Duplicate of an earlier report',
    });
    expect(dismissed.status).toBe(200);
    await outboxDrained(`after-dismissal-${randomUUID()}`);
    expect((await queuedFor(r.reportId)).length).toBe(queued);
    expect(emailsFor(r.reportId)).toHaveLength(1);
    expect(pushesFor(r.reportId)).toHaveLength(1);
    r.close();
  });

  it('a report that is not critical alerts nobody', async () => {
    const r = await openReport(t.server.url, rider);
    r.write(
      reportFields({ category: 'overcharging', description: 'He asked 3000 RWF for a 1000 RWF ride.' }),
    );
    await waitFor(() => r.server().status === 'submitted', 10_000, 'filed');
    const detail = await api(t.server.url)('GET', `/api/reports/${r.reportId}`, admin);
    expect(detail.body.report.severity).not.toBe('critical');
    // Alerts are queued in the transaction that files the report: none exist, none will.
    expect(await queuedFor(r.reportId)).toEqual([]);
    await outboxDrained(`after-minor-${randomUUID()}`);
    expect(emailsFor(r.reportId)).toEqual([]);
    expect(pushesFor(r.reportId)).toEqual([]);
    r.close();
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db/schema';
import { pushVia } from '../outbox/providers';
import { demoAccounts } from '../seed/demo-data';
import { api, openReport, reportFields } from '../test-support/report-kit';
import { waitFor } from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { AUTHORITY_ALERT_BOUND_MS } from './authority-alert';

type Received = { at: number; path: string; body: Record<string, unknown> };

/** One local HTTP server for both providers: SendGrid's v3 mail send and FCM's HTTP v1 messages:send. */
function providerEndpoints() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      const entry = { at: Date.now(), path: req.url ?? '', body: JSON.parse(raw || '{}') };
      if (req.method === 'POST' && req.url === '/v3/mail/send') {
        received.push(entry);
        return res.writeHead(202, { 'x-message-id': `m-${received.length}` }).end();
      }
      if (req.method === 'POST' && req.url === '/v1/projects/kigaligo-test/messages:send') {
        received.push(entry);
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ name: `projects/kigaligo-test/messages/${received.length}` }));
      }
      res.writeHead(404).end();
    });
  });
  return { server, received };
}

describe.each(testDatabaseKinds)('authority alerts on %s', (kind) => {
  const endpoints = providerEndpoints();
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let rider: string;
  let admin: string;
  let base: string;
  beforeAll(async () => {
    await new Promise<void>((r) => endpoints.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(endpoints.server.address() as AddressInfo).port}`;
    t = await startTestServer(kind, {
      sendGrid: { apiKey: 'SG.test', from: 'safety@kigaligo.rw', baseUrl: base },
      authorities: { emails: ['duty-officer@police.example.rw'], pushTokens: ['authority-device-1'] },
      // FCM's HTTP v1 request, one per device token, as the production push adapter sends it.
      outboxProviders: {
        push: pushVia(async (m) => {
          const names: string[] = [];
          for (const token of m.tokens) {
            const res = await fetch(`${base}/v1/projects/kigaligo-test/messages:send`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: 'Bearer test-oauth-token' },
              body: JSON.stringify({
                message: { token, notification: { title: m.title, body: m.body }, data: m.data },
              }),
            });
            if (!res.ok) throw new Error(`FCM answered ${res.status}`);
            names.push(((await res.json()) as { name: string }).name);
          }
          return { provider: 'fcm', names };
        }),
      },
    });
    rider = (await t.loginAs('rider')).accessToken;
    admin = (await t.loginAs('admin')).accessToken;
  });
  afterAll(async () => {
    await t.stop();
    await new Promise((r) => endpoints.server.close(r));
  });

  const forReport = (id: string) => endpoints.received.filter((r) => JSON.stringify(r.body).includes(id));
  const queuedFor = (id: string) =>
    t.server.deps.database.db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, `report:${id}:authority%`));

  it(`a critical report reaches the email and push endpoints within the promised ${AUTHORITY_ALERT_BOUND_MS} ms`, async () => {
    const r = await openReport(t.server.url, rider);
    const started = Date.now();
    r.write(reportFields({ description: 'The driver raped me near Nyabugogo. Yamfashe ku ngufu.' }));
    // A generous timeout: the bound is checked as "it arrives", not as a speed test.
    await waitFor(() => forReport(r.reportId).length >= 2, AUTHORITY_ALERT_BOUND_MS * 4, 'both alerts');
    const took = Math.max(...forReport(r.reportId).map((x) => x.at)) - started;
    console.info(`critical report → email + push in ${took} ms (bound ${AUTHORITY_ALERT_BOUND_MS} ms)`);

    const email = forReport(r.reportId).find((x) => x.path === '/v3/mail/send')!.body;
    expect(email).toMatchObject({
      from: { email: 'safety@kigaligo.rw' },
      personalizations: [{ to: [{ email: 'duty-officer@police.example.rw' }] }],
      subject: 'KigaliGo critical safety report: harassment',
    });
    const push = forReport(r.reportId).find((x) => x.path.endsWith('messages:send'))!.body;
    expect(push).toMatchObject({
      message: { token: 'authority-device-1', data: { kind: 'critical_report', reportId: r.reportId } },
    });
    // The reporter stays with the safety team: no name, email or phone in what leaves.
    const sent = JSON.stringify(forReport(r.reportId));
    for (const secret of [demoAccounts[0].name, demoAccounts[0].email, demoAccounts[0].phone]) {
      expect(sent).not.toContain(secret);
    }

    // Dismissing it later sends nothing more to the authorities.
    const queued = (await queuedFor(r.reportId)).length;
    const dismissed = await api(t.server.url)('POST', `/api/admin/reports/${r.reportId}/status`, admin, {
      status: 'dismissed',
      note: 'Duplicate of an earlier report',
    });
    expect(dismissed.status).toBe(200);
    expect((await queuedFor(r.reportId)).length).toBe(queued);
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
    expect(forReport(r.reportId)).toEqual([]);
    r.close();
  });
});

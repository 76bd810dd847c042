import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import { enqueue } from '../outbox/enqueue';
import { alertWebhook, sandbox } from '../outbox/providers';
import { waitFor } from '../test-support/sync-client';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { AlertMonitor } from './alert-monitor';

type Post = { body: { text: string; kigaligo: { condition: string; status: string } }; key: string };

/** An incoming webhook as Slack's and Teams' answer it: 200 and a short body. */
function webhookEndpoint() {
  const posts: Post[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      posts.push({ body: JSON.parse(raw), key: String(req.headers['idempotency-key']) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  return { server, posts };
}

const ONCALL = 'oncall@kigaligo.rw';

describe.each(testDatabaseKinds)('alerts to on-call on %s', (kind) => {
  const hook = webhookEndpoint();
  let url: string;
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let db: Db;

  beforeAll(async () => {
    await new Promise<void>((r) => hook.server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/hooks/oncall`;
    // Checked by hand (evaluate) rather than on the 30 s timer.
    t = await startTestServer(kind, {
      alerts: { emails: [ONCALL], webhookUrl: url, language: 'en', intervalMs: 3_600_000 },
    });
    db = t.server.deps.database.db;
  });
  afterAll(async () => {
    await t.stop();
    await new Promise<void>((r) => hook.server.close(() => r()));
  });

  const alertRows = (condition: string) =>
    db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, `alert:${condition}:%`))
      .orderBy(asc(outbox.createdAt));
  const posts = (condition: string, status: string) =>
    hook.posts.filter((p) => p.body.kigaligo.condition === condition && p.body.kigaligo.status === status);

  async function deadLetter(key: string) {
    await enqueue(db, 'email', { to: 'rider@example.rw', subject: 'Receipt', text: 'Thanks' }, key);
    await db
      .update(outbox)
      .set({ status: 'dead', lastError: 'mailbox full' })
      .where(eq(outbox.idempotencyKey, key));
  }

  it('pages once when outbox messages are given up on, and sends the all-clear once they are dealt with', async () => {
    await t.server.alerts.evaluate();
    expect(await alertRows('%')).toEqual([]);

    await deadLetter('test:dead-1');
    // Three processes checking at once page once between them.
    const other = new AlertMonitor(
      db,
      { emails: [ONCALL], webhookUrl: url, language: 'en', host: 'node-2' },
      { email: sandbox },
      pino({ level: 'silent' }),
    );
    const third = new AlertMonitor(
      db,
      { emails: [ONCALL], webhookUrl: url, language: 'en', host: 'node-3' },
      { email: sandbox },
      pino({ level: 'silent' }),
    );
    await Promise.all([t.server.alerts.evaluate(), other.evaluate(), third.evaluate()]);
    const firing = await alertRows('outbox_dead_letters');
    expect(firing.map((r) => r.topic).sort()).toEqual(['alert.webhook', 'email']);
    const mail = firing.find((r) => r.topic === 'email')!.payload as {
      to: string;
      subject: string;
      text: string;
    };
    expect(mail.to).toBe(ONCALL);
    expect(mail.subject).toBe('KigaliGo alert: outbox messages given up on');
    expect(mail.text).toContain('1 outbox message was given up on in the last 24 hours');
    expect(mail.text).toContain('docs/operations.md, section "outbox_dead_letters"');
    // The webhook row holds the message, never the webhook's URL (a secret; admins read the outbox).
    expect(JSON.stringify(firing)).not.toContain('/hooks/oncall');

    // The outbox delivers the page: the webhook receives it, the email goes to the sandbox (no SendGrid here).
    await waitFor(() => posts('outbox_dead_letters', 'firing').length === 1, 15_000, 'the page posted');
    const [post] = posts('outbox_dead_letters', 'firing');
    expect(post!.body.text).toMatch(/^KigaliGo alert: outbox messages given up on\n1 outbox message/);
    expect(post!.key).toMatch(/^alert:outbox_dead_letters:.+:firing:webhook$/);

    // Still firing: nothing more is sent.
    await t.server.alerts.evaluate();
    expect(await alertRows('outbox_dead_letters')).toHaveLength(2);

    // An admin retried it and it went: the all-clear goes out, once.
    await db.update(outbox).set({ status: 'sent' }).where(eq(outbox.idempotencyKey, 'test:dead-1'));
    await Promise.all([t.server.alerts.evaluate(), other.evaluate()]);
    const all = await alertRows('outbox_dead_letters');
    expect(all).toHaveLength(4);
    const resolved = all.find((r) => r.topic === 'email' && r.idempotencyKey.includes(':resolved:'))!;
    expect((resolved.payload as { subject: string }).subject).toBe(
      'KigaliGo resolved: outbox messages given up on',
    );
    await waitFor(
      () => posts('outbox_dead_letters', 'resolved').length === 1,
      15_000,
      'the all-clear posted',
    );

    // It comes back within the re-page window: recorded, but on-call is not paged again (nor told it cleared).
    await deadLetter('test:dead-2');
    await t.server.alerts.evaluate();
    await db.update(outbox).set({ status: 'sent' }).where(eq(outbox.idempotencyKey, 'test:dead-2'));
    await t.server.alerts.evaluate();
    expect(await alertRows('outbox_dead_letters')).toHaveLength(4);
  });

  it('pages about unexpected server errors any process saw', async () => {
    t.server.alerts.observeServerError();
    // The observation is written in the background; a check after it pages.
    await expect
      .poll(
        async () => {
          await t.server.alerts.evaluate();
          return (await alertRows('server_errors')).length;
        },
        { timeout: 10_000 },
      )
      .toBe(2);
    const rows = await alertRows('server_errors');
    expect(rows.map((r) => r.topic).sort()).toEqual(['alert.webhook', 'email']);
    expect((rows[0]!.payload as { text: string }).text).toContain(
      'unexpected errors (500) in the last 5 minutes',
    );
  });

  it('pages in Kinyarwanda when on-call reads it', async () => {
    const rw = new AlertMonitor(
      db,
      { emails: ['umurinzi@kigaligo.rw'], language: 'rw', host: 'node-rw' },
      { email: sandbox },
      pino({ level: 'silent' }),
    );
    // A fresh condition state, so this monitor is the one that flips it.
    await db.execute(sql`delete from alert_states where condition = 'authority_alerts_failing'`);
    await enqueue(
      db,
      'email',
      { to: 'police@example.rw', subject: 'Critical', text: 'Report' },
      'report:r1:authority-email:police@example.rw',
    );
    await db
      .update(outbox)
      .set({ status: 'dead' })
      .where(eq(outbox.idempotencyKey, 'report:r1:authority-email:police@example.rw'));
    await rw.evaluate();
    const rows = await db
      .select()
      .from(outbox)
      .where(
        and(
          like(outbox.idempotencyKey, 'alert:authority_alerts_failing:%'),
          inArray(outbox.topic, ['email']),
        ),
      );
    const mail = rows.find((r) => (r.payload as { to: string }).to === 'umurinzi@kigaligo.rw')!.payload as {
      subject: string;
      text: string;
    };
    expect(mail.subject).toBe('Impuruza ya KigaliGo: impuruza z’inzego zinaniwe');
    expect(mail.text).toContain('Impuruza 1 igenewe inzego zibishinzwe');
  });

  it('pages directly while the database is down, once, and records it in the outbox once it is back', async () => {
    let down = true;
    // The database as a process sees it during an outage: every statement fails.
    const flaky = new Proxy(db, {
      get(target, prop, receiver) {
        if (down && (prop === 'execute' || prop === 'transaction'))
          return () => Promise.reject(new Error('connect ECONNREFUSED'));
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const monitor = new AlertMonitor(
      flaky,
      { emails: [ONCALL], webhookUrl: url, language: 'en', host: 'node-7' },
      { email: sandbox, webhook: alertWebhook(url) },
      pino({ level: 'silent' }),
    );
    await monitor.evaluate();
    await monitor.evaluate();
    const pages = posts('database_unreachable', 'firing');
    expect(pages).toHaveLength(1);
    expect(pages[0]!.body.text).toContain('The database is unreachable from node-7');

    down = false;
    await monitor.evaluate();
    const rows = await alertRows('database_unreachable');
    const sent = rows.filter((r) => r.idempotencyKey.includes(':firing:'));
    expect(sent.map((r) => [r.topic, r.status])).toEqual(
      expect.arrayContaining([
        ['email', 'sent'],
        ['alert.webhook', 'sent'],
      ]),
    );
    expect(rows.filter((r) => r.idempotencyKey.includes(':resolved:'))).toHaveLength(2);
    await waitFor(
      () => posts('database_unreachable', 'resolved').length === 1,
      15_000,
      'the all-clear posted',
    );
  });
});

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db/schema';
import { createLogger } from '../logger';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { enqueue } from './enqueue';
import { OutboxWorker, retryDelay } from './outbox-worker';
import { type Providers, sandbox, sendGridEmail, type TopicHandler } from './providers';

/** A local server speaking SendGrid's v3 mail endpoint; `failNext` answers 503 to simulate an outage. */
function fakeSendGrid() {
  const received: { auth: string | undefined; body: Record<string, unknown> }[] = [];
  const state = { failNext: 0 };
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v3/mail/send') return res.writeHead(404).end();
      if (state.failNext > 0) {
        state.failNext -= 1;
        return res
          .writeHead(503, { 'content-type': 'application/json' })
          .end('{"errors":[{"message":"down"}]}');
      }
      received.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
      res.writeHead(202, { 'x-message-id': `msg-${received.length}` }).end();
    });
  });
  return { server, received, state };
}

describe.each(testDatabaseKinds)('outbox on %s', (kind) => {
  let t: TestApp;
  const sg = fakeSendGrid();
  let providers: Providers;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await new Promise<void>((r) => sg.server.listen(0, '127.0.0.1', r));
    const baseUrl = `http://127.0.0.1:${(sg.server.address() as AddressInfo).port}`;
    providers = {
      email: sendGridEmail({ apiKey: 'SG.test-key', from: 'safety@kigaligo.rw', baseUrl }),
      push: sandbox,
    };
  });
  afterAll(async () => {
    await t.dispose();
    await new Promise((r) => sg.server.close(r));
  });

  const worker = (maxAttempts = 3) =>
    new OutboxWorker(t.database.db, providers, createLogger('silent'), {
      maxAttempts,
      baseDelayMs: 1,
      maxDelayMs: 1,
    });
  const email = { to: 'police@example.rw', subject: 'Critical report', text: 'A rider reported an assault.' };

  it('delivers through the SendGrid SDK once, even when enqueued twice with one key', async () => {
    await t.database.db.transaction(async (tx) => {
      expect(await enqueue(tx as never, 'email', email, 'report-1:authority-email')).toBe(true);
      expect(await enqueue(tx as never, 'email', email, 'report-1:authority-email')).toBe(false);
    });
    expect(await worker().runOnce()).toBe(1);
    expect(await worker().runOnce()).toBe(0);
    expect(sg.received).toHaveLength(1);
    expect(sg.received[0]!.auth).toBe('Bearer SG.test-key');
    expect(sg.received[0]!.body).toMatchObject({
      from: { email: 'safety@kigaligo.rw' },
      subject: 'Critical report',
      custom_args: { idempotencyKey: 'report-1:authority-email' },
    });
    const [row] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, 'report-1:authority-email'));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, result: { provider: 'sendgrid', status: 202 } });
  });

  it('nothing is enqueued when the causing transaction rolls back', async () => {
    // The transaction must fail with our error, not some other one (a failed enqueue would also leave no row).
    await expect(
      t.database.db.transaction(async (tx) => {
        await enqueue(tx as never, 'email', email, 'rolled-back');
        expect(await tx.select().from(outbox).where(eq(outbox.idempotencyKey, 'rolled-back'))).toHaveLength(
          1,
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(
      await t.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, 'rolled-back')),
    ).toHaveLength(0);
  });

  it('retries with backoff while the provider is down, dead-letters, and an admin can retry', async () => {
    sg.state.failNext = 10;
    await enqueue(t.database.db, 'email', email, 'down-1');
    const w = worker(3);
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 5));
      await w.runOnce();
    }
    const [dead] = await t.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, 'down-1'));
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });
    expect(dead!.lastError).toMatch(/Service Unavailable|503|down/i);

    sg.state.failNext = 0;
    const admin = (await t.loginAs('admin')).accessToken;
    const rider = (await t.loginAs('rider')).accessToken;
    expect((await t.request('GET', '/api/admin/outbox', { token: rider })).status).toBe(403);
    const list = await (await t.request('GET', '/api/admin/outbox?status=dead', { token: admin })).json();
    expect(list.messages.map((m: { idempotencyKey: string }) => m.idempotencyKey)).toContain('down-1');
    const retried = await t.request('POST', `/api/admin/outbox/${dead!.id}/retry`, { token: admin });
    expect(retried.status).toBe(200);
    expect((await t.request('POST', `/api/admin/outbox/${dead!.id}/retry`, { token: admin })).status).toBe(
      404,
    );
    await w.runOnce();
    const [sent] = await t.database.db.select().from(outbox).where(eq(outbox.id, dead!.id));
    expect(sent!.status).toBe('sent');
  });

  it('the sandbox records what would have been sent, and payloads are validated on enqueue', async () => {
    await enqueue(
      t.database.db,
      'push',
      { tokens: ['device-1'], title: 'Report received', body: 'Thank you' },
      'push-1',
    );
    await worker().runOnce();
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, 'push-1'));
    expect(row).toMatchObject({
      status: 'sent',
      result: { sandbox: true },
      payload: { title: 'Report received' },
    });
    await expect(
      enqueue(t.database.db, 'email', { to: 'not-an-email', subject: 'x', text: 'y' }, 'bad'),
    ).rejects.toThrow();
  });
});

describe.each(testDatabaseKinds)('outbox topic hooks on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());
  const fast = { baseDelayMs: 1, maxDelayMs: 1 };
  const rowOf = async (key: string) =>
    (await t.database.db.select().from(outbox).where(eq(outbox.idempotencyKey, key)))[0]!;

  it('applies the result in the transaction that marks the message sent, then runs after-commit work', async () => {
    const seen: string[] = [];
    const handler: TopicHandler = {
      deliver: async () => ({ ok: true }),
      async afterDelivery(tx, message, result) {
        const [row] = await tx.select().from(outbox).where(eq(outbox.id, message.id));
        seen.push(`${row!.status}:${JSON.stringify(result)}`);
        return async () => {
          seen.push('after commit');
        };
      },
    };
    await enqueue(t.database.db, 'push', { tokens: ['d'], title: 'T', body: 'B' }, 'hook-1');
    await new OutboxWorker(t.database.db, { push: handler }, createLogger('silent'), fast).runOnce();
    expect(seen).toEqual(['sent:{"ok":true}', 'after commit']);
  });

  it('a failing after-delivery hook leaves the message to be retried; a permanent error dead-letters at once', async () => {
    let calls = 0;
    const flaky: TopicHandler = {
      deliver: async () => ({ n: ++calls }),
      async afterDelivery() {
        if (calls === 1) throw new Error('hook failed');
      },
    };
    await enqueue(t.database.db, 'push', { tokens: ['d'], title: 'T', body: 'B' }, 'hook-2');
    const w = new OutboxWorker(t.database.db, { push: flaky }, createLogger('silent'), fast);
    await w.runOnce();
    expect(await rowOf('hook-2')).toMatchObject({ status: 'pending', lastError: 'hook failed' });
    await new Promise((r) => setTimeout(r, 5));
    await w.runOnce();
    expect(await rowOf('hook-2')).toMatchObject({ status: 'sent', attempts: 2, result: { n: 2 } });

    const dead: string[] = [];
    const refused: TopicHandler = {
      deliver: async () => {
        throw Object.assign(new Error('refused for good'), { permanent: true });
      },
      async onDead(_tx, _message, error) {
        dead.push(error);
      },
    };
    await enqueue(t.database.db, 'push', { tokens: ['d'], title: 'T', body: 'B' }, 'hook-3');
    await new OutboxWorker(t.database.db, { push: refused }, createLogger('silent'), {
      ...fast,
      maxAttempts: 6,
    }).runOnce();
    expect(await rowOf('hook-3')).toMatchObject({ status: 'dead', attempts: 1 });
    expect(dead).toEqual(['refused for good']);
  });
});

describe('retryDelay', () => {
  it('doubles per attempt with jitter and a cap', () => {
    expect(retryDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(retryDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(retryDelay(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(retryDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
  });
});

import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReportStatus } from '@kigaligo/domain';
import { docName, reportDoc } from '@kigaligo/sync-protocol';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest } from '../api-routes';
import { memoryStorage } from '../evidence/evidence-test-server.test-support';
import { createKigaliClient, type KigaliClient } from '../kigali-client';
import type { Session } from '../session-store';
import type { QueueProblem } from './request-queue';
import type { QueuedRequest } from './request-queue-database';
import { RequestQueueService } from './request-queue-service';

/** A server like the admin report endpoints: refuses impossible transitions (409), can be made to fail. */
const received: { path: string; body: unknown; key: string | undefined }[] = [];
let failWith: number | null = null;
/** Answers the next request like a server still running its first try (409 request_in_progress). */
let inProgressOnce = false;
let url = '';
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString() || 'null');
  const send = (status: number, payload: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  if (req.headers.authorization !== 'Bearer admin-token')
    return send(401, { error: { code: 'unauthenticated', message: 'x' } });
  if (failWith) return send(failWith, { error: { code: 'unavailable', message: 'Down for a moment' } });
  if (inProgressOnce) {
    inProgressOnce = false;
    res.setHeader('retry-after', '1');
    return send(409, { error: { code: 'request_in_progress', message: 'Still being handled' } });
  }
  received.push({ path: req.url ?? '', body, key: req.headers['idempotency-key'] as string | undefined });
  if (body?.status === 'triage') {
    return send(409, {
      error: { code: 'invalid_transition', message: 'A resolved report cannot go back to triage' },
    });
  }
  send(201, { ok: true, path: req.url });
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const services: RequestQueueService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) s.destroy();
  received.length = 0;
  failWith = null;
  inProgressOnce = false;
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

function open(userId = crypto.randomUUID()) {
  const client: KigaliClient = createKigaliClient({ role: 'admin', baseUrl: url, storage: memoryStorage() });
  client.session.set({
    user: {
      id: userId,
      email: 'admin@demo.kigaligo.rw',
      name: 'Admin',
      phone: null,
      role: 'admin',
      suspended: false,
      createdAt: '2026-11-01T08:00:00.000Z',
    } as Session['user'],
    accessToken: 'admin-token',
    refreshToken: 'refresh-token-long-enough-for-the-schema',
    expiresAt: Date.now() + 15 * 60_000,
  });
  const service = new RequestQueueService(userId, client);
  services.push(service);
  const sent: QueuedRequest[] = [];
  const problems: QueueProblem[] = [];
  service.onSent((r) => sent.push(r));
  service.subscribe(() => problems.push(service.getSnapshot().problem));
  return { service, client, sent, problems, userId };
}

const status = (id: string, s: ReportStatus) => ({
  ...apiRequest('post', '/api/admin/reports/{id}/status', {
    path: { id },
    body: { status: s, note: `to ${s}` },
  }),
  subject: docName(reportDoc(id)),
  action: `status:${s}`,
});

describe('RequestQueue', () => {
  it('sends decisions in the order they were made, each with its own idempotency key', async () => {
    const { service, sent } = open();
    await service.queue.enqueue(status('r1', 'investigating'));
    await service.queue.enqueue({ ...status('r1', 'resolved'), action: 'status:resolved' });
    await service.queue.flush();
    expect(received.map((r) => (r.body as { status: string }).status)).toEqual(['investigating', 'resolved']);
    expect(new Set(received.map((r) => r.key)).size).toBe(2);
    expect(received.every((r) => /^[0-9a-f-]{36}$/.test(r.key ?? ''))).toBe(true);
    expect(sent.map((r) => r.action)).toEqual(['status:investigating', 'status:resolved']);
    await expect.poll(() => service.getSnapshot().requests).toEqual([]);
  });

  it('keeps decisions made offline through a restart and sends them when the network is back', async () => {
    const { service, client, userId } = open();
    client.connectivity.reportFailure();
    await service.queue.enqueue(status('r2', 'investigating'));
    await service.queue.flush();
    expect(received).toEqual([]);
    expect(service.queue.getProblem()).toBe('offline');
    await expect.poll(() => service.getSnapshot().requests.map((r) => r.state)).toEqual(['waiting']);
    service.destroy();

    // The tab was closed; the next one, online, finds the decision and sends it.
    const { service: next } = open(userId);
    await next.queue.flush();
    expect(received.map((r) => r.path)).toEqual(['/api/admin/reports/r2/status']);
  });

  it('stops the line on a 5xx (later decisions may depend on it) and goes on after a retry', async () => {
    const { service, problems } = open();
    failWith = 503;
    await service.queue.enqueue(status('r3', 'investigating'));
    await service.queue.enqueue(status('r3', 'resolved'));
    await service.queue.flush();
    expect(received).toEqual([]);
    expect(service.queue.retrying).toBe(true);
    expect(problems).toContain('server');
    await expect.poll(() => service.getSnapshot().requests[0]?.error?.status).toBe(503);
    failWith = null;
    service.queue.kick(true);
    await service.queue.flush();
    expect(received.map((r) => (r.body as { status: string }).status)).toEqual(['investigating', 'resolved']);
  });

  it('retries a decision the server is still handling (409 with Retry-After) instead of parking it as refused', async () => {
    const { service, sent } = open();
    inProgressOnce = true;
    await service.queue.enqueue(status('r5', 'investigating'));
    await service.queue.flush();
    expect(received).toEqual([]);
    expect(service.queue.retrying).toBe(true);
    expect(service.getSnapshot().requests.map((r) => r.state)).not.toContain('refused');
    // The retry timer (at least the asked-for second) sends it again, with the same key, and it goes through.
    await expect.poll(() => sent.map((r) => r.action), { timeout: 10_000 }).toEqual(['status:investigating']);
    expect(received.map((r) => r.path)).toEqual(['/api/admin/reports/r5/status']);
    await expect.poll(() => service.getSnapshot().requests).toEqual([]);
  });

  it('keeps a refused decision with the server’s reason, goes on, and forgets it when dismissed', async () => {
    const { service } = open();
    await service.queue.enqueue(status('r4', 'triage'));
    await service.queue.enqueue({
      ...apiRequest('post', '/api/admin/reports/{id}/replies', {
        path: { id: 'r4' },
        body: { text: 'We are looking into it.' },
      }),
      subject: 'report:r4',
      action: 'reply',
    });
    await service.queue.flush();
    expect(received.map((r) => r.path)).toEqual([
      '/api/admin/reports/r4/status',
      '/api/admin/reports/r4/replies',
    ]);
    await expect.poll(() => service.getSnapshot().requests).toHaveLength(1);
    const [refused] = service.getSnapshot().requests;
    expect(refused).toMatchObject({
      state: 'refused',
      action: 'status:triage',
      error: {
        status: 409,
        code: 'invalid_transition',
        message: 'A resolved report cannot go back to triage',
      },
    });
    expect(service.queue.retrying).toBe(false);
    await service.queue.dismiss(refused!.seq!);
    await expect.poll(() => service.getSnapshot().requests).toEqual([]);
  });
});

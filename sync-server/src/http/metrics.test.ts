import { docName, riderDoc } from '@kigaligo/sync-protocol';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { outbox } from '../db/schema';
import { enqueue } from '../outbox/enqueue';
import { connectAckedClient, ticketFor, waitFor } from '../test-support/sync-client';
import { createTestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus text exposition (format 0.0.4): every sample line, and the metric names declared by TYPE. */
function parseMetrics(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP')) continue;
    const type = line.match(/^# TYPE (\w+) (counter|gauge|histogram|summary|untyped)$/);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    const m = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    if (!m) throw new Error(`not Prometheus text: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return { samples, types };
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

describe.each(testDatabaseKinds)('GET /metrics on %s', (kind) => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const token = 'scrape-secret-123';
  const scrape = async () => {
    const res = await fetch(`${t.server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseMetrics(await res.text());
  };
  beforeAll(async () => {
    t = await startTestServer(kind, { metricsToken: token });
  });
  afterAll(() => t.stop());

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-12345' },
      { authorization: token },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${t.server.url}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'unauthenticated', message: 'A valid metrics token is required' },
      });
    }
  });

  it('exposes the process, HTTP, sync and outbox series', async () => {
    const { types } = await scrape();
    expect(types.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(types.get('nodejs_heap_size_used_bytes')).toBe('gauge');
    expect(types.get('http_request_duration_seconds')).toBe('histogram');
    expect(types.get('sync_connections')).toBe('gauge');
    expect(types.get('sync_documents')).toBe('gauge');
    expect(types.get('sync_documents_loaded')).toBe('gauge');
    expect(types.get('sync_updates_stored_total')).toBe('counter');
    expect(types.get('outbox_depth')).toBe('gauge');
    expect(types.get('outbox_deliveries_total')).toBe('counter');
  });

  it('times requests by route pattern and status, never by the raw URL', async () => {
    const tripId = '7f1c0a4e-34b4-4f4f-9a53-0d2b7e9a11aa';
    const before = (await scrape()).samples;
    const live = { name: 'http_request_duration_seconds_count', labels: { route: '/api/health/live' } };
    await fetch(`${t.server.url}/api/health/live`);
    const rider = await t.loginAs('rider');
    const trip = await fetch(`${t.server.url}/api/trips/${tripId}`, {
      headers: { authorization: `Bearer ${rider.accessToken}` },
    });
    expect(trip.status).toBe(404);
    const { samples } = await scrape();
    expect(value(samples, live.name, { ...live.labels, method: 'GET', status: '200' })).toBe(
      value(before, live.name, { ...live.labels, method: 'GET', status: '200' }) + 1,
    );
    expect(
      value(samples, 'http_request_duration_seconds_count', { route: '/api/trips/:id', status: '404' }),
    ).toBe(
      value(before, 'http_request_duration_seconds_count', { route: '/api/trips/:id', status: '404' }) + 1,
    );
    expect(samples.some((s) => Object.values(s.labels).some((v) => v.includes(tripId)))).toBe(false);
  });

  it('counts sync connections, open documents and stored updates', async () => {
    const rider = await t.loginAs('rider');
    const before = (await scrape()).samples;
    const c = connectAckedClient(t.server.url, docName(riderDoc(rider.user.id)), rider.accessToken);
    await waitFor(() => c.provider.synced, 10_000, 'sync');
    c.doc.getMap('preferences').set('language', 'rw');
    await c.saved();
    const during = (await scrape()).samples;
    expect(value(during, 'sync_connections')).toBe(value(before, 'sync_connections') + 1);
    expect(value(during, 'sync_documents')).toBe(value(before, 'sync_documents') + 1);
    expect(value(during, 'sync_documents_loaded')).toBe(value(before, 'sync_documents_loaded') + 1);
    expect(value(during, 'sync_updates_stored_total')).toBeGreaterThan(
      value(before, 'sync_updates_stored_total'),
    );
    c.provider.destroy();
    await waitFor(() => t.server.sync.rooms.size === 0, 10_000, 'document closed');
    const after = (await scrape()).samples;
    expect(value(after, 'sync_connections')).toBe(value(before, 'sync_connections'));
  });

  it('reports the outbox depth at scrape time and counts deliveries by topic and outcome', async () => {
    const sent = { topic: 'email', outcome: 'sent' };
    const before = value((await scrape()).samples, 'outbox_deliveries_total', sent);
    const email = { to: 'ops@example.rw', subject: 'Metrics', text: 'A message for the metrics test.' };
    await enqueue(t.server.deps.database.db, 'email', email, `metrics-test-${kind}`);
    // The worker delivers in the background: scrape until the sandbox delivery is counted.
    let samples = (await scrape()).samples;
    for (let i = 0; i < 100 && value(samples, 'outbox_deliveries_total', sent) === before; i++) {
      await new Promise((r) => setTimeout(r, 100));
      samples = (await scrape()).samples;
    }
    expect(value(samples, 'outbox_deliveries_total', sent)).toBe(before + 1);
    expect(value(samples, 'outbox_depth')).toBe(0);
  });

  it('reports what on-call watches: dead letters, the oldest due message, reconcile failures, /live, alerts', async () => {
    const db = t.server.deps.database.db;
    const email = { to: 'ops@example.rw', subject: 'Metrics', text: 'Dead.' };
    await enqueue(db, 'email', email, `metrics-dead-${kind}`);
    await db
      .update(outbox)
      .set({ status: 'dead' })
      .where(eq(outbox.idempotencyKey, `metrics-dead-${kind}`));
    // Due two minutes ago and not delivered: as if no worker were running.
    await enqueue(
      db,
      'payment.charge',
      { paymentId: crypto.randomUUID(), provider: 'cash' },
      `metrics-due-${kind}`,
    );
    await db
      .update(outbox)
      .set({ nextAttemptAt: new Date(Date.now() - 120_000), attempts: 1 })
      .where(eq(outbox.idempotencyKey, `metrics-due-${kind}`));
    await db.execute(sql`insert into alert_states (condition, firing) values ('redis_unreachable', true)`);
    const admin = await t.loginAs('admin');
    const live = new WebSocket(
      `${t.server.url.replace(/^http/, 'ws')}/live?ticket=${await ticketFor(t.server.url, admin.accessToken, 'live')}`,
    );
    await new Promise((r) => live.once('open', r));
    try {
      // The socket counts once its token is checked.
      await expect
        .poll(async () => value((await scrape()).samples, 'live_subscribers'), { timeout: 10_000 })
        .toBe(1);
      const { samples, types } = await scrape();
      expect(types.get('reconcile_failures')).toBe('gauge');
      expect(value(samples, 'outbox_dead_letters')).toBeGreaterThanOrEqual(1);
      // Claimed by the worker meanwhile or not: due at least 2 minutes ago unless it has just been delivered.
      expect(value(samples, 'outbox_oldest_due_seconds')).toBeGreaterThanOrEqual(0);
      expect(value(samples, 'reconcile_failures', { state: 'retrying' })).toBe(0);
      expect(value(samples, 'live_subscribers')).toBe(1);
      expect(value(samples, 'alert_firing', { condition: 'redis_unreachable' })).toBe(1);
      // No REDIS_URL here: no redis_up series rather than a misleading 0.
      expect(samples.some((s) => s.name === 'redis_up')).toBe(false);
    } finally {
      live.close();
    }
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('is open, and each app has its own registry', async () => {
    const a = await createTestApp('pglite');
    const b = await createTestApp('pglite');
    try {
      await a.request('GET', '/api/health/live');
      const res = await a.request('GET', '/metrics');
      expect(res.status).toBe(200);
      const count = (text: string) =>
        value(parseMetrics(text).samples, 'http_request_duration_seconds_count', {
          route: '/api/health/live',
        });
      expect(count(await res.text())).toBe(1);
      expect(count(await (await b.request('GET', '/metrics')).text())).toBe(0);
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });
});

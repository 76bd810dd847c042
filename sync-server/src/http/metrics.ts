import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AppEnv } from '../app-env';
import { errorBody } from './errors';

/** What the gauges read at scrape time; each server wires its own (tests leave them out). */
export interface MetricSources {
  syncConnections?: () => number;
  syncDocuments?: () => number;
  /** Open documents held in memory (not asleep, SS5). */
  syncDocumentsLoaded?: () => number;
  outboxDepth?: () => Promise<number>;
  /** Seconds the oldest message due for delivery has waited (0 when none is due). */
  outboxOldestDue?: () => Promise<number>;
  /** Messages given up on in the last 24 hours (what pages on-call, alerts/conditions.ts). */
  outboxDeadLetters?: () => Promise<number>;
  /** Entries of synced documents the reconcilers could not take: still retrying, and rejected. */
  reconcileFailures?: () => Promise<{ retrying: number; rejected: number }>;
  liveSubscribers?: () => number;
  /** Whether Redis answers a ping; undefined without REDIS_URL (no redis_up series then). */
  redisUp?: () => Promise<boolean>;
  /** Alert conditions and whether each is firing now. */
  alertsFiring?: () => Promise<Record<string, boolean>>;
}

/**
 * Prometheus metrics of one server instance. Its own registry (never prom-client's global one), so several
 * servers in one process (tests, the scale-out test) do not register the same series twice. Labels are
 * bounded: route patterns, methods, statuses, outbox topics and outcomes — never user ids or document names.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, matched route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly syncUpdatesStored = new Counter({
    name: 'sync_updates_stored_total',
    help: 'Document updates stored by this process',
    registers: [this.registry],
  });
  readonly outboxDeliveries = new Counter({
    name: 'outbox_deliveries_total',
    help: 'Outbox delivery attempts by topic and outcome (sent, retry, dead)',
    labelNames: ['topic', 'outcome'] as const,
    registers: [this.registry],
  });
  private sources: MetricSources = {};

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const sources = () => this.sources;
    new Gauge({
      name: 'sync_connections',
      help: 'Open /sync WebSocket connections',
      registers: [this.registry],
      collect() {
        this.set(sources().syncConnections?.() ?? 0);
      },
    });
    new Gauge({
      name: 'sync_documents',
      help: 'Documents open in this process',
      registers: [this.registry],
      collect() {
        this.set(sources().syncDocuments?.() ?? 0);
      },
    });
    new Gauge({
      name: 'sync_documents_loaded',
      help: 'Open documents held in memory: the others are asleep, their clients quiet',
      registers: [this.registry],
      collect() {
        this.set(sources().syncDocumentsLoaded?.() ?? 0);
      },
    });
    new Gauge({
      name: 'outbox_depth',
      help: 'Outbox messages waiting to be delivered (pending), read at scrape time',
      registers: [this.registry],
      async collect() {
        this.set((await sources().outboxDepth?.()) ?? 0);
      },
    });
    this.scrapeGauges(sources);
  }

  private scrapeGauges(sources: () => MetricSources): void {
    const registers = [this.registry];
    new Gauge({
      name: 'outbox_oldest_due_seconds',
      help: 'How long the oldest outbox message due for delivery has waited',
      registers,
      async collect() {
        this.set((await sources().outboxOldestDue?.()) ?? 0);
      },
    });
    new Gauge({
      name: 'outbox_dead_letters',
      help: 'Outbox messages given up on in the last 24 hours',
      registers,
      async collect() {
        this.set((await sources().outboxDeadLetters?.()) ?? 0);
      },
    });
    new Gauge({
      name: 'reconcile_failures',
      help: 'Synced document entries the reconcilers could not take, by state (retrying, rejected)',
      labelNames: ['state'] as const,
      registers,
      async collect() {
        const f = (await sources().reconcileFailures?.()) ?? { retrying: 0, rejected: 0 };
        this.set({ state: 'retrying' }, f.retrying);
        this.set({ state: 'rejected' }, f.rejected);
      },
    });
    new Gauge({
      name: 'live_subscribers',
      help: 'Open /live WebSocket subscribers of this process',
      registers,
      collect() {
        this.set(sources().liveSubscribers?.() ?? 0);
      },
    });
    new Gauge({
      name: 'alert_firing',
      help: 'Alert conditions (docs/operations.md) and whether each is firing (1) or not (0)',
      labelNames: ['condition'] as const,
      registers,
      async collect() {
        for (const [condition, firing] of Object.entries((await sources().alertsFiring?.()) ?? {}))
          this.set({ condition }, firing ? 1 : 0);
      },
    });
  }

  /** The gauges' sources exist only once the server has built its sync service and database. */
  use(sources: MetricSources): void {
    this.sources = { ...this.sources, ...sources };
    const probe = sources.redisUp;
    // Only with REDIS_URL: without Redis a redis_up of 0 would read as an outage.
    if (probe && !this.registry.getSingleMetric('redis_up')) {
      new Gauge({
        name: 'redis_up',
        help: 'Whether Redis answered a ping at scrape time (1) or not (0)',
        registers: [this.registry],
        async collect() {
          this.set((await probe()) ? 1 : 0);
        },
      });
    }
  }

  /** Times every request by the route pattern Hono matched (the raw URL would carry ids). */
  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const end = this.httpDuration.startTimer();
      try {
        await next();
      } finally {
        // After next(), the current route is the last one dispatched: the handler that answered, or the
        // middleware pattern ("/api/*") for a request nothing matched.
        end({ method: c.req.method, route: routePath(c) || 'unmatched', status: String(c.res.status) });
      }
    };
  }

  /** `GET /metrics`: open without METRICS_TOKEN; with it, only `Authorization: Bearer <token>`. */
  handler(token: string | undefined): MiddlewareHandler<AppEnv> {
    return async (c) => {
      if (token && !bearerMatches(c.req.header('authorization'), token)) {
        return c.json(errorBody('unauthenticated', 'A valid metrics token is required'), 401, {
          'WWW-Authenticate': 'Bearer',
        });
      }
      return c.body(await this.registry.metrics(), 200, { 'Content-Type': this.registry.contentType });
    };
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.match(/^Bearer (.+)$/i)?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

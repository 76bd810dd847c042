import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import {
  defaultDispatchPolicy,
  type LoginResponse,
  type MapConfig,
  type ServiceArea,
} from '@kigaligo/domain';
import { eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { DestinationStream } from 'pino';
import { type AlertConfig, AlertMonitor } from './alerts/alert-monitor';
import { createApp } from './app';
import type { AppDeps } from './app-env';
import { AuthLimits } from './auth/auth-limits';
import { memoryLimitStore, redisLimitStore } from './auth/limit-store';
import { mfaPolicy } from './auth/mfa/policy';
import { OidcClient, type OidcOptions } from './auth/oidc-client';
import {
  accessCheck,
  localRevocationBus,
  redisRevocationBus,
  SessionRevocations,
} from './auth/session-revocations';
import { memoryTicketStore, redisTicketStore } from './auth/socket-tickets';
import { BookingDesk } from './booking/booking-desk';
import { DispatchWorker } from './booking/dispatch-worker';
import { driverDocType } from './booking/driver-doc-type';
import { riderDocType } from './booking/rider-doc-type';
import { TripDocs } from './booking/trip-docs';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { outbox, trips } from './db/schema';
import { getOrCreateSecret } from './db/secrets';
import { DemoSimulation } from './demo/demo-simulation';
import { ensureSimFleet } from './demo/sim-fleet';
import { createErrorReporter } from './error-reporting';
import type { EvidenceStore } from './evidence/evidence-store';
import { localEvidenceStore } from './evidence/local-store';
import { type S3Config, s3EvidenceStore } from './evidence/s3-store';
import { purgeIdempotencyKeys } from './http/idempotency';
import { databaseReadings } from './http/metric-readings';
import { Metrics } from './http/metrics';
import { defaultSocketTimeouts, type SocketTimeouts } from './http/socket-guard';
import { routeUpgrades } from './http/upgrades';
import { localLiveBus, redisLiveBus } from './live/live-bus';
import { LiveHub } from './live/live-hub';
import { createLogger } from './logger';
import { NetworkService } from './network/network-service';
import { OutboxWorker } from './outbox/outbox-worker';
import { alertWebhook, type Providers, sandbox, sendGridEmail } from './outbox/providers';
import type { PaymentsConfig } from './payments/payment-providers';
import type { PushOptions } from './payments/payments-config';
import { wireProviders } from './payments/provider-wiring';
import type { Authorities } from './reports/authority-alert';
import { reportDocType } from './reports/report-doc-type';
import { ReportDocs } from './reports/report-docs';
import { SIGN_IN_CODE_TTL_SECONDS } from './routes/auth-oidc';
import { warmDemoFleet } from './seed/demo-fleet';
import { seedDemoData } from './seed/seed';
import { DocStore } from './sync/doc-store';
import { type DocWriter, registerDocTypes } from './sync/doc-type';
import { type Fanout, localFanout, redisFanout } from './sync/fanout';
import { ReconcileScheduler } from './sync/reconciler';
import type { RetryPolicy } from './sync/retry-policy';
import { SyncService } from './sync/sync-service';
import { purgeOldPositions } from './tracking/retention';

export interface ServerOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** Where PGlite keeps its files when no databaseUrl is given. */
  dataDir?: string;
  /** PGlite only: a data directory dump to start an empty dataDir from (tests: one already migrated). */
  startFrom?: Blob;
  databaseUrl?: string | undefined;
  /** Folder holding <app>/dist for rider, driver and admin; omit to serve only the API. */
  appsDir?: string;
  seed?: boolean;
  /** ADMIN_MFA: admins need a second factor (default required; the demo admin is exempt while seeding). */
  adminMfa?: 'required' | 'optional';
  logLevel?: string;
  /** Sign in with an OpenID Connect provider (riders): OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME. */
  oidc?: OidcOptions | undefined;
  /** PUBLIC_URL: the origin people reach the server at, for links and redirects; else each request's origin. */
  publicUrl?: string | undefined;
  /** Where the logs go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
  jwtSecret?: string | undefined;
  sentryDsn?: string | undefined;
  trustProxy?: boolean;
  /** GTFS folder or zip to import and plan on; without it the active feed (first start: the shipped one). */
  gtfsPath?: string | undefined;
  /** Fixed service area (SERVICE_AREA); without it, the active feed's stops plus a margin. */
  serviceArea?: ServiceArea | undefined;
  /** Days GPS fixes are kept (default 30). */
  positionRetentionDays?: number;
  /** How long a request owns its Idempotency-Key before it is taken for dead (default 60 s). */
  idempotencyLeaseSeconds?: number | undefined;
  /** SendGrid for email; without a key the outbox sandbox records what would have been sent. */
  sendGrid?: { apiKey: string; from: string; baseUrl?: string | undefined } | undefined;
  /** With Redis, several processes serve the same documents (SS9). */
  redisUrl?: string | undefined;
  /** Demo only: put the demo moto on shift with a fresh live position at start (seed/demo-fleet.ts). */
  demoFleet?: boolean;
  /** Demo only: simulated motos, cars and buses moving through Kigali (demo/), replayable from the seed. */
  demoSimulation?: { seed: number } | undefined;
  /** Safety-report evidence in an S3-compatible bucket; without it, files under `evidenceDir`. */
  s3?: S3Config | undefined;
  /** Default DATA_DIR/evidence (a temporary folder, removed on close, when the database is in memory). */
  evidenceDir?: string | undefined;
  /** Critical safety reports are sent at once to these (AUTHORITY_EMAILS, AUTHORITY_PUSH_TOKENS). */
  authorities?: Authorities | undefined;
  /** On-call paging (alerts/): who is told, and how often conditions are checked. */
  alerts?: Omit<AlertConfig, 'host'> | undefined;
  /** Stripe and mobile money (STRIPE_*, MOMO_*); without keys each uses its local sandbox. */
  payments?: PaymentsConfig | undefined;
  /** FCM push (FCM_*); without a service account the outbox sandbox records pushes. */
  push?: PushOptions | undefined;
  /** Seconds a driver has to accept a ride offer (DISPATCH_ACCEPT_SECONDS, default 30). */
  dispatchAcceptSeconds?: number | undefined;
  /** Replaces the outbox provider of a topic (tests point push at a local endpoint speaking the provider's API). */
  outboxProviders?: Providers | undefined;
  /** The map the apps draw (MAP_STYLE_URL, MAP_PMTILES_URL, MAP_ATTRIBUTION): `GET /api/config`, the CSP. */
  map?: MapConfig | undefined;
  /** Handshake and ping times of HTTP upgrades and WebSockets (SS11; tests shorten them). */
  socketTimeouts?: SocketTimeouts | undefined;
  /** How long a document's clients may stay quiet before it leaves memory (SS5; tests shorten it). */
  syncSleepAfterMs?: number | undefined;
  /** Backoff and attempts of failing reconciles (SS12; tests shorten the delays). */
  reconcileRetry?: RetryPolicy | undefined;
  /** METRICS_TOKEN: bearer token `GET /metrics` requires; without it the endpoint is open. */
  metricsToken?: string | undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: AppDeps;
  seeded: boolean;
  sync: SyncService;
  reconciler: ReconcileScheduler;
  fanout: Fanout;
  live: LiveHub;
  alerts: AlertMonitor;
  close(): Promise<void>;
}

export const defaultAppsDir = fileURLToPath(new URL('../../apps', import.meta.url));

export const version: string = JSON.parse(
  readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'),
).version;

/** Opens the database, migrates, seeds if asked, and listens. Used by main.ts and by tests. */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const logger = createLogger(opts.logLevel, opts.logDestination);
  const database = await openDatabase({
    databaseUrl: opts.databaseUrl,
    dataDir: opts.dataDir ?? '.data',
    startFrom: opts.startFrom,
  });
  await runMigrations(database);
  const seeded = opts.seed ? await seedDemoData(database.db) : false;
  const jwtSecret = opts.jwtSecret ?? (await getOrCreateSecret(database.db, 'jwt'));
  const socketTimeouts = opts.socketTimeouts ?? defaultSocketTimeouts;
  const sessions = new SessionRevocations(
    database.db,
    opts.redisUrl ? await redisRevocationBus(opts.redisUrl) : localRevocationBus(),
    logger,
  );
  await sessions.start();
  const tickets = opts.redisUrl ? await redisTicketStore(opts.redisUrl) : memoryTicketStore();
  const signInCodes = opts.redisUrl
    ? await redisTicketStore<LoginResponse>(
        opts.redisUrl,
        SIGN_IN_CODE_TTL_SECONDS,
        'kigaligo:sign-in-codes:',
      )
    : memoryTicketStore<LoginResponse>(SIGN_IN_CODE_TTL_SECONDS);
  const access = accessCheck(tickets, sessions);
  const live = new LiveHub(
    database.db,
    opts.redisUrl ? await redisLiveBus(opts.redisUrl) : localLiveBus(),
    access,
    logger,
    socketTimeouts,
  );
  await live.load();
  // Demo only: keep the demo moto bookable for as long as the demo runs, not just the first minutes after start
  // (warmDemoFleet leaves it alone while the driver app shares real GPS or it is on a trip).
  const warmDemo = async (putOnShift: boolean) => {
    const moto = await warmDemoFleet(database.db, new Date(), putOnShift).catch((err: unknown) => {
      logger.error({ err }, 'demo fleet warm-up failed');
      return null;
    });
    if (moto) {
      await live.publish(moto);
      await live.rosterChanged();
    }
  };
  if (opts.demoFleet) await warmDemo(true);
  const demoTimer = opts.demoFleet ? setInterval(() => void warmDemo(false), 30_000) : undefined;
  demoTimer?.unref();
  const network = new NetworkService(opts.serviceArea);
  await network.start(database.db, opts.gtfsPath);
  const authorities: Authorities = opts.authorities ?? { emails: [], pushTokens: [] };
  const memoryData = (opts.dataDir ?? '.data') === 'memory://';
  const evidenceDir =
    opts.evidenceDir ??
    (memoryData
      ? await mkdtemp(join(tmpdir(), 'kigaligo-evidence-'))
      : join(opts.dataDir ?? '.data', 'evidence'));
  const evidence: EvidenceStore = opts.s3
    ? await s3EvidenceStore(opts.s3)
    : await localEvidenceStore(evidenceDir);
  // Payment status changes are mirrored into the trip's documents once they commit.
  const retentionDays = opts.positionRetentionDays ?? 30;
  const limitStore = opts.redisUrl ? await redisLimitStore(opts.redisUrl) : memoryLimitStore();
  const providers = wireProviders(database.db, opts, (tripId) => deps.tripDocs.refresh(tripId));
  const metrics = new Metrics();
  const reportToSentry = await createErrorReporter(opts.sentryDsn, logger, version);
  const email = opts.sendGrid ? sendGridEmail(opts.sendGrid) : sandbox;
  const webhook = opts.alerts?.webhookUrl ? alertWebhook(opts.alerts.webhookUrl) : undefined;
  const alerts = new AlertMonitor(
    database.db,
    { emails: [], language: 'en', ...opts.alerts, host: hostname() },
    { email, webhook },
    logger,
    // Called from the first check on, after the fan-out below exists.
    opts.redisUrl ? () => fanout.ping() : undefined,
  );
  const dispatch = {
    ...defaultDispatchPolicy,
    acceptSeconds: opts.dispatchAcceptSeconds ?? defaultDispatchPolicy.acceptSeconds,
  };
  // The sync engine and the features, built in order. The engine knows no document type: the features hand
  // theirs over (registerDocTypes) and get the engine's document writer and `reconcileNow`, which reach the
  // sync service and scheduler built just below (closures: nothing calls them before start-up is done).
  const store = new DocStore(database.db);
  const fanout = opts.redisUrl ? await redisFanout(opts.redisUrl) : localFanout();
  const write: DocWriter = (docName, change) => sync.serverWrite(docName, change);
  const tripDocs = new TripDocs(database.db, logger, write);
  const reportDocs = new ReportDocs(database.db, logger, {
    write,
    reconcileNow: (docName) => reconciler.run(docName, { force: true }),
  });
  const docTypes = registerDocTypes([
    riderDocType({ tripDocs, dispatch, network }),
    driverDocType({ tripDocs, dispatch }),
    reportDocType(authorities, logger),
  ]);
  const sync = new SyncService({
    store,
    fanout,
    docTypes,
    access,
    logger,
    onStored: (docName, keys, appended) => {
      metrics.syncUpdatesStored.inc();
      reconciler.schedule(docName, keys, appended);
    },
    timeouts: socketTimeouts,
    sleepAfterMs: opts.syncSleepAfterMs,
  });
  const reconciler = new ReconcileScheduler({
    db: database.db,
    store,
    fanout,
    docTypes,
    writeBack: write,
    logger,
    policy: opts.reconcileRetry,
  });
  let closing: Promise<void> | undefined;
  const deps: AppDeps = {
    database,
    jwtSecret,
    logger,
    version,
    trustProxy: opts.trustProxy ?? false,
    authLimits: new AuthLimits(limitStore),
    sessions,
    tickets,
    oidc: opts.oidc ? new OidcClient(opts.oidc) : null,
    signInCodes,
    publicUrl: opts.publicUrl,
    mfa: mfaPolicy(opts.adminMfa ?? 'required', opts.seed ?? false),
    reportError: (err, context) => {
      reportToSentry(err, context);
      alerts.observeServerError();
    },
    network,
    live,
    positionRetentionDays: retentionDays,
    idempotencyLeaseSeconds: opts.idempotencyLeaseSeconds,
    tripDocs,
    dispatch,
    bookings: new BookingDesk(database.db, dispatch, () => network.serviceArea()),
    evidence,
    reportDocs,
    stripeWebhook: providers.stripeWebhook,
    cards: providers.cards,
    pushConfig: providers.pushConfig,
    cardConfig: providers.cardConfig,
    map: opts.map,
    metrics,
    metricsToken: opts.metricsToken,
  };
  const app = createApp(deps, opts.appsDir ? { appsDir: opts.appsDir } : {});
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: opts.port ?? 8080,
        hostname: opts.host ?? '0.0.0.0',
        // Request headers (upgrade requests included) must arrive in time, checked often enough to matter
        // (Node's default check runs every 30 s).
        serverOptions: {
          headersTimeout: socketTimeouts.handshakeMs,
          connectionsCheckingInterval: Math.max(100, Math.min(1000, socketTimeouts.handshakeMs / 2)),
        },
      },
      () => {
        s.off('error', reject);
        resolve(s);
      },
    );
    // A taken port (EADDRINUSE) must fail the start, not leave it waiting for a `listening` that never comes.
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const purge = () =>
    Promise.all([
      purgeOldPositions(database.db, retentionDays)
        .then((n) => n > 0 && logger.info({ deleted: n, retentionDays }, 'old positions deleted'))
        .catch((err: unknown) => logger.error({ err }, 'position retention failed')),
      purgeIdempotencyKeys(database.db).catch((err: unknown) =>
        logger.error({ err }, 'idempotency key retention failed'),
      ),
    ]);
  await purge();
  const outboxWorker = new OutboxWorker(
    database.db,
    {
      email,
      push: sandbox,
      ...(webhook ? { 'alert.webhook': webhook } : {}),
      ...providers.outboxProviders,
      ...opts.outboxProviders,
    },
    logger,
    { onOutcome: (topic, outcome) => metrics.outboxDeliveries.inc({ topic, outcome }) },
  );
  outboxWorker.start();
  // Who rides in which vehicle decides what /live shows them: every trip change is one for the live roster.
  deps.tripDocs.onRefresh(() => void live.rosterChanged());
  const dispatchWorker = new DispatchWorker(database.db, deps.dispatch, deps.tripDocs, logger);
  dispatchWorker.start();
  const purgeTimer = setInterval(purge, 3600_000);
  purgeTimer.unref();

  routeUpgrades(server as unknown as import('node:http').Server, [sync, live]);
  metrics.use({
    syncConnections: () => [...sync.rooms.values()].reduce((n, room) => n + room.connections.size, 0),
    syncDocuments: () => sync.rooms.size,
    syncDocumentsLoaded: () => [...sync.rooms.values()].filter((room) => !room.asleep).length,
    outboxDepth: async () => {
      const [row] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(outbox)
        .where(eq(outbox.status, 'pending'));
      return row?.n ?? 0;
    },
    ...databaseReadings(database.db),
    liveSubscribers: () => live.subscriberCount,
    redisUp: opts.redisUrl
      ? () =>
          fanout.ping().then(
            () => true,
            () => false,
          )
      : undefined,
  });
  deps.readiness = {
    redis: opts.redisUrl ? () => fanout.ping() : undefined,
    closing: () => closing !== undefined,
  };
  let simulation: DemoSimulation | undefined;
  if (opts.demoSimulation) {
    await ensureSimFleet(database.db);
    simulation = new DemoSimulation(
      {
        db: database.db,
        network: () => network.get(),
        live,
        refreshTrip: (tripId) => deps.tripDocs.refresh(tripId),
        policy: deps.dispatch,
        area: () => network.serviceArea(),
        retentionDays,
        logger,
        lease: (ttlMs) => fanout.acquireLease('demo-simulation', ttlMs),
      },
      opts.demoSimulation.seed,
    );
    simulation.start();
  }
  // After a crash, finish reconciling whatever was stored but not yet reconciled (SS8).
  for (const docName of await store.unreconciled()) reconciler.schedule(docName);
  alerts.start();
  // Trip state reaches the rider's and driver's documents after its transaction commits; a crash in between left
  // them behind. Mirror every live or just-changed trip once more at start (refreshes are idempotent).
  const recent = await database.db
    .select({ id: trips.id })
    .from(trips)
    .where(
      or(
        inArray(trips.status, ['assigned', 'accepted', 'driver_arrived', 'in_progress']),
        gt(trips.updatedAt, sql`now() - interval '15 minutes'`),
      ),
    );
  deps.tripDocs.refreshInBackground(recent.map((t) => t.id));

  return {
    url: `http://localhost:${port}`,
    port,
    deps,
    seeded,
    sync,
    reconciler,
    fanout,
    live,
    alerts,
    close() {
      closing ??= (async () => {
        clearInterval(purgeTimer);
        clearInterval(demoTimer);
        await simulation?.stop();
        await alerts.stop();
        await outboxWorker.stop();
        await dispatchWorker.stop();
        await providers.close();
        await limitStore.close();
        await sessions.close();
        await sync.close();
        await live.close();
        await tickets.close();
        await signInCodes.close();
        await reconciler.close();
        await deps.tripDocs.idle();
        await deps.reportDocs.idle();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive sockets would hold close() open until they time out.
          (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        await fanout.close();
        await evidence.close();
        if (memoryData && !opts.evidenceDir) await rm(evidenceDir, { recursive: true, force: true });
        await database.close();
      })();
      return closing;
    },
  };
}

import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { riderDocKeys } from '@kigaligo/sync-protocol';
import { createApp } from './app';
import type { AppDeps } from './app-env';
import { memoryRateLimiter } from './auth/rate-limit';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { getOrCreateSecret } from './db/secrets';
import { createErrorReporter } from './error-reporting';
import { localLiveBus, redisLiveBus } from './live/live-bus';
import { LiveHub } from './live/live-hub';
import { createLogger } from './logger';
import { defaultGtfsPath, NetworkService } from './network/network-service';
import { OutboxWorker } from './outbox/outbox-worker';
import { sandbox, sendGridEmail } from './outbox/providers';
import { seedDemoData } from './seed/seed';
import { DocStore } from './sync/doc-store';
import { type Fanout, localFanout, redisFanout } from './sync/fanout';
import { ReconcileScheduler } from './sync/reconciler';
import { reconcileRiderDoc } from './sync/reconcilers/rider-doc';
import { SyncService } from './sync/sync-service';
import { purgeOldPositions } from './tracking/retention';

export interface ServerOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** Where PGlite keeps its files when no databaseUrl is given. */
  dataDir?: string;
  databaseUrl?: string | undefined;
  /** Folder holding <app>/dist for rider, driver and admin; omit to serve only the API. */
  appsDir?: string;
  seed?: boolean;
  logLevel?: string;
  jwtSecret?: string | undefined;
  sentryDsn?: string | undefined;
  trustProxy?: boolean;
  /** GTFS folder or zip to plan on (default: the shipped Kigali feed). */
  gtfsPath?: string | undefined;
  /** Days GPS fixes are kept (default 30). */
  positionRetentionDays?: number;
  /** SendGrid for email; without a key the outbox sandbox records what would have been sent. */
  sendGrid?: { apiKey: string; from: string; baseUrl?: string | undefined } | undefined;
  /** With Redis, several processes serve the same documents (SS9). */
  redisUrl?: string | undefined;
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
  close(): Promise<void>;
}

export const defaultAppsDir = fileURLToPath(new URL('../../apps', import.meta.url));

export const version: string = JSON.parse(
  readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'),
).version;

/** Opens the database, migrates, seeds if asked, and listens. Used by main.ts and by tests. */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const logger = createLogger(opts.logLevel);
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir ?? '.data' });
  await runMigrations(database);
  const seeded = opts.seed ? await seedDemoData(database.db) : false;
  const jwtSecret = opts.jwtSecret ?? (await getOrCreateSecret(database.db, 'jwt'));
  const live = new LiveHub(
    database.db,
    opts.redisUrl ? await redisLiveBus(opts.redisUrl) : localLiveBus(),
    jwtSecret,
    logger,
  );
  await live.load();
  const network = new NetworkService();
  await network.loadFromPath(database.db, opts.gtfsPath ?? defaultGtfsPath);
  const deps: AppDeps = {
    database,
    jwtSecret,
    logger,
    version,
    trustProxy: opts.trustProxy ?? false,
    loginLimits: {
      perAccount: memoryRateLimiter({ limit: 5, windowSeconds: 15 * 60 }),
      perClient: memoryRateLimiter({ limit: 30, windowSeconds: 60 }),
    },
    reportError: await createErrorReporter(opts.sentryDsn, logger, version),
    network,
    live,
  };
  const app = createApp(deps, opts.appsDir ? { appsDir: opts.appsDir } : {});
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 8080, hostname: opts.host ?? '0.0.0.0' }, () =>
      resolve(s),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const retentionDays = opts.positionRetentionDays ?? 30;
  const purge = () =>
    purgeOldPositions(database.db, retentionDays)
      .then((n) => n > 0 && logger.info({ deleted: n, retentionDays }, 'old positions deleted'))
      .catch((err: unknown) => logger.error({ err }, 'position retention failed'));
  await purge();
  const outboxWorker = new OutboxWorker(
    database.db,
    { email: opts.sendGrid ? sendGridEmail(opts.sendGrid) : sandbox, push: sandbox },
    logger,
  );
  outboxWorker.start();
  const purgeTimer = setInterval(purge, 3600_000);
  purgeTimer.unref();

  const store = new DocStore(database.db);
  const fanout = opts.redisUrl ? await redisFanout(opts.redisUrl) : localFanout();
  const reconciler = new ReconcileScheduler(
    database.db,
    store,
    fanout,
    { rider: { watch: [riderDocKeys.savedRoutes], reconcile: reconcileRiderDoc } },
    logger,
  );
  const sync = new SyncService({
    store,
    fanout,
    jwtSecret: deps.jwtSecret,
    logger,
    onStored: (docName, keys) => reconciler.schedule(docName, keys),
  });
  reconciler.setWriteBack((docName, change) => sync.serverWrite(docName, change));
  sync.attach(server as unknown as import('node:http').Server);
  live.attach(server as unknown as import('node:http').Server);
  // After a crash, finish reconciling whatever was stored but not yet reconciled (SS8).
  for (const docName of await store.unreconciled()) reconciler.schedule(docName);

  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}`,
    port,
    deps,
    seeded,
    sync,
    reconciler,
    fanout,
    live,
    close() {
      closing ??= (async () => {
        clearInterval(purgeTimer);
        await outboxWorker.stop();
        await sync.close();
        await live.close();
        await reconciler.flush();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive sockets would hold close() open until they time out.
          (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        await fanout.close();
        await database.close();
      })();
      return closing;
    },
  };
}

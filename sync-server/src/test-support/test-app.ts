import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthResponse, defaultDispatchPolicy } from '@kigaligo/domain';
import { createApp } from '../app';
import type { AppDeps } from '../app-env';
import { AuthLimits } from '../auth/auth-limits';
import { memoryLimitStore } from '../auth/limit-store';
import { mfaPolicy } from '../auth/mfa/policy';
import { accessCheck, localRevocationBus, SessionRevocations } from '../auth/session-revocations';
import { memoryTicketStore } from '../auth/socket-tickets';
import { BookingDesk } from '../booking/booking-desk';
import { TripDocs } from '../booking/trip-docs';
import type { DbKind } from '../db/client';
import { getOrCreateSecret } from '../db/secrets';
import { localEvidenceStore } from '../evidence/local-store';
import { Metrics } from '../http/metrics';
import { localLiveBus } from '../live/live-bus';
import { LiveHub } from '../live/live-hub';
import { createLogger } from '../logger';
import { defaultGtfsPath, NetworkService } from '../network/network-service';
import { reportDocType } from '../reports/report-doc-type';
import { ReportDocs } from '../reports/report-docs';
import { demoAccounts } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed';
import { DocStore } from '../sync/doc-store';
import { registerDocTypes } from '../sync/doc-type';
import { localFanout } from '../sync/fanout';
import { ReconcileScheduler } from '../sync/reconciler';
import { storeDocWriter } from '../sync/store-doc-writer';
import { openTestDatabase } from './test-databases';

// Tests read response bodies loosely and assert their shape.
// biome-ignore lint/suspicious/noExplicitAny: see above
type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

/** Kigali and its outer terminals (what the feed-derived area also covers). */
export const testServiceArea = { minLat: -2.15, maxLat: -1.8, minLon: 29.95, maxLon: 30.35 };

export type DemoRole = (typeof demoAccounts)[number]['role'];

/** A seeded app on a fresh database, called through `app.request()` with no port. */
export async function createTestApp(kind: DbKind, overrides: Partial<AppDeps> = {}, withNetwork = false) {
  const database = await openTestDatabase(kind);
  await seedDemoData(database.db);
  // Without a feed loaded (most API tests need none), bookings and GPS fixes are checked against Kigali's box
  // as SERVICE_AREA would fix it; with the feed, the area comes from its stops like in the server.
  const network = new NetworkService(withNetwork ? undefined : testServiceArea);
  if (withNetwork) await network.loadFromPath(database.db, defaultGtfsPath);
  const jwtSecret = await getOrCreateSecret(database.db, 'jwt');
  const sessions = new SessionRevocations(database.db, localRevocationBus(), createLogger('silent'));
  await sessions.start();
  const tickets = memoryTicketStore();
  const live = new LiveHub(
    database.db,
    localLiveBus(),
    accessCheck(tickets, sessions),
    createLogger('silent'),
  );
  // No sync service here: documents are written straight to the document store, and report documents are
  // reconciled by a scheduler of their own (no authorities configured) when evidence arrives.
  const store = new DocStore(database.db);
  const write = storeDocWriter(store);
  const tripDocs = new TripDocs(database.db, createLogger('silent'), write);
  const reports = new ReconcileScheduler({
    db: database.db,
    store,
    fanout: localFanout(),
    docTypes: registerDocTypes([reportDocType({ emails: [], pushTokens: [] }, createLogger('silent'))]),
    writeBack: write,
    logger: createLogger('silent'),
  });
  tripDocs.onRefresh(() => void live.rosterChanged());
  // Evidence files of this app only, removed on dispose (tests read the folder to check nothing escaped it).
  const evidenceDir = await mkdtemp(join(tmpdir(), 'kigaligo-test-evidence-'));
  const deps: AppDeps = {
    database,
    jwtSecret,
    logger: createLogger('silent'),
    version: 'test',
    trustProxy: false,
    authLimits: new AuthLimits(memoryLimitStore()),
    sessions,
    tickets,
    oidc: null,
    signInCodes: memoryTicketStore(60),
    publicUrl: undefined,
    // As in production with the demo data on: admins need a factor, the seeded demo admin is exempt.
    mfa: mfaPolicy('required', true),
    reportError: () => {},
    network,
    positionRetentionDays: 30,
    live,
    tripDocs,
    dispatch: defaultDispatchPolicy,
    bookings: new BookingDesk(database.db, defaultDispatchPolicy, () => network.serviceArea()),
    evidence: await localEvidenceStore(evidenceDir),
    reportDocs: new ReportDocs(database.db, createLogger('silent'), {
      write,
      reconcileNow: (docName) => reports.run(docName, { force: true }),
    }),
    metrics: new Metrics(),
    ...overrides,
  };
  const app = createApp(deps);

  const request = (
    method: string,
    path: string,
    opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> =>
    app.request(path, {
      method,
      headers: {
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      ...(opts.body !== undefined
        ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }
        : {}),
    }) as Promise<TestResponse>;

  async function loginAs(role: DemoRole): Promise<AuthResponse> {
    const account = demoAccounts.find((a) => a.role === role)!;
    const res = await request('POST', '/api/auth/login', {
      body: { email: account.email, password: account.password },
    });
    if (res.status !== 200) throw new Error(`demo ${role} login failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as AuthResponse;
  }

  return {
    app,
    deps,
    database,
    evidenceDir,
    request,
    loginAs,
    dispose: async () => {
      await live.close();
      await deps.tripDocs.idle();
      await deps.reportDocs.idle();
      await deps.evidence.close();
      await rm(evidenceDir, { recursive: true, force: true });
      await deps.sessions.close();
      await database.dispose();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

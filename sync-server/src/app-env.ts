import type {
  CardConfig,
  DispatchPolicy,
  LoginResponse,
  MapConfig,
  PushConfig,
  TrackedVehicle,
} from '@kigaligo/domain';
import type { Logger } from 'pino';
import type { AuthLimits } from './auth/auth-limits';
import type { MfaPolicy } from './auth/mfa/policy';
import type { OidcClient } from './auth/oidc-client';
import type { SessionRevocations } from './auth/session-revocations';
import type { TicketStore } from './auth/socket-tickets';
import type { AccessClaims } from './auth/tokens';
import type { BookingDesk } from './booking/booking-desk';
import type { TripDocs } from './booking/trip-docs';
import type { Database } from './db/client';
import type { EvidenceStore } from './evidence/evidence-store';
import type { HeldKey } from './http/idempotency';
import type { Metrics } from './http/metrics';
import type { FeedVehicle } from './live/live-hub';
import type { Viewer } from './live/visibility';
import type { NetworkService } from './network/network-service';
import type { StripeWebhookDeps } from './payments/payment-providers';
import type { StripeCards } from './payments/providers/stripe';
import type { ReportDocs } from './reports/report-docs';

/** Everything a request handler may reach, built once at start-up (tests build their own). */
export interface AppDeps {
  database: Database;
  jwtSecret: string;
  logger: Logger;
  version: string;
  /** Trust X-Forwarded-For for the client address (only behind a load balancer that sets it). */
  trustProxy: boolean;
  /** Sign-in, sign-up and reset limits (in Redis with REDIS_URL, so every process shares them). */
  authLimits: AuthLimits;
  /** Sessions ended before their access tokens expired: checked on every request and socket. */
  sessions: SessionRevocations;
  /** Single-use WebSocket tickets (in Redis with REDIS_URL, so any process can redeem them). */
  tickets: TicketStore;
  /** "Sign in with …" (OIDC_ISSUER …), or null when not configured. */
  oidc: OidcClient | null;
  /** Single-use codes that hand a provider sign-in's answer to the app (in Redis with REDIS_URL). */
  signInCodes: TicketStore<LoginResponse>;
  /** PUBLIC_URL's origin, when set: redirects and links use it instead of the request's origin. */
  publicUrl: string | undefined;
  /** ADMIN_MFA: admins must have a second factor (the seeded demo admin exempt while SEED_DEMO_DATA is on). */
  mfa: MfaPolicy;
  reportError: (err: unknown, context: Record<string, unknown>) => void;
  /** The transit network the planner runs on. */
  network: NetworkService;
  /**
   * Live positions: publish a moved vehicle; announce a shift or trip change (who may see what changed);
   * the fleet as one viewer may see it in GTFS-Realtime (live/visibility.ts).
   */
  live: {
    publish(vehicle: TrackedVehicle): Promise<void>;
    rosterChanged(): Promise<void>;
    feedFor(viewer: Viewer, now: number): { vehicles: FeedVehicle[]; lastModified: number };
  };
  /** POSITION_RETENTION_DAYS: fixes older than this are deleted, and refused when they arrive. */
  positionRetentionDays: number;
  /** How long drivers have to accept an offer and how many are made per trip (DISPATCH_ACCEPT_SECONDS). */
  dispatch: DispatchPolicy;
  /** Mirrors a trip's state into the rider's decision and the driver's assignment (call after commit). */
  tripDocs: TripDocs;
  /** Where `POST /api/trips` books: the bookings waiting at one moment are decided together. */
  bookings: BookingDesk;
  /** Safety-report evidence bytes: local files or an S3-compatible bucket. */
  evidence: EvidenceStore;
  /** Mirrors report status and replies into report documents; files waiting reports when evidence arrives. */
  reportDocs: ReportDocs;
  /** Stripe webhook verification (STRIPE_WEBHOOK_SECRET); absent: `POST /api/webhooks/stripe` answers 404. */
  stripeWebhook?: StripeWebhookDeps | undefined;
  /** What web apps need to register for push (`GET /api/push/config`); absent means sandbox. */
  pushConfig?: PushConfig | undefined;
  /** How the rider app takes cards (`GET /api/config`): Stripe.js with the publishable key, or the sandbox form. */
  cardConfig?: CardConfig | undefined;
  /** With Stripe: the riders' Customers, their saved cards (Customer Sessions) and cards saved without paying. */
  cards?: StripeCards | undefined;
  /** The map the apps draw (`GET /api/config`, and the origins the apps' CSP allows); absent: the schematic. */
  map?: MapConfig | undefined;
  /** Prometheus series of this instance (`GET /metrics`). */
  metrics: Metrics;
  /** METRICS_TOKEN: `GET /metrics` wants it as a bearer token; absent, the endpoint is open. */
  metricsToken?: string | undefined;
  /**
   * IDEMPOTENCY_LEASE_SECONDS: how long a request owns its Idempotency-Key before it is taken for dead and the
   * key released to its retry (default 60; tests shorten it).
   */
  idempotencyLeaseSeconds?: number | undefined;
  /** What `GET /api/health/ready` checks besides the database (absent in tests without a server). */
  readiness?: Readiness | undefined;
}

/** Readiness beyond the database: Redis when REDIS_URL is set, and whether the server is shutting down. */
export interface Readiness {
  /** Resolves when Redis answers PING; absent without REDIS_URL. */
  redis?: (() => Promise<void>) | undefined;
  closing(): boolean;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    auth: AccessClaims;
    requestId: string;
    /** The Idempotency-Key this request holds (http/idempotency.ts), when it sent one. */
    idempotencyKey?: HeldKey;
  };
}

import {
  bookingRejectReasons,
  disputeStatuses,
  languages,
  offerStatuses,
  paymentMethods,
  paymentStatuses,
  refundOrigins,
  refundStatuses,
  reportCategories,
  reportStatuses,
  roles,
  severityLevels,
  tripKinds,
  tripStatuses,
  vehicleKinds,
  vehicleStatuses,
} from '@kigaligo/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Enum members come from @kigaligo/domain so the database can never disagree with the schemas the API
// validates against (db/schema.test.ts holds the two together).
export const roleEnum = pgEnum('role', roles);
export const languageEnum = pgEnum('language', languages);
export const vehicleKindEnum = pgEnum('vehicle_kind', vehicleKinds);
export const vehicleStatusEnum = pgEnum('vehicle_status', vehicleStatuses);
export const tripKindEnum = pgEnum('trip_kind', tripKinds);
export const tripStatusEnum = pgEnum('trip_status', tripStatuses);
export const offerStatusEnum = pgEnum('offer_status', offerStatuses);
export const paymentMethodEnum = pgEnum('payment_method', paymentMethods);
export const paymentStatusEnum = pgEnum('payment_status', paymentStatuses);
export const refundStatusEnum = pgEnum('refund_status', refundStatuses);
export const reportCategoryEnum = pgEnum('report_category', reportCategories);
export const reportStatusEnum = pgEnum('report_status', reportStatuses);
export const severityEnum = pgEnum('severity_level', severityLevels);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  name: text('name').notNull(),
  phone: text('phone'),
  role: roleEnum('role').notNull(),
  suspended: boolean('suspended').notNull().default(false),
  /** A driver of the demo simulation (demo/): never sent push or email, never offered to a real provider. */
  simulated: boolean('simulated').notNull().default(false),
  /** Notification preferences: trip and payment news by push and/or email. */
  notifyPush: boolean('notify_push').notNull().default(true),
  notifyEmail: boolean('notify_email').notNull().default(true),
  /** The language push and email are written in: the one last chosen in an app. */
  language: languageEnum('language').notNull().default('en'),
  /** The rider's Stripe Customer (cus_…), made at their first card payment: where Stripe keeps saved cards. */
  stripeCustomerId: text('stripe_customer_id').unique(),
  ...timestamps,
});

/** Devices a user receives push on: FCM registration tokens (or sandbox tokens when FCM is not configured). */
export const pushTokens = pgTable(
  'push_tokens',
  {
    token: text('token').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [index('push_tokens_user_idx').on(t.userId)],
);

/**
 * Refresh tokens rotate on every use. All tokens descended from one login share a family: presenting a
 * token that was already rotated means it leaked, so the whole family is revoked.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    /** SHA-256 of the token: a database leak does not leak usable tokens. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('refresh_tokens_family_idx').on(t.familyId),
    // Every process polls for sessions revoked since its last look (SessionRevocations).
    index('refresh_tokens_revoked_idx').on(t.revokedAt),
  ],
);

/**
 * A signed-in device: one per refresh-token family (its id is the family id and the `sid` of its access tokens).
 * A session is over when any token of its family is revoked (logout, reuse, suspension, sign out everywhere).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Which app signed in (rider, driver, admin) as the client said; shown to the user, never trusted. */
    app: text('app'),
    userAgent: text('user_agent'),
    /** The client's network, coarsened (IPv4 /24, IPv6 /48): enough to recognise, not to locate. */
    network: text('network'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * An account's authenticator-app secret (TOTP), sealed with a key derived from the JWT secret (auth/mfa/secret-box):
 * a database dump alone does not reveal it. Unconfirmed until the first code proves the app has it.
 */
export const mfaTotp = pgTable('mfa_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  sealedSecret: text('sealed_secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The last 30-second step a code was accepted for: the same code cannot be replayed. */
  lastTimeStep: bigint('last_time_step', { mode: 'number' }),
  ...timestamps,
});

/**
 * An account's passkeys (WebAuthn credentials): the public key only, so a database dump signs nobody in. Each is a
 * second factor and, being discoverable and user-verified, a passwordless sign-in on its own.
 */
export const passkeys = pgTable(
  'passkeys',
  {
    /** The credential id the authenticator chose (base64url). */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The COSE public key (base64url). */
    publicKey: text('public_key').notNull(),
    /** The authenticator's signature counter; a signature with a counter that went backwards is refused. */
    counter: bigint('counter', { mode: 'number' }).notNull(),
    transports: jsonb('transports').$type<string[]>().notNull(),
    backedUp: boolean('backed_up').notNull(),
    name: text('name').notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

/**
 * A rider's identity at an OpenID Connect provider (issuer + subject, which never change for the person): how
 * "Sign in with …" finds the account again. Linked to an existing account only through a verified email.
 */
export const oidcIdentities = pgTable(
  'oidc_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The verified email the provider gave when the identity was linked. */
    email: text('email').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index('oidc_identities_user_idx').on(t.userId)],
);

/** Single-use recovery codes, stored as SHA-256 hashes (each code has 50 random bits, so no slow hash is needed). */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('mfa_recovery_codes_user_hash_idx').on(t.userId, t.codeHash)],
);

/**
 * Password-reset links sent by email. Only the SHA-256 of the token is kept (it has 256 random bits, so no slow
 * hash is needed): a database dump cannot be used to reset anyone's password. One use, 30 minutes.
 */
export const passwordResetTokens = pgTable('password_reset_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  /** Set when a newer link was sent or the password changed another way: this link no longer works. */
  supersededAt: timestamp('superseded_at', { withTimezone: true }),
  ...timestamps,
});

export const vehicles = pgTable('vehicles', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: vehicleKindEnum('kind').notNull(),
  plate: text('plate').notNull().unique(),
  capacity: integer('capacity').notNull(),
  operator: text('operator').notNull(),
  status: vehicleStatusEnum('status').notNull().default('off_duty'),
  driverId: uuid('driver_id').references(() => users.id, { onDelete: 'set null' }),
  /** Driven by the demo simulation (demo/), not by a person. */
  simulated: boolean('simulated').notNull().default(false),
  /**
   * The scheduled trip a bus on shift is running: GTFS trip_id, service date (YYYYMMDD) and first departure
   * (HH:MM:SS, which tells apart the trips of a frequency-based trip_id). What GTFS-Realtime matches it to
   * the static feed with. Set with the trip, cleared when a shift starts.
   */
  tripId: text('trip_id'),
  tripStartDate: text('trip_start_date'),
  tripStartTime: text('trip_start_time'),
  ...timestamps,
});

export const stops = pgTable(
  'stops',
  {
    id: text('id').primaryKey(),
    code: text('code'),
    name: text('name').notNull(),
    // Plain lat/lon with an index: PostGIS is not available for PGlite here (see PITFALLS.md).
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    parentStationId: text('parent_station_id'),
  },
  (t) => [index('stops_lat_lon_idx').on(t.lat, t.lon)],
);

export const routes = pgTable('routes', {
  id: text('id').primaryKey(),
  shortName: text('short_name').notNull(),
  longName: text('long_name').notNull(),
  operator: text('operator').notNull(),
  type: integer('type').notNull(),
  color: text('color'),
});

export const trips = pgTable(
  'trips',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    riderId: uuid('rider_id')
      .notNull()
      .references(() => users.id),
    driverId: uuid('driver_id').references(() => users.id),
    vehicleId: uuid('vehicle_id').references(() => vehicles.id),
    kind: tripKindEnum('kind').notNull(),
    status: tripStatusEnum('status').notNull().default('requested'),
    /** {lat, lon, label?} as in the domain `place` schema. */
    origin: jsonb('origin').notNull(),
    destination: jsonb('destination').notNull(),
    fareAmount: integer('fare_amount').notNull(),
    /** The booking intent's id: one intent books at most one trip, however often it arrives (API or document). */
    intentId: uuid('intent_id').notNull().unique(),
    /**
     * Hash of the intent as booked (http/request-fingerprint.ts; the rider's later `cancelRequestedAt` left out):
     * the same id arriving with other content is refused as a reused key, never answered with this trip.
     */
    intentFingerprint: text('intent_fingerprint'),
    paymentMethod: paymentMethodEnum('payment_method').notNull(),
    distanceMeters: integer('distance_meters').notNull(),
    etaMinutes: integer('eta_minutes'),
    cancellationFee: integer('cancellation_fee').notNull().default(0),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    /** Why the server turned the booking down (status `rejected`): domain `bookingRejectReason`. */
    rejectReason: text('reject_reason', { enum: bookingRejectReasons }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    departAt: timestamp('depart_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('trips_rider_idx').on(t.riderId),
    index('trips_driver_idx').on(t.driverId),
    // A vehicle carries at most one live trip: the database refuses a second assignment under any concurrency.
    uniqueIndex('trips_one_live_per_vehicle')
      .on(t.vehicleId)
      .where(sql`status in ('assigned', 'accepted', 'driver_arrived', 'in_progress')`),
  ],
);

/**
 * Each vehicle a trip was offered to (domain dispatch.ts): one `offered` row at a time per trip, answered once
 * (accepted, declined, expired, withdrawn). The dispatch worker finds expired offers by `expires_at`; the
 * drivers already asked are not asked again for the same trip.
 */
export const tripOffers = pgTable(
  'trip_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tripId: uuid('trip_id')
      .notNull()
      .references(() => trips.id),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id),
    driverId: uuid('driver_id')
      .notNull()
      .references(() => users.id),
    status: offerStatusEnum('status').notNull().default('offered'),
    /** Road-aware minutes from the vehicle to the pickup when offered (the ranking figure). */
    etaMinutes: integer('eta_minutes').notNull(),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('trip_offers_trip_idx').on(t.tripId),
    uniqueIndex('trip_offers_one_open_per_trip').on(t.tripId).where(sql`status = 'offered'`),
    index('trip_offers_open_expiry_idx').on(t.expiresAt).where(sql`status = 'offered'`),
  ],
);

/**
 * Every change of a trip's status, by whom. `actionId` is the id of the driver's (possibly offline) action or
 * the rider's request, so replaying it is a no-op.
 */
export const tripEvents = pgTable(
  'trip_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tripId: uuid('trip_id')
      .notNull()
      .references(() => trips.id),
    actorId: uuid('actor_id').references(() => users.id),
    fromStatus: tripStatusEnum('from_status'),
    toStatus: tripStatusEnum('to_status').notNull(),
    actionId: text('action_id').unique(),
    ...timestamps,
  },
  (t) => [index('trip_events_trip_idx').on(t.tripId, t.createdAt)],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tripId: uuid('trip_id')
      .notNull()
      .references(() => trips.id),
    payerId: uuid('payer_id')
      .notNull()
      .references(() => users.id),
    method: paymentMethodEnum('method').notNull(),
    amount: integer('amount').notNull(),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    status: paymentStatusEnum('status').notNull().default('pending'),
    provider: text('provider').notNull(),
    providerRef: text('provider_ref'),
    /** Mobile-money payer (MSISDN), for request-to-pay collections. */
    payerPhone: text('payer_phone'),
    failureReason: text('failure_reason'),
    /** Sent to the provider with every call for this payment: a retried call never charges twice. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [index('payments_trip_idx').on(t.tripId), index('payments_provider_ref_idx').on(t.providerRef)],
);

/** Provider webhook events already handled (Stripe event ids): a replayed delivery changes nothing. */
export const webhookEvents = pgTable('webhook_events', {
  id: text('id').primaryKey(),
  provider: text('provider').notNull(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    status: refundStatusEnum('status').notNull().default('pending'),
    providerRef: text('provider_ref'),
    failureReason: text('failure_reason'),
    /** `stripe_dashboard`: made by someone in the Stripe Dashboard and learnt from its webhooks. */
    origin: text('origin', { enum: refundOrigins }).notNull().default('kigaligo'),
    /** The KigaliGo user who made it; null for a Dashboard refund. */
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  // One row per provider refund, however many webhooks (refund.*, charge.refunded) tell of it.
  (t) => [uniqueIndex('refunds_provider_ref_idx').on(t.providerRef).where(sql`${t.providerRef} is not null`)],
);

/** Card payments disputed with the payer's bank (Stripe `charge.dispute.*`), kept as Stripe last told us. */
export const disputes = pgTable('disputes', {
  id: uuid('id').primaryKey().defaultRandom(),
  paymentId: uuid('payment_id')
    .notNull()
    .references(() => payments.id),
  providerRef: text('provider_ref').notNull().unique(),
  amount: integer('amount').notNull(),
  reason: text('reason').notNull(),
  status: text('status', { enum: disputeStatuses }).notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  ...timestamps,
});

/** Every admin action (refunds, report decisions, suspensions), who did it and to what. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    ...timestamps,
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);

/**
 * Safety reports, filed when a submitted `report:<id>` document is reconciled and all its evidence arrived.
 * The id is the document's report id. Severity is computed by the domain's explained rules at filing.
 */
export const safetyReports = pgTable(
  'safety_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id),
    tripId: uuid('trip_id').references(() => trips.id),
    vehicleId: uuid('vehicle_id').references(() => vehicles.id),
    /** The driver of the linked trip or vehicle at the time, for repeat-report rules and suspension. */
    driverId: uuid('driver_id').references(() => users.id),
    category: reportCategoryEnum('category').notNull(),
    description: text('description').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    anonymous: boolean('anonymous').notNull().default(false),
    evidence: text('evidence').array().notNull().default(sql`'{}'::text[]`),
    status: reportStatusEnum('status').notNull().default('submitted'),
    severity: severityEnum('severity').notNull(),
    severityScore: integer('severity_score').notNull(),
    /** The rules that fired, each {rule, points, reason}, shown to admins. */
    severityReasons: jsonb('severity_reasons').notNull().default(sql`'[]'::jsonb`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    index('safety_reports_status_idx').on(t.status, t.createdAt),
    index('safety_reports_driver_idx').on(t.driverId),
    index('safety_reports_vehicle_idx').on(t.vehicleId),
  ],
);

/** A report's history: status changes with notes, admins' replies to the reporter, internal notes. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => safetyReports.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['status', 'reply', 'note'] }).notNull(),
    fromStatus: reportStatusEnum('from_status'),
    toStatus: reportStatusEnum('to_status'),
    text: text('text'),
    ...timestamps,
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.createdAt)],
);

/**
 * Evidence files by content: the SHA-256 of the bytes is the name, so a second upload of the same file is a
 * no-op. The bytes live in object storage (S3-compatible or local files) under `storageKey`.
 */
export const evidence = pgTable('evidence', {
  sha256: text('sha256').primaryKey(),
  mime: text('mime').notNull(),
  bytes: integer('bytes').notNull(),
  storageKey: text('storage_key').notNull(),
  ...timestamps,
});

/** Who uploaded each file: only they (and admins) may download it, even when two people upload the same bytes. */
export const evidenceUploads = pgTable(
  'evidence_uploads',
  {
    sha256: text('sha256')
      .notNull()
      .references(() => evidence.sha256),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.sha256, t.userId] })],
);

/**
 * GPS fixes arrive in volume and mostly in time order, so a BRIN index on recorded_at stays tiny; lookups
 * by vehicle use the btree. The id (`<deviceId>:<seq>`) makes replayed uploads idempotent.
 */
export const positions = pgTable(
  'positions',
  {
    id: text('id').primaryKey(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    accuracy: real('accuracy'),
    speed: real('speed'),
    heading: real('heading'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('positions_vehicle_time_idx').on(t.vehicleId, t.recordedAt),
    index('positions_recorded_brin').using('brin', t.recordedAt),
  ],
);

/**
 * A driver's shift on a vehicle, from start to end (open while `ended_at` is null). Fixes are judged by when
 * they were recorded against these, not by whether the driver is on shift when they arrive, so fixes a phone
 * uploads after the shift ended are still accepted (tracking/shifts.ts). Kept as long as the positions.
 */
export const shifts = pgTable(
  'shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    driverId: uuid('driver_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /**
     * The driver switched "Stop taking rides" during this shift (the synced toggle of their `driver:<id>`
     * document): still on shift and sharing positions, but not offered rides until they switch back.
     */
    paused: boolean('paused').notNull().default(false),
  },
  (t) => [
    index('shifts_vehicle_driver_idx').on(t.vehicleId, t.driverId, t.startedAt),
    uniqueIndex('shifts_one_open_per_vehicle').on(t.vehicleId).where(sql`${t.endedAt} is null`),
  ],
);

/** Secrets every server process must share (the JWT signing key), created once on first start. */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  ...timestamps,
});

export const seedRuns = pgTable(
  'seed_runs',
  {
    name: text('name').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('seed_runs_name_idx').on(t.name)],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // postgres.js hands back a Buffer, PGlite a Uint8Array: both are Uint8Array.
  fromDriver: (value) => new Uint8Array(value),
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * The append-only log of Yjs updates, one row per update received (SS3). Rows up to a document's
 * snapshotUpdateId have been merged into its snapshot and are deleted by compaction.
 */
export const syncUpdates = pgTable(
  'sync_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    docName: text('doc_name').notNull(),
    update: bytea('update').notNull(),
    ...timestamps,
  },
  (t) => [index('sync_updates_doc_idx').on(t.docName, t.id)],
);

export const syncDocuments = pgTable('sync_documents', {
  docName: text('doc_name').primaryKey(),
  /** Who created the document (report documents: the reporter), for authorisation. */
  ownerId: uuid('owner_id').references(() => users.id),
  snapshot: bytea('snapshot'),
  /** Every update with id <= this is contained in the snapshot. */
  snapshotUpdateId: bigint('snapshot_update_id', { mode: 'number' }).notNull().default(0),
  /** Size of snapshot plus unmerged updates, for the document size limit. */
  bytes: integer('bytes').notNull().default(0),
  /** The last update id whose effects are in the relational tables (SS8): reconciling is idempotent. */
  reconciledUpdateId: bigint('reconciled_update_id', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Entries of synced documents the reconcilers could not take (SS12), one row per document entry while the issue
 * is open: retrying (`rejected_at` null) or rejected. Deleted once the entry goes through or the user discards
 * it. Admins list them in "Sync issues"; the user sees the rejection in their document.
 */
export const reconcileFailures = pgTable(
  'reconcile_failures',
  {
    docName: text('doc_name')
      .notNull()
      .references(() => syncDocuments.docName, { onDelete: 'cascade' }),
    /** `<collection>/<id>` of the entry (sync-protocol `rejectionKey`), or `*` for the whole document. */
    entryKey: text('entry_key').notNull(),
    /** The document's user (rider, driver, reporter), for admins. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    code: text('code').notNull(),
    message: text('message').notNull(),
    /** Digest of the entry that failed: an edited entry starts again from attempt 1. */
    fingerprint: text('fingerprint').notNull(),
    attempts: integer('attempts').notNull(),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull().defaultNow(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull().defaultNow(),
    /** While retrying: when the next attempt is due. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.docName, t.entryKey] }),
    index('reconcile_failures_first_failed_idx').on(t.firstFailedAt),
  ],
);

/** Routes riders saved from the planner, reconciled from their rider document. */
export const savedRoutes = pgTable(
  'saved_routes',
  {
    riderId: uuid('rider_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    name: text('name').notNull(),
    origin: jsonb('origin').notNull(),
    destination: jsonb('destination').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.riderId, t.id] })],
);

/**
 * Imported GTFS feeds. The active one is the network the server plans on; its stops and routes are also in
 * `stops` and `routes`. An import replaces everything in one transaction: nothing is ever half-imported.
 */
export const networkFeeds = pgTable('network_feeds', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** SHA-256 of the feed's files, so re-importing the same feed is a no-op. */
  hash: text('hash').notNull().unique(),
  source: text('source').notNull(),
  stopCount: integer('stop_count').notNull(),
  routeCount: integer('route_count').notNull(),
  tripCount: integer('trip_count').notNull(),
  /** shapes.txt polylines in the feed (0 without the file); the bundle carries them simplified. */
  shapeCount: integer('shape_count').notNull().default(0),
  /** The planner's network bundle built from the feed (@kigaligo/planner buildBundle). */
  bundle: text('bundle').notNull(),
  /** feed_info.txt feed_version, when the feed has one. */
  feedVersion: text('feed_version'),
  /** Exactly one row is active: the feed last imported (by `pnpm gtfs:import` or a changed GTFS_PATH). */
  active: boolean('active').notNull().default(false),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Where each vehicle is now: the newest accepted fix. Updated only forward in time, so a late offline replay
 * is stored in `positions` but never moves the live marker backwards.
 */
export const vehicleLive = pgTable('vehicle_live', {
  vehicleId: uuid('vehicle_id')
    .primaryKey()
    .references(() => vehicles.id, { onDelete: 'cascade' }),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  speed: real('speed'),
  heading: real('heading'),
});

export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sent', 'dead']);

/**
 * The transactional outbox: every call to a provider (email, push, payments) is a row written in the same
 * transaction as the change that causes it, then delivered by the outbox worker with retries. The
 * idempotency key is unique, so enqueuing twice delivers once, and providers get it to de-duplicate retries.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    status: outboxStatusEnum('status').notNull().default('pending'),
    /** Every delivery, "not decided yet" polls of a pending collection included. */
    attempts: integer('attempts').notNull().default(0),
    /** Deliveries that failed (pending polls excluded): what dead-letters a message after `maxAttempts`. */
    failures: integer('failures').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    /** What the provider answered (or, for the sandbox, that nothing left the machine). */
    result: jsonb('result'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * One row per alert condition (alerts/conditions.ts) that has ever fired: the state every server process shares,
 * so a condition seen by three processes pages on-call once (the process whose update flips `firing` sends), and
 * its resolved notice follows only a page that was sent.
 */
export const alertStates = pgTable('alert_states', {
  condition: text('condition').primaryKey(),
  firing: boolean('firing').notNull().default(false),
  /** When the current (or last) firing started: part of its notifications' idempotency keys. */
  since: timestamp('since', { withTimezone: true }),
  /** The last page sent for this condition: pages are at most one per ALERT_REPAGE window. */
  notifiedAt: timestamp('notified_at', { withTimezone: true }),
  /** Whether the current firing was paged (a resolved notice follows only a sent page). */
  paged: boolean('paged').notNull().default(false),
  /** Conditions observed as events (unhandled errors): the last time any process saw one. */
  observedAt: timestamp('observed_at', { withTimezone: true }),
  detail: jsonb('detail'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Answers to POSTs sent with an `Idempotency-Key` header (http/idempotency.ts): a retried request — the admin
 * app's offline decision queue replaying after a lost answer, say — gets the first answer instead of acting twice.
 * A row with no status is a request still running, owned until `leaseUntil`: a request that died after claiming
 * the key (a crash, a killed process) releases it when the lease runs out, so the retry can run.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    /** Hash of method, path and canonical body: the same key with another request is refused (422). */
    fingerprint: text('fingerprint'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull().defaultNow(),
    status: integer('status'),
    body: jsonb('body'),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

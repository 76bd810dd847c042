import {
  adminReportDetail,
  adminReportSummary,
  apiError,
  appConfig,
  auditLogEntry,
  auditQuery,
  authResponse,
  bookingIntent,
  bookingResponse,
  createStaffInput,
  driverActionInput,
  driverActionResult,
  driverReportView,
  evidenceRef,
  languagePreference,
  loginInput,
  notificationPreferences,
  paymentRequest,
  paymentView,
  planInput,
  positionBatchInput,
  positionBatchResult,
  pushConfig,
  pushTokenInput,
  refreshInput,
  refundInput,
  refundView,
  registerInput,
  reportNoteInput,
  reportQueueQuery,
  reportReplyInput,
  reportStatusInput,
  riderReportDetail,
  riderReportView,
  shiftEndInput,
  shiftStartInput,
  stop,
  suspendDriverInput,
  syncIssuesResponse,
  tripDetail,
  tripListQuery,
  tripView,
  unsuspendDriverInput,
  user,
  vehicle,
  vehicleInput,
} from '@kigaligo/domain';
import { itinerary } from '@kigaligo/planner';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { listQuery as outboxListQuery } from './admin-outbox';
import { syncIssuesQuery } from './admin-sync-issues';
import { listQuery as userListQuery } from './admin-users';
import { listQuery as paymentListQuery } from './payments';
import { placesQuery } from './places';
import { listQuery as refundListQuery } from './refunds';

interface Operation {
  summary: string;
  auth?: 'any' | 'admin' | 'admin or driver' | 'driver' | 'rider' | 'rider or admin';
  body?: z.ZodType;
  /** The query parameters the handler validates (the same schema object). */
  query?: z.ZodObject;
  response: { status: number; schema?: z.ZodType };
}

// The one list of what the API offers; schemas are the same domain objects the handlers validate with.
export const operations: Record<string, Record<string, Operation>> = {
  '/api/health': { get: { summary: 'Liveness and database kind', response: { status: 200 } } },
  '/api/health/live': {
    get: {
      summary: 'Orchestrator liveness: the process answers (no database access)',
      response: { status: 200 },
    },
  },
  '/api/health/ready': {
    get: {
      summary:
        'Orchestrator readiness: database and Redis answer, not shutting down (else 503 naming what failed)',
      response: { status: 200 },
    },
  },
  '/api/config': {
    get: {
      summary: 'Public, cacheable app configuration: the map style, PMTiles archive and attribution',
      response: { status: 200, schema: appConfig },
    },
  },
  '/api/openapi.json': { get: { summary: 'This description', response: { status: 200 } } },
  '/api/auth/register': {
    post: { summary: 'Rider sign-up', body: registerInput, response: { status: 201, schema: authResponse } },
  },
  '/api/auth/login': {
    post: { summary: 'Sign in', body: loginInput, response: { status: 200, schema: authResponse } },
  },
  '/api/auth/refresh': {
    post: {
      summary: 'Rotate a refresh token',
      body: refreshInput,
      response: { status: 200, schema: authResponse },
    },
  },
  '/api/auth/logout': {
    post: { summary: 'End the session of a refresh token', body: refreshInput, response: { status: 204 } },
  },
  '/api/me': {
    get: {
      summary: 'The signed-in user',
      auth: 'any',
      response: { status: 200, schema: z.object({ user }) },
    },
  },
  '/api/admin/users': {
    get: {
      summary: 'List users',
      auth: 'admin',
      query: userListQuery,
      response: { status: 200, schema: z.object({ users: z.array(user) }) },
    },
    post: {
      summary: 'Create a driver or admin account',
      auth: 'admin',
      body: createStaffInput,
      response: { status: 201, schema: z.object({ user }) },
    },
  },
  '/api/vehicles': {
    get: {
      summary: 'The fleet',
      auth: 'admin or driver',
      response: { status: 200, schema: z.object({ vehicles: z.array(vehicle) }) },
    },
    post: {
      summary: 'Register a vehicle',
      auth: 'admin',
      body: vehicleInput,
      response: { status: 201, schema: z.object({ vehicle }) },
    },
  },
  '/api/routes/plan': {
    post: {
      summary: 'Plan a trip: bus (with walking) and moto-taxi options with RWF fares',
      auth: 'any',
      body: planInput,
      response: { status: 200, schema: z.object({ itineraries: z.array(itinerary) }) },
    },
  },
  '/api/vehicles/{id}/positions': {
    post: {
      summary:
        'Upload GPS fixes (≤ 500; idempotent ids <deviceId>:<seq>); bad fixes are answered with reasons. A driver’s fix counts when recorded during one of their shifts on the vehicle (±60 s), however late it arrives; a batch with none is 403 outside_shift',
      auth: 'admin or driver',
      body: positionBatchInput,
      response: { status: 200, schema: positionBatchResult },
    },
  },
  '/api/shifts': {
    post: {
      summary: 'Start a shift on a vehicle',
      auth: 'driver',
      body: shiftStartInput,
      response: { status: 201 },
    },
  },
  '/api/shifts/end': {
    post: {
      summary:
        'End the current shift (endedAt: when it was pressed, for an end queued offline; never later than now)',
      auth: 'driver',
      body: shiftEndInput,
      response: { status: 200 },
    },
  },
  '/api/shifts/current': {
    get: { summary: 'The vehicle of the current shift', auth: 'driver', response: { status: 200 } },
  },
  '/api/gtfs-rt/vehicle-positions': {
    get: {
      summary:
        'GTFS-Realtime VehiclePositions (protobuf), the /live policy: buses on shift to anyone; signed in, your own vehicle exactly and other motos and cars anonymously (coarse, ids per answer); everything for admins',
      response: { status: 200 },
    },
  },
  '/api/network': {
    get: {
      summary: 'The active transit feed: feed_info version, content hash, time zone, service area',
      response: { status: 200 },
    },
  },
  '/api/network/bundle': {
    get: {
      summary: 'The offline planner bundle of the active feed (ETag = feed hash; If-None-Match → 304)',
      response: { status: 200 },
    },
  },
  '/api/places': {
    get: {
      summary: 'Place search (?q=, typo-tolerant, English and Kinyarwanda) or nearest stops (?near=lat,lon)',
      query: placesQuery,
      auth: 'any',
      response: { status: 200 },
    },
  },
  '/api/stops': {
    get: {
      summary: 'Stops',
      auth: 'any',
      response: { status: 200, schema: z.object({ stops: z.array(stop) }) },
    },
  },
  ...safetyReportOperations(),
  ...tripOperations(),
  ...paymentOperations(),
};

/** Booking and trips (booking/): the rider books, the driver moves the trip along, the rider may cancel. */
function tripOperations(): Record<string, Record<string, Operation>> {
  return {
    '/api/trips': {
      post: {
        summary:
          'Book a moto or car (body: a booking intent; its id makes it idempotent). 201 confirmed, 200 the same intent again, 422 idempotency_key_reused for the same id with another trip; turned down: 409 {error:{code: no_vehicle_available|stale|outside_service_area|account_suspended, message}}',
        auth: 'rider',
        body: bookingIntent,
        response: { status: 201, schema: bookingResponse },
      },
      get: {
        summary:
          'Trips, newest first: riders their own, drivers those assigned to them, admins all; ?status=&limit= (≤ 200)',
        auth: 'any',
        query: tripListQuery,
        response: { status: 200, schema: z.object({ trips: z.array(tripView) }) },
      },
    },
    '/api/trips/{id}': {
      get: {
        summary:
          'A trip with its events, payments and refunds (its rider, its driver, admins; 404 to anyone else)',
        auth: 'any',
        response: { status: 200, schema: tripDetail },
      },
    },
    '/api/trips/{id}/actions': {
      post: {
        summary:
          'The assigned driver accepts, declines, arrives, starts or completes (cashCollected settles a cash trip). The action id makes replays no-ops; an impossible step is 409 invalid_transition',
        auth: 'driver',
        body: driverActionInput,
        response: { status: 200, schema: z.object({ result: driverActionResult }) },
      },
    },
    '/api/trips/{id}/cancel': {
      post: {
        summary:
          'The rider cancels: free until the driver has arrived, then the cancellation fee; again is a no-op; started or finished trips: 409 invalid_transition',
        auth: 'rider',
        response: { status: 200, schema: z.object({ trip: tripView }) },
      },
    },
  };
}

/** Safety reports: evidence, the reports as each role sees them, admin decisions and the audit log. */
function safetyReportOperations(): Record<string, Record<string, Operation>> {
  const userResponse = z.object({ user });
  return {
    '/api/evidence/{sha256}': {
      put: {
        summary:
          'Upload a photo or video (raw body, Content-Type image/jpeg|png|webp or video/mp4|webm; ≤ 10 MiB images, ≤ 50 MiB videos). The server hashes the body (must equal the URL) and checks the type by content. 201 new, 200 already stored',
        auth: 'rider',
        response: { status: 201, schema: z.object({ evidence: evidenceRef }) },
      },
      get: {
        summary: 'The bytes, to their uploaders and admins (404 to anyone else); never cached (no-store)',
        auth: 'any',
        response: { status: 200 },
      },
    },
    '/api/reports': {
      get: {
        summary:
          'Riders: their own reports. Drivers: reports about them (reporter hidden when anonymous). Admins: the queue, ?severity=low,medium,high,critical&status=…&from=&to=&bbox=minLon,minLat,maxLon,maxLat&limit=',
        auth: 'any',
        query: reportQueueQuery,
        response: {
          status: 200,
          schema: z.object({
            reports: z.array(z.union([adminReportSummary, riderReportView, driverReportView])),
          }),
        },
      },
    },
    '/api/reports/{id}': {
      get: {
        summary:
          'Admins: the full detail (severity reasons, events, trip, driver, vehicle, history). Riders: their own with replies. Drivers: {report} as in the list',
        auth: 'any',
        response: { status: 200, schema: z.union([adminReportDetail, riderReportDetail]) },
      },
    },
    '/api/admin/reports/{id}/status': {
      post: {
        summary:
          'Move a report: submitted/triage → investigating → resolved | dismissed (409 invalid_transition)',
        auth: 'admin',
        body: reportStatusInput,
        response: { status: 200, schema: adminReportDetail },
      },
    },
    '/api/admin/reports/{id}/replies': {
      post: {
        summary: 'Reply to the reporter (mirrored into the report document, reporter notified)',
        auth: 'admin',
        body: reportReplyInput,
        response: { status: 201 },
      },
    },
    '/api/admin/reports/{id}/notes': {
      post: {
        summary: 'Internal note on a report',
        auth: 'admin',
        body: reportNoteInput,
        response: { status: 201 },
      },
    },
    '/api/admin/users/{id}/suspend': {
      post: {
        summary: 'Suspend a driver: no sign-in or refresh, sessions revoked, shift ended',
        auth: 'admin',
        body: suspendDriverInput,
        response: { status: 200, schema: userResponse },
      },
    },
    '/api/admin/users/{id}/unsuspend': {
      post: {
        summary: 'Lift a suspension',
        auth: 'admin',
        body: unsuspendDriverInput,
        response: { status: 200, schema: userResponse },
      },
    },
    '/api/admin/outbox': {
      get: {
        summary: 'Outbox messages, newest first: sent, retrying (pending) or dead letters',
        auth: 'admin',
        query: outboxListQuery,
        response: { status: 200 },
      },
    },
    '/api/admin/outbox/{id}/retry': {
      post: { summary: 'Send a dead letter again (audited)', auth: 'admin', response: { status: 200 } },
    },
    '/api/admin/audit': {
      get: {
        summary: 'Every admin action, newest first: ?limit=&before=<nextBefore>&targetType=&targetId=',
        auth: 'admin',
        query: auditQuery,
        response: {
          status: 200,
          schema: z.object({ entries: z.array(auditLogEntry), nextBefore: z.string().nullable() }),
        },
      },
    },
    '/api/admin/sync-issues': {
      get: {
        summary: 'Synced entries rejected or retrying, and documents left unreconciled too long (SS12)',
        auth: 'admin',
        query: syncIssuesQuery,
        response: { status: 200, schema: syncIssuesResponse },
      },
    },
  };
}

type QueryObjectSchema = { properties?: Record<string, unknown>; required?: string[] };

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

export function buildOpenApi(version: string) {
  const errorSchema = toSchema(apiError, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, methods] of Object.entries(operations)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(methods)) {
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      }));
      const query = op.query ? (toSchema(op.query, 'input') as QueryObjectSchema) : undefined;
      const queryParams = Object.entries(query?.properties ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: query?.required?.includes(name) ?? false,
        schema,
      }));
      const parameters = [...pathParams, ...queryParams];
      paths[path][method] = {
        summary: op.summary,
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(op.auth ? { security: [{ bearer: [] }], description: `Requires: ${op.auth}` } : {}),
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: toSchema(op.body, 'input') } },
              },
            }
          : {}),
        responses: {
          [op.response.status]: {
            description: 'Success',
            ...(op.response.schema
              ? { content: { 'application/json': { schema: toSchema(op.response.schema, 'output') } } }
              : {}),
          },
          default: { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
        },
      };
    }
  }
  return {
    openapi: '3.0.3',
    info: { title: 'KigaliGo API', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

export const openApiRoutes = new Hono<AppEnv>().get('/', (c) => c.json(buildOpenApi(c.var.deps.version)));

/** Payments, refunds, the Stripe webhook and push registration (payments/, notifications/). */
function paymentOperations(): Record<string, Record<string, Operation>> {
  const payment = z.object({ payment: paymentView });
  return {
    '/api/payments': {
      post: {
        summary:
          "Pay the rider's own trip (again after a failure, or instead of cash). Optional Idempotency-Key header: the same key replays the first answer (Idempotent-Replayed), another body with it is 422 idempotency_key_reused, a retry while the first runs is 409 request_in_progress with Retry-After. 201 new, 200 existing; 409 payment_exists|trip_not_payable",
        auth: 'rider',
        body: paymentRequest,
        response: { status: 201, schema: payment },
      },
      get: {
        summary: 'Payments (?tripId=&limit=): riders their own, admins all',
        auth: 'rider or admin',
        query: paymentListQuery,
        response: { status: 200, schema: z.object({ payments: z.array(paymentView) }) },
      },
    },
    '/api/refunds': {
      post: {
        summary:
          'Refund all (no amount) or part of a payment through its provider; 409 refund_exceeds_payment|not_refundable; audited, rider notified',
        auth: 'admin',
        body: refundInput,
        response: { status: 201, schema: z.object({ refund: refundView }) },
      },
      get: {
        summary: 'Refunds (?paymentId=&limit=)',
        auth: 'admin',
        query: refundListQuery,
        response: { status: 200, schema: z.object({ refunds: z.array(refundView) }) },
      },
    },
    '/api/webhooks/stripe': {
      post: {
        summary:
          'Stripe events (raw body, Stripe-Signature verified; 400 invalid_signature). Replays and out-of-order events change nothing',
        response: { status: 200, schema: z.object({ received: z.literal(true), duplicate: z.boolean() }) },
      },
    },
    '/api/me/push-tokens': {
      post: {
        summary: "Register this device's push token (FCM, or a sandbox token)",
        auth: 'any',
        body: pushTokenInput,
        response: { status: 201, schema: pushTokenInput },
      },
    },
    '/api/me/push-tokens/{token}': {
      delete: { summary: 'Stop push to this device', auth: 'any', response: { status: 204 } },
    },
    '/api/me/notification-preferences': {
      get: {
        summary: 'Push and email switches',
        auth: 'any',
        response: { status: 200, schema: notificationPreferences },
      },
      put: {
        summary: 'Change the push and email switches',
        auth: 'any',
        body: notificationPreferences,
        response: { status: 200, schema: notificationPreferences },
      },
    },
    '/api/me/language': {
      put: {
        summary: 'The language push and email are written in (the one chosen in an app)',
        auth: 'any',
        body: languagePreference,
        response: { status: 200, schema: languagePreference },
      },
    },
    '/api/push/config': {
      get: {
        summary: 'What a web app needs to register for push: FCM web config + VAPID key, or {mode: sandbox}',
        auth: 'any',
        response: { status: 200, schema: pushConfig },
      },
    },
  };
}

import { z } from 'zod';
import { serviceArea } from './planning';

/**
 * Answers of API operations that have no other home in the domain: the schemas the server's routes declare
 * in the generated OpenAPI document, and that clients may parse answers with.
 */

/** What clients may know of the active transit feed (GET /api/network). */
export const networkInfo = z.object({
  feedId: z.string(),
  /** feed_info.txt feed_version, or null. */
  version: z.string().nullable(),
  /** SHA-256 of the feed's files: the planner bundle's ETag. */
  hash: z.string(),
  timezone: z.string(),
  serviceArea,
  importedAt: z.iso.datetime({ offset: true }),
});
export type NetworkInfo = z.infer<typeof networkInfo>;

/** A place found by name or nearness (GET /api/places); the same records the rider app searches offline. */
export const placeHit = z.object({
  id: z.string(),
  name: z.string(),
  altNames: z.array(z.string()),
  kind: z.enum(['station', 'landmark', 'neighbourhood', 'stop']),
  lat: z.number(),
  lon: z.number(),
  stopIds: z.array(z.string()).optional(),
  district: z.string().optional(),
  approximate: z.boolean().optional(),
  /** Search answers (?q=): match quality, 1 for an exact name. */
  score: z.number().optional(),
  /** Nearest-stop answers (?near=): how far from the point, in metres. */
  distanceMeters: z.number().int().optional(),
});

/** A message of the transactional outbox as admins see it (GET /api/admin/outbox). */
export const outboxMessage = z.object({
  id: z.uuid(),
  topic: z.string(),
  payload: z.unknown(),
  idempotencyKey: z.string(),
  status: z.enum(['pending', 'sent', 'dead']),
  /** Every delivery, "not decided yet" polls of a pending collection included. */
  attempts: z.number().int(),
  /** Deliveries that failed (provider down, refused): what dead-letters the message. */
  failures: z.number().int(),
  nextAttemptAt: z.iso.datetime({ offset: true }),
  lastError: z.string().nullable(),
  /** What the provider answered (or, for the sandbox, that nothing left the machine). */
  result: z.unknown(),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;

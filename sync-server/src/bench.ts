/**
 * What benchmarks/ needs from the server besides `startServer`: creating accounts and tokens directly, so a
 * load test does not measure sign-in, and the booking decision itself with the tables it works on. Imported by
 * name (`@kigaligo/sync-server/bench`), never by a path into src/.
 */

// The bench's own baseline and checks write SQL against the same tables.
export { eq, sql } from 'drizzle-orm';
export { hashPassword } from './auth/password';
export {
  localRevocationBus,
  redisRevocationBus,
  SessionRevocations,
} from './auth/session-revocations';
export { signAccessToken, verifyAccessToken } from './auth/tokens';
export { BookingDesk } from './booking/booking-desk';
export { SEARCH_RADIUS_METERS } from './booking/find-vehicles';
export { type Database, type Db, openDatabase } from './db/client';
export { runMigrations } from './db/migrate';
export { networkFeeds, shifts, tripEvents, trips, users, vehicleLive, vehicles } from './db/schema';
export { defaultSocketTimeouts } from './http/socket-guard';
export { createLogger } from './logger';
export { type ImportProgress, importFeed } from './network/feed-import';

/**
 * What benchmarks/ needs from the server besides `startServer`: creating accounts and tokens directly, so a
 * load test does not measure sign-in. Imported by name (`@kigaligo/sync-server/bench`), never by a path into src/.
 */
export { hashPassword } from './auth/password';
export { signAccessToken } from './auth/tokens';
export { users } from './db/schema';

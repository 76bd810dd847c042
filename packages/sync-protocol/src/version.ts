/**
 * The KigaliGo sync protocol version, sent by clients as `?v=` on the WebSocket URL.
 *
 * History:
 *   1 (2026-11): y-websocket messages (sync step 1/2, update, awareness) plus message type 100 "stored
 *     acknowledgement" carrying the server's durable state vector; close codes 4401/4403/4413/4429/4426.
 *   2 (2026-12): server-only document keys (SS10): rider `bookingDecisions`, driver `assignments` and
 *     `actionResults`, report `server` and `replies`; new keys driver `tripActions`, rider `reports` (the
 *     rider's report document ids). Version-1 clients are still served (they never wrote these keys).
 *     Later, without a bump (clients of both versions already treat them right: 44xx final, others retried):
 *     close codes 4400 (malformed URL) and 1013 (try again later), and server pings (SS11).
 *   3 (2026-12): server-only key `rejections` in rider, driver and report documents (SS12): an entry the server
 *     could not reconcile is marked there with a code and a message instead of being retried forever. Clients
 *     of versions 1 and 2 are still served: they never write the key and keep getting the answers they know
 *     (an `invalid` booking decision or action result) beside it.
 *     Later, without a bump: a URL with `?token=` (apps from before socket tickets, whatever their `v`) is closed
 *     with 4426, which every version treats as final and shows as "update the app".
 */
export const PROTOCOL_VERSION = 3;
/** Oldest client protocol the server still serves; older clients are closed with `closeCodes.upgradeRequired`. */
export const MIN_PROTOCOL_VERSION = 1;

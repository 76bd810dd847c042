/**
 * The KigaliGo sync protocol version, sent by clients as `?v=` on the WebSocket URL.
 *
 * History:
 *   1 (2026-11): y-websocket messages (sync step 1/2, update, awareness) plus message type 100 "stored
 *     acknowledgement" carrying the server's durable state vector; close codes 4401/4403/4413/4429/4426.
 */
export const PROTOCOL_VERSION = 1;
/** Oldest client protocol the server still serves; older clients are closed with `closeCodes.upgradeRequired`. */
export const MIN_PROTOCOL_VERSION = 1;

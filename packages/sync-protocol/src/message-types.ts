/**
 * First varUint of every binary WebSocket message. 0–3 are the y-websocket protocol's own (so the stock
 * `WebsocketProvider` works unchanged); 100+ are KigaliGo extensions that stock clients ignore (SS0).
 */
export const messageTypes = {
  sync: 0,
  awareness: 1,
  /** Defined by y-protocols; we authenticate before any message instead (SS1), so it is never sent. */
  auth: 2,
  queryAwareness: 3,
  /** Server → client: the state vector of what the server has durably stored for this document (SS4). */
  storedAck: 100,
} as const;
export type MessageType = (typeof messageTypes)[keyof typeof messageTypes];

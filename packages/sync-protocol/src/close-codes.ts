/**
 * WebSocket close codes the server uses. Browsers cannot see an HTTP status on a failed upgrade, so refused
 * clients are accepted and closed with one of these (SS1). The stock y-websocket client stops reconnecting on
 * 4400–4499 (`shouldReconnect`), which is why every final refusal is in that range (SS6).
 */
export const closeCodes = {
  /** The upgrade URL is malformed (a bad %-escape in the path or query), or a message cannot be read. Final (SS11). */
  badRequest: 4400,
  /** No ticket, or an unknown, used or expired one (or its session ended). The client may get one new ticket and retry. */
  unauthenticated: 4401,
  /** Signed in, but not allowed to open this document. Final. */
  forbidden: 4403,
  /** A message or the document is over the size limit. Final. */
  tooLarge: 4413,
  /** Client protocol older than MIN_PROTOCOL_VERSION. Final until the app updates. */
  upgradeRequired: 4426,
  /** Too many connections or messages for this user. Final for this session. */
  rateLimited: 4429,
  /** Not a document name the server knows. Final. */
  unknownDocument: 4404,
  /** The server is shutting down or restarting: reconnect (1012 is the standard "service restart"). */
  serverRestart: 1012,
  /**
   * Not now: the database is unreachable, or the handshake (ticket check, then the client's first message) took
   * too long (SS11). 1013 is the standard "try again later": clients reconnect with backoff.
   */
  tryAgainLater: 1013,
} as const;
export type CloseCode = (typeof closeCodes)[keyof typeof closeCodes];

/** Codes after which a client must not reconnect on its own. 4401 allows one retry with a new ticket. */
export function isFinalClose(code: number): boolean {
  return code >= 4400 && code <= 4499;
}

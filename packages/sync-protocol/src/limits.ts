/** Limits the server enforces (SS6); clients use them to avoid sending what would be refused. */
export const syncLimits = {
  maxMessageBytes: 1024 * 1024,
  maxDocumentBytes: 8 * 1024 * 1024,
  maxConnectionsPerUser: 24,
  /** Sustained messages per second per user, with bursts up to messageBurst. */
  messagesPerSecond: 50,
  messageBurst: 200,
} as const;

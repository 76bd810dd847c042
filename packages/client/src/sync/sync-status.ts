import { closeCodes } from '@kigaligo/sync-protocol';

/** Where a document's connection stands. `offline` also covers "the server is unreachable". */
export type ConnectionState = 'offline' | 'connecting' | 'online' | 'error';

/** Why syncing stopped for good (until the user acts): each maps to one message in the apps. */
export type SyncErrorReason =
  | 'signed-out'
  | 'forbidden'
  | 'too-large'
  | 'upgrade-required'
  | 'rate-limited'
  | 'unknown-document'
  | 'refused';

export interface DocSyncStatus {
  state: ConnectionState;
  /** Local changes (from any tab of this user) the server has not yet confirmed storing. */
  pending: number;
  /** Epoch ms of the last stored acknowledgement, kept across reloads. */
  lastConfirmedAt: number | null;
  error: SyncErrorReason | null;
}

/** The status of all open documents together; `idle` when none is open. */
export interface SyncStatus extends Omit<DocSyncStatus, 'state'> {
  state: ConnectionState | 'idle';
  documents: number;
}

export const idleStatus: SyncStatus = {
  state: 'idle',
  pending: 0,
  lastConfirmedAt: null,
  error: null,
  documents: 0,
};

const reasons: Record<number, SyncErrorReason> = {
  [closeCodes.unauthenticated]: 'signed-out',
  [closeCodes.forbidden]: 'forbidden',
  [closeCodes.tooLarge]: 'too-large',
  [closeCodes.upgradeRequired]: 'upgrade-required',
  [closeCodes.rateLimited]: 'rate-limited',
  [closeCodes.unknownDocument]: 'unknown-document',
};

export function reasonFor(code: number): SyncErrorReason {
  return reasons[code] ?? 'refused';
}

/** Errors win, then anything not yet online (one offline document means changes may be waiting). */
export function aggregate(statuses: DocSyncStatus[]): SyncStatus {
  if (statuses.length === 0) return idleStatus;
  const rank: Record<ConnectionState, number> = { error: 3, offline: 2, connecting: 1, online: 0 };
  let worst = statuses[0]!;
  let pending = 0;
  let lastConfirmedAt: number | null = null;
  for (const s of statuses) {
    if (rank[s.state] > rank[worst.state]) worst = s;
    pending += s.pending;
    if (s.lastConfirmedAt !== null && (lastConfirmedAt === null || s.lastConfirmedAt > lastConfirmedAt)) {
      lastConfirmedAt = s.lastConfirmedAt;
    }
  }
  return { state: worst.state, pending, lastConfirmedAt, error: worst.error, documents: statuses.length };
}

import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { ApiRequest } from '../api-routes';

/** One API call (built by `apiRequest`) made while possibly offline, waiting to be sent in order. */
export interface QueuedRequest extends ApiRequest<'POST' | 'PUT' | 'PATCH' | 'DELETE'> {
  seq?: number;
  /** Sent as the Idempotency-Key header, so a replay after a lost answer can be recognised. */
  id: string;
  /** What the request is about (e.g. `report:<id>`), so a screen lists only its own waiting decisions. */
  subject: string;
  /** A short machine label of the action (e.g. `status:resolved`), for the screen to describe it. */
  action: string;
  createdAt: number;
  /** `waiting` until sent; `refused` when the server said no (kept, with its reason, until dismissed). */
  state: 'waiting' | 'refused';
  attempts: number;
  error?: { status: number; code: string; message: string } | undefined;
}

export class RequestQueueDatabase extends Dexie {
  requests!: EntityTable<QueuedRequest, 'seq'>;

  constructor(userId: string, options?: DexieOptions) {
    super(`kigaligo-requests-${userId}`, options);
    this.version(1).stores({ requests: '++seq, state, subject' });
  }
}

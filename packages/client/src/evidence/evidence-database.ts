import type { EvidenceMime } from '@kigaligo/domain';
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';

/**
 * Where one evidence file stands on this device:
 *  - `local`: attached to a draft, not to be sent yet;
 *  - `queued`: the report was submitted, the upload waits for the network;
 *  - `uploaded`: the server has it (or it was downloaded from the server, for an admin);
 *  - `refused`: the server said no (type, size, hash); kept with the reason, not retried.
 */
export type UploadState = 'local' | 'queued' | 'uploaded' | 'refused';

export interface EvidenceRow {
  sha256: string;
  mime: EvidenceMime;
  bytes: number;
  /** The bytes themselves: an ArrayBuffer rather than a Blob, which some browsers store unreliably. */
  data: ArrayBuffer;
  createdAt: number;
  upload: UploadState;
  /** When it was queued: uploads go oldest first. */
  queuedAt?: number;
  attempts: number;
  /** Why the server refused it (`upload === 'refused'`), or why the last attempt failed. */
  error?: { status: number; code: string; message: string } | undefined;
}

/** One database per signed-in user, like the sync store: accounts on a shared phone never mix evidence. */
export class EvidenceDatabase extends Dexie {
  evidence!: EntityTable<EvidenceRow, 'sha256'>;

  constructor(userId: string, options?: DexieOptions) {
    super(`kigaligo-evidence-${userId}`, options);
    this.version(1).stores({ evidence: 'sha256, upload, [upload+queuedAt]' });
  }
}

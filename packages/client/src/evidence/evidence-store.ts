import { type EvidenceMime, type EvidenceRef, evidenceMime, SNIFF_BYTES, sniffMime } from '@kigaligo/domain';
import { liveQuery } from 'dexie';
import type { EvidenceDatabase, EvidenceRow, UploadState } from './evidence-database';
import { sha256Hex } from './evidence-hash';
import { checkEvidenceSize, EvidenceRejected, sniffEvidence } from './evidence-limits';
import { resizeImage } from './image-resize';

/** Where one piece of evidence stands here; `missing` = not on this device (attached on another phone). */
export interface EvidenceStatus {
  state: UploadState | 'missing';
  error?: EvidenceRow['error'];
}

export interface EvidenceStoreOptions {
  /** Photo re-encoding; the browser's canvas by default (tests in Node pass their own). */
  resize?: (image: Blob) => Promise<Blob>;
  /** Fetches evidence the device does not have (admins viewing a report); answers the bytes and type. */
  download?: (sha256: string) => Promise<Blob>;
}

/**
 * Photos and videos on the device, named by the SHA-256 of their bytes. Attaching stores the file at once
 * (offline too); submitting a report queues its files for the uploader; admins' downloads are cached here
 * so an opened report's evidence can be shown again offline.
 */
export class EvidenceStore {
  private readonly resize: (image: Blob) => Promise<Blob>;

  constructor(
    readonly db: EvidenceDatabase,
    private readonly opts: EvidenceStoreOptions = {},
  ) {
    this.resize = opts.resize ?? ((image) => resizeImage(image));
  }

  /**
   * Stores a file the rider picked: photos resized and re-encoded as JPEG, videos kept as recorded.
   * Throws EvidenceRejected (with the reason) for anything that cannot be attached.
   */
  async add(file: Blob): Promise<EvidenceRef> {
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const sniffed = sniffEvidence(head);
    let blob: Blob;
    let mime: EvidenceMime;
    if (sniffed === 'video/mp4' || sniffed === 'video/webm') {
      const problem = checkEvidenceSize('video', file.size);
      if (problem) throw new EvidenceRejected(problem);
      blob = file;
      mime = sniffed;
    } else if (sniffed?.startsWith('image/') || (sniffed === null && file.type.startsWith('image/'))) {
      const problem = checkEvidenceSize('image-input', file.size);
      if (problem) throw new EvidenceRejected(problem);
      blob = await this.resize(file).catch((err: unknown) => {
        // A type the browser cannot decode (HEIC on most browsers) is "unsupported", not "broken".
        if (err instanceof EvidenceRejected && sniffed === 'image/other') {
          throw new EvidenceRejected({ code: 'unsupported_type' });
        }
        throw err;
      });
      const after = checkEvidenceSize('image', blob.size);
      if (after) throw new EvidenceRejected(after);
      mime = 'image/jpeg';
    } else {
      throw new EvidenceRejected(file.size === 0 ? { code: 'empty' } : { code: 'unsupported_type' });
    }
    const data = await blob.arrayBuffer();
    return this.put(data, mime, 'local');
  }

  /** Stores bytes under their digest; an existing row keeps its upload state (content is the same). */
  async put(data: ArrayBuffer, mime: EvidenceMime, upload: UploadState): Promise<EvidenceRef> {
    const sha256 = await sha256Hex(data);
    await this.db.transaction('rw', this.db.evidence, async () => {
      const existing = await this.db.evidence.get(sha256);
      if (existing) {
        // Downloaded or uploaded before: the server already has it, whatever the caller thought.
        if (upload === 'uploaded' && existing.upload !== 'uploaded') {
          await this.db.evidence.update(sha256, { upload: 'uploaded', error: undefined });
        }
        return;
      }
      await this.db.evidence.add({
        sha256,
        mime,
        bytes: data.byteLength,
        data,
        createdAt: Date.now(),
        upload,
        attempts: 0,
      });
    });
    return { sha256, mime, bytes: data.byteLength };
  }

  async row(sha256: string): Promise<EvidenceRow | undefined> {
    return this.db.evidence.get(sha256);
  }

  /** The file as a Blob (for an object URL), or null when it is not on this device. */
  async blob(sha256: string): Promise<Blob | null> {
    const row = await this.db.evidence.get(sha256);
    return row ? new Blob([row.data], { type: row.mime }) : null;
  }

  /**
   * The file from the device, or downloaded (and kept) when it is not here. A download whose bytes do not
   * hash to the name asked for is refused: the cache is keyed by content and must never hold a wrong file.
   */
  async load(sha256: string): Promise<Blob> {
    const local = await this.blob(sha256);
    if (local) return local;
    if (!this.opts.download) throw new Error('This evidence is not on this device');
    const blob = await this.opts.download(sha256);
    const data = await blob.arrayBuffer();
    if ((await sha256Hex(data)) !== sha256) throw new Error('Downloaded evidence does not match its digest');
    const declared = evidenceMime.safeParse(blob.type.split(';')[0]?.trim());
    const sniffed = sniffMime(new Uint8Array(data.slice(0, SNIFF_BYTES)));
    const mime = declared.success ? declared.data : sniffed;
    if (!mime) throw new Error('Downloaded evidence is not a photo or video');
    await this.put(data, mime, 'uploaded');
    return new Blob([data], { type: mime });
  }

  /** Submitting a report: its local files wait for the uploader (already uploaded ones stay as they are). */
  async queue(sha256s: readonly string[]): Promise<void> {
    const at = Date.now();
    await this.db.transaction('rw', this.db.evidence, async () => {
      for (const sha256 of sha256s) {
        const row = await this.db.evidence.get(sha256);
        if (row?.upload === 'local')
          await this.db.evidence.update(sha256, { upload: 'queued', queuedAt: at });
      }
    });
  }

  /**
   * Frees the space of files nothing here needs: every file not in `keep` goes, unless it is queued (a sent
   * report's file waiting for the network). The caller keeps the files of drafts and of reports the server has not
   * filed yet; a removed attachment, a deleted draft, or a filed report's uploaded file is then deleted, and
   * `load` downloads it again if the report is opened. Files stored in the last `graceMs` stay too: a photo is
   * stored before the draft names it. Returns how many files were deleted.
   */
  async prune(keep: ReadonlySet<string>, graceMs = 10 * 60_000, now = Date.now()): Promise<number> {
    return this.db.transaction('rw', this.db.evidence, () =>
      this.db.evidence
        .filter((r) => r.upload !== 'queued' && !keep.has(r.sha256) && r.createdAt < now - graceMs)
        .delete(),
    );
  }

  /** The oldest file waiting to be sent. */
  nextQueued(): Promise<EvidenceRow | undefined> {
    return this.db.evidence.where('[upload+queuedAt]').between(['queued', 0], ['queued', Infinity]).first();
  }

  async waitingCount(): Promise<number> {
    return this.db.evidence.where('upload').equals('queued').count();
  }

  async settle(
    sha256: string,
    outcome: { upload: 'uploaded' } | { upload: 'refused'; error: EvidenceRow['error'] },
  ) {
    await this.db.evidence.update(sha256, {
      ...outcome,
      ...(outcome.upload === 'uploaded' ? { error: undefined } : {}),
    });
  }

  /** Records a failed attempt that will be retried (the reason is shown while it waits). */
  async noteFailure(sha256: string, error: EvidenceRow['error']): Promise<void> {
    await this.db.transaction('rw', this.db.evidence, async () => {
      const row = await this.db.evidence.get(sha256);
      if (row) await this.db.evidence.update(sha256, { attempts: row.attempts + 1, error });
    });
  }

  /** Calls `listener` with the status of each digest now and after every change, in any tab. */
  watch(
    sha256s: readonly string[],
    listener: (statuses: Record<string, EvidenceStatus>) => void,
  ): () => void {
    const keys = [...new Set(sha256s)];
    const sub = liveQuery(async () => {
      const rows = await this.db.evidence.bulkGet(keys);
      const out: Record<string, EvidenceStatus> = {};
      keys.forEach((k, i) => {
        const row = rows[i];
        out[k] = row
          ? { state: row.upload, ...(row.error ? { error: row.error } : {}) }
          : { state: 'missing' };
      });
      return out;
    }).subscribe({ next: listener, error: () => {} });
    return () => sub.unsubscribe();
  }

  /** How many files wait for the network, live. */
  watchWaiting(listener: (waiting: number) => void): () => void {
    const sub = liveQuery(() => this.waitingCount()).subscribe({ next: listener, error: () => {} });
    return () => sub.unsubscribe();
  }
}

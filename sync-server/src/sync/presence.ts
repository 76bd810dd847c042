import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** y-protocols' awareness timeout: a client that has not renewed its state for this long has left. */
export const presenceTimeoutMs = 30_000;

interface Entry {
  clock: number;
  /** The state's JSON text as the client sent it; 'null' once the client has left. */
  state: string;
  /** `performance.now()` of the last accepted update. */
  seen: number;
}

export interface PresenceChange {
  /** Every client whose entry changed: what to relay, the sender included (stock clients count it as life). */
  changed: number[];
  /** Clients that appeared or left with this update. */
  added: number[];
  removed: number[];
}

/**
 * Who is present in one document, kept as y-protocols' awareness protocol has it (an update is a list of
 * client id, clock and JSON state; a higher clock wins; the same clock with `null` removes). The server only
 * relays presence, so it keeps each state as the text it came as and needs no Yjs document: a room's
 * presence outlives its document while the document sleeps (SS5).
 */
export class Presence {
  private readonly clients = new Map<number, Entry>();

  /** Applies a client's awareness update (throws on a malformed one and changes nothing). */
  apply(update: Uint8Array, now: number): PresenceChange {
    const decoder = decoding.createDecoder(update);
    const entries: { id: number; clock: number; state: string }[] = [];
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      JSON.parse(state);
      entries.push({ id, clock, state });
    }
    const change: PresenceChange = { changed: [], added: [], removed: [] };
    for (const { id, clock, state } of entries) {
      const entry = this.clients.get(id);
      const present = entry !== undefined && entry.state !== 'null';
      const leaving = state === 'null';
      if (entry && !(entry.clock < clock || (entry.clock === clock && leaving && present))) continue;
      this.clients.set(id, { clock, state, seen: now });
      change.changed.push(id);
      if (leaving && present) change.removed.push(id);
      if (!leaving && !present) change.added.push(id);
    }
    return change;
  }

  /** Marks clients as gone (their connection closed, or they timed out) and returns those that were here. */
  remove(ids: Iterable<number>): number[] {
    const removed: number[] = [];
    for (const id of ids) {
      const entry = this.clients.get(id);
      if (!entry || entry.state === 'null') continue;
      entry.state = 'null';
      removed.push(id);
    }
    return removed;
  }

  /** Clients present but not renewed since `now - presenceTimeoutMs`. */
  outdated(now: number): number[] {
    const ids: number[] = [];
    for (const [id, entry] of this.clients)
      if (entry.state !== 'null' && now - entry.seen >= presenceTimeoutMs) ids.push(id);
    return ids;
  }

  /** The ids of clients present now. */
  present(): number[] {
    const ids: number[] = [];
    for (const [id, entry] of this.clients) if (entry.state !== 'null') ids.push(id);
    return ids;
  }

  /** An awareness update (y-protocols' encoding) with these clients' entries as they stand. */
  encode(ids: readonly number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, ids.length);
    for (const id of ids) {
      const entry = this.clients.get(id);
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, entry?.clock ?? 0);
      encoding.writeVarString(encoder, entry?.state ?? 'null');
    }
    return encoding.toUint8Array(encoder);
  }
}

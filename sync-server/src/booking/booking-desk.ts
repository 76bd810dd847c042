import type { BookingIntent, DispatchPolicy, ServiceArea } from '@kigaligo/domain';
import type { Db } from '../db/client';
import { DomainError } from '../domain-error';
import { type BookingRequest, type BookingResult, bookIntents } from './book-intent';

interface Waiting extends BookingRequest {
  resolve: (result: BookingResult) => void;
  reject: (err: unknown) => void;
}

/**
 * Most bookings one transaction decides: a rush is answered in steps instead of all at the end, and a batch holds
 * its vehicles' locks for a bounded time (`pnpm bench booking` was fastest at 250 of 100, 250 and 500).
 */
const MAX_BATCH = 250;

/**
 * Decisions under way at once: two, so one batch's statements run in Postgres while the next is prepared in
 * Node. They meet over vehicles as any two bookings do: SKIP LOCKED, then the next nearest.
 */
const CONCURRENT = 2;

/**
 * Where `POST /api/trips` books: bookings arriving while a decision is under way wait for the next one, which
 * takes them all (up to MAX_BATCH) in one transaction (book-intent.ts bookIntents): a rush of riders is
 * decided in a few transactions of a few statements each instead of one transaction of a dozen statements per
 * rider, and nobody waits for a timer: a booking arriving at a quiet moment is decided at once. One desk per
 * server process; several processes' desks meet in the database (SKIP LOCKED, the unique indexes).
 */
export class BookingDesk {
  #waiting: Waiting[] = [];
  #deciding = 0;

  constructor(
    private readonly db: Db,
    private readonly policy: DispatchPolicy,
    /** The active service area (NetworkService.serviceArea()), read at each decision. */
    private readonly area: () => ServiceArea,
  ) {}

  /** Books the intent for the rider (idempotent on the intent's id, as bookIntent). */
  book(riderId: string, intent: BookingIntent): Promise<BookingResult> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ riderId, intent, resolve, reject });
      // After this turn of the event loop: bookings arriving together are decided together.
      if (this.#waiting.length === 1) setImmediate(() => this.#next());
    });
  }

  /** Starts decisions for the bookings waiting, while fewer than CONCURRENT are under way. */
  #next(): void {
    while (this.#waiting.length > 0 && this.#deciding < CONCURRENT) {
      this.#deciding++;
      void this.#decide(this.#waiting.splice(0, MAX_BATCH)).finally(() => {
        this.#deciding--;
        this.#next();
      });
    }
  }

  async #decide(batch: Waiting[]): Promise<void> {
    try {
      const results = await this.db.transaction((tx) =>
        bookIntents(tx, batch, new Date(), this.policy, this.area()),
      );
      results.forEach((result, i) => {
        if (result instanceof DomainError) batch[i]!.reject(result);
        else batch[i]!.resolve(result);
      });
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      // One booking's failure (the database refusing it) must not fail the riders booked with it: each is
      // decided again on its own, and only the one at fault gets the error.
      for (const one of batch) await this.#decide([one]);
    }
  }
}

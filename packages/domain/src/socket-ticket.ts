import { z } from 'zod';

/** What a WebSocket ticket opens: a document's `/sync/<docName>` socket or the `/live` feed. */
export const socketPurpose = z.enum(['sync', 'live']);
export type SocketPurpose = z.infer<typeof socketPurpose>;

/** `POST /api/sync/ticket`: which socket the caller is about to open. */
export const socketTicketInput = z.object({ purpose: socketPurpose });
export type SocketTicketInput = z.infer<typeof socketTicketInput>;

/**
 * A single-use ticket for one WebSocket connection, passed as `?ticket=`: access tokens never travel in URLs
 * (URLs end up in proxy logs and browser consoles), and a ticket that leaks is worthless once used or expired.
 */
export const socketTicket = z.object({
  ticket: z.string(),
  /** Seconds the ticket stays valid if unused. */
  expiresIn: z.number().int().positive(),
});
export type SocketTicket = z.infer<typeof socketTicket>;

import { type SocketTicket, socketTicket, socketTicketInput } from '@kigaligo/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { SOCKET_TICKET_TTL_SECONDS } from '../auth/socket-tickets';
import { documented } from '../http/api-docs';
import { requireAuth } from '../http/auth-middleware';
import { jsonBody } from '../http/validate';

/**
 * `POST /api/sync/ticket` (mounted under /api/sync): a single-use ticket for the next `/sync/…` or `/live`
 * socket, so the access token stays in the Authorization header and never in a URL (SS0).
 */
export const socketTicketRoutes = new Hono<AppEnv>().use(requireAuth).post(
  '/ticket',
  documented({
    summary: 'A single-use ticket to open one WebSocket (valid 30 seconds)',
    audience: 'any',
    ok: { 200: socketTicket },
    errors: [400],
  }),
  jsonBody(socketTicketInput),
  async (c) => {
    const { userId, role, sessionId } = c.var.auth;
    const { purpose } = c.req.valid('json');
    const ticket = await c.var.deps.tickets.issue({ userId, role, sessionId, purpose });
    const body: SocketTicket = { ticket, expiresIn: SOCKET_TICKET_TTL_SECONDS };
    return c.json(body);
  },
);

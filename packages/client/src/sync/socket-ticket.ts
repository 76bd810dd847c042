import { type SocketPurpose, socketTicket } from '@kigaligo/domain';
import type { ApiClient } from '../api-client';
import { ApiRequestError, SignedOutError } from '../api-error';
import { apiRequest } from '../api-routes';

/**
 * A single-use ticket for the next `/sync/…` or `/live` socket. The request carries the access token in its
 * Authorization header (refreshed by the API client when it must), so no token ever goes into a socket URL.
 * A 401 that survived the client's refresh means the session is over: SignedOutError, as for a failed refresh.
 */
export async function fetchSocketTicket(api: ApiClient, purpose: SocketPurpose): Promise<string> {
  try {
    const { ticket } = await api.request(apiRequest('post', '/api/sync/ticket', { body: { purpose } }), {
      schema: socketTicket,
    });
    return ticket;
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) throw new SignedOutError();
    throw err;
  }
}

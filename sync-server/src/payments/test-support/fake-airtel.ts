import { randomUUID } from 'node:crypto';
import { type LocalServer, sendJson, startLocalServer } from './local-server';

interface Txn {
  kind: 'payment' | 'disbursement';
  id: string;
  body: Record<string, unknown>;
  polls: number;
}

const ok = (message: string) => ({ code: '200', message, result_code: 'ESB000010', success: true });

/**
 * A local server speaking Airtel Africa's Open API as its staging host does: `POST /auth/oauth2/token`
 * (client credentials in a JSON body), `POST /merchant/v1/payments/` and `POST /standard/v1/disbursements/`
 * (X-Country, X-Currency, Bearer token; a transaction id already used is refused), and the enquiries
 * `GET /standard/v1/payments/{id}` / `GET /standard/v1/disbursements/{id}` (404 for an unknown id).
 * `hang` leaves every request unanswered; `down` answers 503.
 * A transaction answers TIP for `pendingPolls` enquiries, then TS — or TF for subscribers in `rejecting`.
 */
export async function fakeAirtel(opts: {
  clientId: string;
  clientSecret: string;
  country: string;
  currency: string;
  pin: string;
}) {
  const txns = new Map<string, Txn>();
  const tokens = new Set<string>();
  const state = { pendingPolls: 1, rejecting: new Set<string>(), down: false, hang: false, duplicates: 0 };

  const local: LocalServer = await startLocalServer((req, raw, res) => {
    const url = req.url ?? '';
    // hang: Airtel took the request and never answers (the client's timeout is what ends it).
    if (state.hang) return;
    if (state.down) return sendJson(res, 503, { status: { code: '503', message: 'Service unavailable' } });
    if (url === '/auth/oauth2/token' && req.method === 'POST') {
      const body = JSON.parse(raw || '{}') as Record<string, string>;
      if (
        body.grant_type !== 'client_credentials' ||
        body.client_id !== opts.clientId ||
        body.client_secret !== opts.clientSecret
      ) {
        return sendJson(res, 401, { error: 'invalid_client', error_description: 'Invalid client' });
      }
      const token = randomUUID();
      tokens.add(token);
      return sendJson(res, 200, { access_token: token, expires_in: '180', token_type: 'bearer' });
    }
    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    if (!bearer || !tokens.has(bearer))
      return sendJson(res, 401, { status: { code: '401', success: false } });
    if (req.headers['x-country'] !== opts.country || req.headers['x-currency'] !== opts.currency) {
      return sendJson(res, 400, {
        status: { code: '400', message: 'Invalid country or currency', success: false },
      });
    }
    const create = /^\/(merchant\/v1\/payments|standard\/v1\/disbursements)\/$/.exec(url);
    if (create && req.method === 'POST') {
      const body = JSON.parse(raw) as Record<string, unknown>;
      const txn = body.transaction as { id?: string; amount?: unknown } | undefined;
      const kind = create[1]!.startsWith('merchant') ? 'payment' : 'disbursement';
      if (!txn?.id || typeof txn.amount !== 'number') {
        return sendJson(res, 400, {
          status: { code: '400', message: 'Invalid transaction', success: false },
        });
      }
      if (kind === 'disbursement' && body.pin !== opts.pin) {
        return sendJson(res, 400, { status: { code: '400', message: 'Invalid PIN', success: false } });
      }
      if (txns.has(txn.id)) {
        state.duplicates += 1;
        return sendJson(res, 400, {
          status: {
            code: '400',
            message: 'Duplicate transaction id',
            result_code: 'ESB000041',
            success: false,
          },
        });
      }
      txns.set(txn.id, { kind, id: txn.id, body, polls: 0 });
      return sendJson(res, 200, {
        data: { transaction: { id: txn.id, status: kind === 'payment' ? 'Success.' : 'TIP' } },
        status: ok('Success.'),
      });
    }
    const enquiry = /^\/standard\/v1\/(payments|disbursements)\/([^/]+)$/.exec(url);
    if (enquiry && req.method === 'GET') {
      const t = txns.get(enquiry[2]!);
      if (!t || (t.kind === 'payment') !== (enquiry[1] === 'payments')) {
        return sendJson(res, 404, {
          status: { code: '404', message: 'Transaction not found', success: false },
        });
      }
      t.polls += 1;
      const party = (t.body.subscriber ?? t.body.payee) as { msisdn?: string };
      const final = t.polls > state.pendingPolls;
      const failed = final && state.rejecting.has(party.msisdn ?? '');
      return sendJson(res, 200, {
        data: {
          transaction: {
            id: t.id,
            status: !final ? 'TIP' : failed ? 'TF' : 'TS',
            message: failed ? 'Transaction declined by the subscriber' : 'In process',
            ...(final && !failed ? { airtel_money_id: `MP${100000 + txns.size}` } : {}),
          },
        },
        status: ok('SUCCESS'),
      });
    }
    sendJson(res, 404, { status: { code: '404', message: 'Not found', success: false } });
  });
  return { ...local, txns, state };
}

export type FakeAirtel = Awaited<ReturnType<typeof fakeAirtel>>;

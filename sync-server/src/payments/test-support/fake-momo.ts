import { randomUUID } from 'node:crypto';
import { type LocalServer, sendJson, startLocalServer } from './local-server';

interface Transfer {
  kind: 'requesttopay' | 'refund';
  referenceId: string;
  body: Record<string, unknown>;
  polls: number;
  /** The X-Callback-Url sent with it, if any. */
  callbackUrl?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * A local server speaking the MoMo Open API the way MTN's sandbox does: `POST /<product>/token/` (Basic auth
 * + Ocp-Apim-Subscription-Key), `POST /collection/v1_0/requesttopay` and `POST /disbursement/v1_0/refund`
 * (X-Reference-Id a UUID, X-Target-Environment, 202; the same reference again is 409), and their status GETs.
 * A transfer answers PENDING for `pendingPolls` reads, then SUCCESSFUL — or FAILED for payers in `rejecting`.
 */
export async function fakeMomo(opts: {
  apiUser: string;
  apiKey: string;
  subscriptionKey: string;
  environment: string;
}) {
  const transfers = new Map<string, Transfer>();
  const tokens = new Set<string>();
  const state = {
    pendingPolls: 1,
    rejecting: new Set<string>(),
    down: false,
    /** Requests to pay are taken, but their status cannot be read (503): MoMo half down. */
    statusDown: false,
    duplicates: 0,
    tokenRequests: 0,
  };
  const basic = `Basic ${Buffer.from(`${opts.apiUser}:${opts.apiKey}`).toString('base64')}`;

  const local: LocalServer = await startLocalServer((req, raw, res) => {
    const url = req.url ?? '';
    if (state.down) return sendJson(res, 503, { message: 'Service unavailable' });
    if (req.headers['ocp-apim-subscription-key'] !== opts.subscriptionKey) {
      return sendJson(res, 401, {
        statusCode: 401,
        message: 'Access denied due to invalid subscription key.',
      });
    }
    const token = /^\/(collection|disbursement)\/token\/$/.exec(url);
    if (token && req.method === 'POST') {
      state.tokenRequests += 1;
      if (req.headers.authorization !== basic) return sendJson(res, 401, { error: 'login_failed' });
      const accessToken = randomUUID();
      tokens.add(accessToken);
      return sendJson(res, 200, { access_token: accessToken, token_type: 'access_token', expires_in: 3600 });
    }
    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    if (!bearer || !tokens.has(bearer)) return sendJson(res, 401, { code: 'UNAUTHORIZED' });
    if (req.headers['x-target-environment'] !== opts.environment) {
      return sendJson(res, 400, { code: 'INVALID_TARGET_ENVIRONMENT' });
    }
    const create = /^\/(collection\/v1_0\/requesttopay|disbursement\/v1_0\/refund)$/.exec(url);
    if (create && req.method === 'POST') {
      const ref = req.headers['x-reference-id'] as string | undefined;
      if (!ref || !UUID.test(ref)) return sendJson(res, 400, { code: 'INVALID_REFERENCE_ID' });
      if (transfers.has(ref)) {
        state.duplicates += 1;
        return sendJson(res, 409, { code: 'RESOURCE_ALREADY_EXIST', message: 'Duplicated reference id.' });
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      if (typeof body.amount !== 'string' || !body.currency || !body.externalId) {
        return sendJson(res, 400, { code: 'INVALID_BODY' });
      }
      const kind = create[1]!.endsWith('refund') ? 'refund' : 'requesttopay';
      if (
        kind === 'refund' &&
        ![...transfers.values()].some((t) => t.referenceId === body.referenceIdToRefund)
      ) {
        return sendJson(res, 404, { code: 'RESOURCE_NOT_FOUND', message: 'Reference to refund not found' });
      }
      const callbackUrl = req.headers['x-callback-url'] as string | undefined;
      transfers.set(ref, { kind, referenceId: ref, body, polls: 0, callbackUrl });
      return res.writeHead(202).end();
    }
    const status = /^\/(?:collection\/v1_0\/requesttopay|disbursement\/v1_0\/refund)\/([^/]+)$/.exec(url);
    if (status && req.method === 'GET') {
      if (state.statusDown) return sendJson(res, 503, { message: 'Service unavailable' });
      const t = transfers.get(status[1]!);
      if (!t) return sendJson(res, 404, { code: 'RESOURCE_NOT_FOUND' });
      t.polls += 1;
      const payer = (t.body.payer as { partyId?: string } | undefined)?.partyId ?? '';
      const final = t.polls > state.pendingPolls;
      const failed = final && state.rejecting.has(payer);
      return sendJson(res, 200, {
        amount: t.body.amount,
        currency: t.body.currency,
        externalId: t.body.externalId,
        ...(t.body.payer ? { payer: t.body.payer } : {}),
        status: !final ? 'PENDING' : failed ? 'FAILED' : 'SUCCESSFUL',
        ...(final && !failed ? { financialTransactionId: String(1_000_000 + transfers.size) } : {}),
        ...(failed ? { reason: 'APPROVAL_REJECTED' } : {}),
      });
    }
    sendJson(res, 404, { code: 'NOT_FOUND' });
  });
  return { ...local, transfers, state };
}

export type FakeMomo = Awaited<ReturnType<typeof fakeMomo>>;

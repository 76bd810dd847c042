import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKigaliClient, type KigaliClient } from '../kigali-client';
import type { Session } from '../session-store';

/** Storage in memory, for a KigaliClient in Node. */
export function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

export interface EvidenceServer {
  url: string;
  client: KigaliClient;
  /** Stored files by digest. */
  stored: Map<string, { mime: string; bytes: Buffer }>;
  /** Every PUT in arrival order: digest and answer status. */
  puts: { sha256: string; status: number }[];
  /** Answer the next N requests with this status (then behave). */
  failNext(status: number, times?: number): void;
  /** Refuse one digest with this status. */
  refuse(sha256: string, status: number, code: string): void;
  /** Make the current access token expire on the server (the next request gets a 401 and refreshes). */
  expireToken(): void;
  close(): Promise<void>;
}

/**
 * A local server speaking the evidence endpoints' protocol (PUT/GET /api/evidence/<sha256>, bearer tokens,
 * POST /api/auth/refresh): it checks the digest of what it receives like the real one, answers 201 for new
 * content and 200 for content it has.
 */
export async function startEvidenceServer(): Promise<EvidenceServer> {
  const stored = new Map<string, { mime: string; bytes: Buffer }>();
  const puts: { sha256: string; status: number }[] = [];
  const refusals = new Map<string, { status: number; code: string }>();
  let failures: { status: number; times: number } | null = null;
  let token = 'token-1';
  let generation = 1;
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (req.url === '/api/auth/refresh' && req.method === 'POST') {
      generation++;
      token = `token-${generation}`;
      return json(res, 200, {
        user: rider,
        accessToken: token,
        refreshToken: `refresh-token-${generation}-long-enough`,
        expiresIn: 900,
      });
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      return json(res, 401, { error: { code: 'unauthenticated', message: 'Sign in' } });
    }
    if (failures && failures.times > 0) {
      failures.times--;
      return json(res, failures.status, { error: { code: 'unavailable', message: 'Try later' } });
    }
    const match = /^\/api\/evidence\/([0-9a-f]{64})$/.exec(req.url ?? '');
    if (!match) return json(res, 404, { error: { code: 'not_found', message: 'No route' } });
    const sha256 = match[1]!;
    if (req.method === 'GET') {
      const file = stored.get(sha256);
      if (!file) return json(res, 404, { error: { code: 'not_found', message: 'No such evidence' } });
      res.writeHead(200, { 'content-type': file.mime }).end(file.bytes);
      return;
    }
    const refusal = refusals.get(sha256);
    const answer = (status: number, payload: unknown) => {
      puts.push({ sha256, status });
      json(res, status, payload);
    };
    if (refusal) return answer(refusal.status, { error: { code: refusal.code, message: 'Refused' } });
    if (createHash('sha256').update(body).digest('hex') !== sha256) {
      return answer(400, { error: { code: 'digest_mismatch', message: 'The bytes do not match the name' } });
    }
    const mime = String(req.headers['content-type']);
    const ref = { sha256, mime, bytes: body.length };
    if (stored.has(sha256)) return answer(200, { evidence: ref });
    stored.set(sha256, { mime, bytes: body });
    answer(201, { evidence: ref });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createKigaliClient({ role: 'rider', baseUrl: url, storage: memoryStorage() });
  client.session.set({
    user: rider,
    accessToken: token,
    refreshToken: 'refresh-token-1-long-enough-for-the-schema',
    expiresAt: Date.now() + 15 * 60_000,
  });
  return {
    url,
    client,
    stored,
    puts,
    failNext: (status, times = 1) => {
      failures = { status, times };
    },
    refuse: (sha256, status, code) => refusals.set(sha256, { status, code }),
    expireToken: () => {
      token = `expired-${generation}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const rider = {
  id: '6f1c2b1e-8a4e-4a55-9a51-2f1f3f7f1a11',
  email: 'grace@e2e.kigaligo.rw',
  name: 'Grace Iradukunda',
  phone: null,
  role: 'rider' as const,
  suspended: false,
  createdAt: '2026-11-01T08:00:00.000Z',
} as Session['user'];

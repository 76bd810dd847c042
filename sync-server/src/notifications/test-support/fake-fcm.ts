import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Agent, createServer, Agent as HttpsAgent, type RequestOptions, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { type ConnectionOptions, connect } from 'node:tls';

/** The Google hosts firebase-admin calls: FCM's HTTP v1 API and the OAuth token endpoint. */
const HOSTS = ['fcm.googleapis.com', 'oauth2.googleapis.com'];

/**
 * A self-signed certificate for the Google hosts, made with `openssl` at test time (nothing is checked in).
 * Returns undefined when openssl is missing, so the suite can say why it is skipped.
 */
export function testCertificate(): { key: string; cert: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'kigaligo-fcm-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=fcm.googleapis.com',
        '-addext',
        `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(',')}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An agent that connects every HTTPS request to the local server instead of the real host, while TLS still
 * verifies the certificate for the real host name against our test CA — so the SDK's requests are exactly
 * what it would send to Google.
 */
export function localRoutingAgent(port: number, ca: string): Agent {
  class Routing extends HttpsAgent {
    // Node's agent uses the returned socket directly (its callback argument is then not needed).
    override createConnection(options: RequestOptions): Duplex {
      const o = options as ConnectionOptions;
      return connect({ ...o, host: '127.0.0.1', port, ca, servername: o.servername ?? String(o.host) });
    }
  }
  return new Routing({ keepAlive: false });
}

export interface SentPush {
  authorization: string | undefined;
  path: string;
  message: Record<string, unknown>;
}

/**
 * A local TLS server speaking FCM HTTP v1 (`POST /v1/projects/<id>/messages:send`) and Google's OAuth token
 * endpoint. Tokens in `unregistered` answer 404 UNREGISTERED, as FCM does for an uninstalled app.
 */
export async function fakeFcm(tls: { key: string; cert: string }) {
  const sent: SentPush[] = [];
  const tokenGrants: string[] = [];
  const state = { unregistered: new Set<string>(), down: false };
  const server: Server = createServer(tls, (req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.headers.host === 'oauth2.googleapis.com' && req.url === '/token') {
        tokenGrants.push(new URLSearchParams(raw).get('grant_type') ?? '');
        return json(200, { access_token: 'ya29.test-access-token', expires_in: 3600, token_type: 'Bearer' });
      }
      const send = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(req.url ?? '');
      if (req.headers.host !== 'fcm.googleapis.com' || req.method !== 'POST' || !send) return json(404, {});
      if (state.down)
        return json(500, { error: { code: 500, status: 'INTERNAL', message: 'Internal error' } });
      const body = JSON.parse(raw) as { message: Record<string, unknown> };
      if (state.unregistered.has(String(body.message.token))) {
        return json(404, {
          error: {
            code: 404,
            status: 'NOT_FOUND',
            message: 'Requested entity was not found.',
            details: [
              { '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode: 'UNREGISTERED' },
            ],
          },
        });
      }
      sent.push({ authorization: req.headers.authorization, path: req.url!, message: body.message });
      json(200, { name: `projects/${send[1]}/messages/${sent.length}` });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    sent,
    tokenGrants,
    state,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A service account like the JSON Google issues, with a key pair made for the test. */
export function testServiceAccount(projectId = 'kigaligo-test') {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    type: 'service_account',
    project_id: projectId,
    private_key_id: 'test-key',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: `push@${projectId}.iam.gserviceaccount.com`,
    client_id: '1234567890',
    token_uri: 'https://oauth2.googleapis.com/token',
  };
}

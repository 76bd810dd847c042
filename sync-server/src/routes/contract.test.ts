import { randomUUID } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles, sha256 } from '../test-support/evidence-samples';
import { SoftAuthenticator } from '../test-support/soft-authenticator';
import { startTestServer } from '../test-support/test-server';
import { makeDriverOnShift, makeIntent, makeUser, parkFleet } from '../test-support/trip-fixtures';

interface Declared {
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: unknown }>;
}
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, Declared> }>>;
}

type Server = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Every operation of the generated document called on a listening server, and each real answer held against
 * what the document declares for that status: the status must be declared (not only `default`), a JSON body
 * must match its schema, other bodies their media type. The last test fails when an operation was never called.
 */
describe('the API answers as its generated OpenAPI document says', () => {
  let s: Server;
  let doc: Document;
  let ajv: Ajv2020;
  const called = new Map<string, Set<number>>();
  const tokens = { rider: '', driver: '', admin: '' };

  beforeAll(async () => {
    s = await startTestServer('pglite');
    doc = (await (await fetch(`${s.server.url}/api/openapi.json`)).json()) as Document;
    ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    ajv.addFormat('binary', true);
    ajv.addSchema(doc as object, 'openapi.json');
    for (const role of ['rider', 'driver', 'admin'] as const)
      tokens[role] = (await s.loginAs(role)).accessToken;
  }, 120_000);
  afterAll(() => s.stop());

  /** Calls `method path` (the document's template, filled from `params`) and checks the answer against it. */
  async function call(
    method: string,
    template: string,
    opts: {
      params?: Record<string, string>;
      query?: string;
      token?: string;
      body?: unknown;
      raw?: { bytes: Uint8Array; type: string };
      headers?: Record<string, string>;
    } = {},
  ) {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(opts.params![name]!));
    const res = await fetch(`${s.server.url}${path}${opts.query ? `?${opts.query}` : ''}`, {
      method: method.toUpperCase(),
      redirect: 'manual',
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.raw ? { 'content-type': opts.raw.type } : {}),
        ...opts.headers,
      },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      ...(opts.raw ? { body: opts.raw.bytes } : {}),
    });
    const where = `${method} ${template} → ${res.status}`;
    const operation = doc.paths[template]?.[method];
    expect(operation, `${method} ${template} is not in the document`).toBeDefined();
    const declared = operation!.responses[String(res.status)];
    expect(declared, `${where} is not a declared answer`).toBeDefined();
    const type = res.headers.get('content-type')?.split(';')[0];
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (res.status === 204 || res.status === 304) {
      expect(bytes.length, where).toBe(0);
    } else if (res.status === 302) {
      expect(res.headers.get('location'), where).toBeTruthy();
    } else if (type === 'application/json') {
      const schema = declared!.content?.['application/json']?.schema;
      expect(schema, `${where} has no JSON schema`).toBeDefined();
      const pointer = [
        'paths',
        template,
        method,
        'responses',
        String(res.status),
        'content',
        'application/json',
      ]
        .map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1'))
        .join('/');
      const validate = ajv.compile({ $ref: `openapi.json#/${pointer}/schema` });
      const body = JSON.parse(new TextDecoder().decode(bytes));
      expect(
        validate(body) ? [] : validate.errors,
        `${where}: ${JSON.stringify(body).slice(0, 300)}`,
      ).toEqual([]);
    } else {
      expect(Object.keys(declared!.content ?? {}), where).toContain(type);
    }
    for (const header of ['idempotent-replayed', 'retry-after', 'etag']) {
      if (res.headers.has(header) && res.status < 500) {
        const names = Object.keys(declared!.headers ?? {}).map((h) => h.toLowerCase());
        expect(names, `${where} sends ${header} undeclared`).toContain(header);
      }
    }
    const key = `${method} ${template}`;
    called.set(key, (called.get(key) ?? new Set()).add(res.status));
    return { status: res.status, headers: res.headers, bytes };
  }
  const json = (r: { bytes: Uint8Array }) => JSON.parse(new TextDecoder().decode(r.bytes));

  it('public operations: health, configuration, the network, GTFS-RT, this document', async () => {
    for (const path of ['/api/health', '/api/health/live', '/api/health/ready', '/api/config']) {
      expect((await call('get', path)).status).toBe(200);
    }
    expect((await call('get', '/api/openapi.json')).status).toBe(200);
    expect((await call('get', '/api/network')).status).toBe(200);
    const bundle = await call('get', '/api/network/bundle');
    expect(bundle.status).toBe(200);
    const again = await call('get', '/api/network/bundle', {
      headers: { 'if-none-match': bundle.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect((await call('get', '/api/gtfs-rt/vehicle-positions')).status).toBe(200);
    expect((await call('get', '/api/gtfs-rt/vehicle-positions', { token: tokens.admin })).status).toBe(200);
    const updates = await call('get', '/api/gtfs-rt/trip-updates', { query: 'format=json' });
    expect(updates.status).toBe(200);
    const unchanged = await call('get', '/api/gtfs-rt/trip-updates', {
      headers: { 'if-modified-since': updates.headers.get('last-modified')! },
    });
    expect(unchanged.status).toBe(304);
    expect((await call('post', '/api/webhooks/stripe', { body: {} })).status).toBe(404);
  });

  it('accounts and the signed-in user: sign-up, sign-in, refresh, password, sessions, notifications', async () => {
    const email = `contract-${randomUUID()}@test.kigaligo.rw`;
    const password = 'a long passphrase of twelve words';
    const signUp = await call('post', '/api/auth/register', { body: { email, password, name: 'Contract' } });
    expect(signUp.status).toBe(201);
    expect(
      (await call('post', '/api/auth/register', { body: { email, password, name: 'Twice' } })).status,
    ).toBe(409);
    expect((await call('post', '/api/auth/register', { body: { email: 'nope' } })).status).toBe(400);
    // Sign-in with an identity provider, not configured here (auth-oidc.test.ts runs it against a provider).
    expect((await call('get', '/api/auth/oidc/start')).status).toBe(404);
    expect((await call('get', '/api/auth/oidc/callback', { query: 'code=x&state=y' })).status).toBe(302);
    expect((await call('post', '/api/auth/oidc/exchange', { body: { code: 'unknown' } })).status).toBe(400);
    const second = await call('post', '/api/auth/login', { body: { email, password } });
    expect(second.status).toBe(200);
    expect(
      (await call('post', '/api/auth/login', { body: { email, password: 'wrong password' } })).status,
    ).toBe(401);
    const { accessToken, refreshToken } = json(signUp);
    const refreshed = await call('post', '/api/auth/refresh', { body: { refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(
      (await call('post', '/api/auth/refresh', { body: { refreshToken: 'not-a-token-at-all' } })).status,
    ).toBe(400);
    const token = json(refreshed).accessToken as string;
    expect((await call('get', '/api/me', { token })).status).toBe(200);
    expect((await call('get', '/api/me')).status).toBe(401);
    const sessions = await call('get', '/api/me/sessions', { token });
    expect(sessions.status).toBe(200);
    const other = (json(sessions).sessions as { id: string; current: boolean }[]).find((x) => !x.current)!;
    expect((await call('delete', '/api/me/sessions/{id}', { token, params: { id: other.id } })).status).toBe(
      204,
    );
    expect(
      (await call('delete', '/api/me/sessions/{id}', { token, params: { id: randomUUID() } })).status,
    ).toBe(404);
    const pushToken = `contract-device-${randomUUID()}`;
    const push = { token: pushToken, platform: 'web' };
    expect((await call('post', '/api/me/push-tokens', { token, body: push })).status).toBe(201);
    expect((await call('post', '/api/me/push-tokens', { token, body: { token: 'x' } })).status).toBe(400);
    expect(
      (await call('delete', '/api/me/push-tokens/{token}', { token, params: { token: pushToken } })).status,
    ).toBe(204);
    expect((await call('get', '/api/me/notification-preferences', { token })).status).toBe(200);
    const prefs = { push: false, email: true };
    expect((await call('put', '/api/me/notification-preferences', { token, body: prefs })).status).toBe(200);
    expect((await call('put', '/api/me/notification-preferences', { token, body: {} })).status).toBe(400);
    expect((await call('put', '/api/me/language', { token, body: { language: 'rw' } })).status).toBe(200);
    expect((await call('put', '/api/me/language', { token, body: { language: 'fr' } })).status).toBe(400);
    expect((await call('get', '/api/push/config', { token })).status).toBe(200);
    expect((await call('post', '/api/sync/ticket', { token, body: { purpose: 'live' } })).status).toBe(200);
    expect((await call('post', '/api/sync/ticket', { token, body: { purpose: 'x' } })).status).toBe(400);
    const change = { currentPassword: 'not it', newPassword: 'another long passphrase here' };
    expect((await call('post', '/api/auth/password', { token, body: change })).status).toBe(400);
    change.currentPassword = password;
    expect((await call('post', '/api/auth/password', { token, body: change })).status).toBe(200);
    const reset = { email: `nobody-${randomUUID()}@test.kigaligo.rw` };
    expect((await call('post', '/api/auth/password-reset', { body: reset })).status).toBe(202);
    expect((await call('post', '/api/auth/password-reset', { body: {} })).status).toBe(400);
    const confirm = { token: 'not-a-token-we-sent', newPassword: 'another long passphrase here' };
    expect((await call('post', '/api/auth/password-reset/confirm', { body: confirm })).status).toBe(400);
    expect((await call('delete', '/api/me/sessions', { token })).status).toBe(200);
    expect((await call('post', '/api/auth/logout', { body: { refreshToken } })).status).toBe(204);
    expect((await call('get', '/api/me', { token: accessToken })).status).toBe(401);
    // A refresh token of a session that ended is refused like any unknown one.
    expect((await call('post', '/api/auth/refresh', { body: { refreshToken } })).status).toBe(401);
  });

  it('second factors: authenticator enrolment, the sign-in challenge, recovery codes, turning off', async () => {
    const email = `contract-mfa-${randomUUID()}@test.kigaligo.rw`;
    const password = 'a long passphrase of twelve words';
    const token = json(await call('post', '/api/auth/register', { body: { email, password, name: 'Mfa' } }))
      .accessToken as string;
    expect((await call('get', '/api/me/mfa', { token })).status).toBe(200);
    const start = await call('post', '/api/me/mfa/totp', { token });
    expect(start.status).toBe(200);
    const secret = json(start).secret as string;
    const confirmBody = { code: await generate({ secret }) };
    expect((await call('post', '/api/me/mfa/totp/confirm', { token, body: { code: 'x' } })).status).toBe(400);
    expect((await call('post', '/api/me/mfa/totp/confirm', { token, body: confirmBody })).status).toBe(200);
    expect((await call('post', '/api/me/mfa/totp', { token })).status).toBe(409);
    const codes = await call('post', '/api/me/mfa/recovery-codes', { token, body: { password } });
    expect(codes.status).toBe(200);
    const challenge = json(await call('post', '/api/auth/login', { body: { email, password } }));
    expect(challenge.mfaRequired).toBe(true);
    const recoveryCode = (json(codes).codes as string[])[0]!;
    const wrong = { challengeToken: challenge.challengeToken, recoveryCode: 'aaaaa-aaaaa' };
    expect((await call('post', '/api/auth/mfa', { body: wrong })).status).toBe(401);
    const right = { challengeToken: challenge.challengeToken, recoveryCode };
    expect((await call('post', '/api/auth/mfa', { body: right })).status).toBe(200);
    expect((await call('post', '/api/auth/mfa', { body: {} })).status).toBe(400);
    const off = (pw: string) => call('post', '/api/me/mfa/totp/disable', { token, body: { password: pw } });
    expect((await off('not the password')).status).toBe(400);
    expect((await off(password)).status).toBe(204);
  });

  it('passkeys: adding one, passwordless sign-in, the second step, removing', async () => {
    const email = `contract-passkey-${randomUUID()}@test.kigaligo.rw`;
    const password = 'a long passphrase of twelve words';
    const token = json(await call('post', '/api/auth/register', { body: { email, password, name: 'Keys' } }))
      .accessToken as string;
    const device = new SoftAuthenticator(s.server.url);
    const ceremony = json(await call('post', '/api/me/passkeys/options', { token }));
    const credential = device.register(ceremony.options);
    expect((await call('post', '/api/me/passkeys', { token, body: { challengeToken: 'x' } })).status).toBe(
      400,
    );
    const added = await call('post', '/api/me/passkeys', {
      token,
      body: { challengeToken: ceremony.challengeToken, credential },
    });
    expect(added.status).toBe(201);
    const again = { challengeToken: ceremony.challengeToken, credential };
    expect((await call('post', '/api/me/passkeys', { token, body: again })).status).toBe(401);

    const signIn = json(await call('post', '/api/auth/passkey/options'));
    const signed = { challengeToken: signIn.challengeToken, credential: device.sign(signIn.options) };
    expect((await call('post', '/api/auth/passkey', { body: signed })).status).toBe(200);
    expect((await call('post', '/api/auth/passkey', { body: signed })).status).toBe(401);
    expect((await call('post', '/api/auth/passkey', { body: {} })).status).toBe(400);

    const challenge = json(await call('post', '/api/auth/login', { body: { email, password } }));
    const answer = { challengeToken: challenge.challengeToken, passkey: device.sign(challenge.passkey) };
    expect((await call('post', '/api/auth/mfa', { body: answer })).status).toBe(200);

    const id = json(added).passkey.id as string;
    const remove = (pw: string, which = id) =>
      call('post', '/api/me/passkeys/{id}/remove', { params: { id: which }, token, body: { password: pw } });
    expect((await remove('not the password')).status).toBe(400);
    expect((await remove(password, 'no-such-passkey')).status).toBe(404);
    expect((await remove(password)).status).toBe(204);
  });

  it('planning, stops and places', async () => {
    const { rider } = tokens;
    expect((await call('get', '/api/stops', { token: rider })).status).toBe(200);
    const departures = (id: string, query = 'limit=3') =>
      call('get', '/api/stops/{id}/departures', { params: { id }, query });
    const [first] = json(await call('get', '/api/stops', { token: rider })).stops as { id: string }[];
    expect((await departures(first!.id)).status).toBe(200);
    expect((await departures(first!.id, 'limit=0')).status).toBe(400);
    expect((await departures('no-such-stop')).status).toBe(404);
    const plan = { from: { lat: -1.9441, lon: 30.0619 }, to: { lat: -1.9496, lon: 30.1256 } };
    expect((await call('post', '/api/routes/plan', { token: rider, body: plan })).status).toBe(200);
    expect((await call('post', '/api/routes/plan', { token: rider, body: { from: plan.from } })).status).toBe(
      400,
    );
    expect((await call('get', '/api/places', { token: rider, query: 'q=nyabugogo' })).status).toBe(200);
    expect((await call('get', '/api/places', { token: rider, query: 'near=-1.9441,30.0619' })).status).toBe(
      200,
    );
    expect((await call('get', '/api/places', { token: rider })).status).toBe(400);
  });

  it('the fleet, shifts and GPS fixes', async () => {
    const { admin, driver, rider } = tokens;
    expect((await call('get', '/api/vehicles', { token: driver })).status).toBe(200);
    expect((await call('get', '/api/vehicles', { token: rider })).status).toBe(403);
    const input = { kind: 'car', plate: 'RAC 123 Z', capacity: 4, operator: 'Contract Cabs' };
    const created = await call('post', '/api/vehicles', { token: admin, body: input });
    expect(created.status).toBe(201);
    expect((await call('post', '/api/vehicles', { token: admin, body: input })).status).toBe(409);
    const vehicleId = json(created).vehicle.id as string;
    const fixes = {
      positions: [
        { id: 'contract-device:1', lat: -1.9441, lon: 30.0619, recordedAt: new Date().toISOString() },
        { id: 'broken' },
      ],
    };
    const params = { id: vehicleId };
    expect(
      (await call('post', '/api/vehicles/{id}/positions', { token: admin, params, body: fixes })).status,
    ).toBe(200);
    const unknown = { id: randomUUID() };
    expect(
      (await call('post', '/api/vehicles/{id}/positions', { token: admin, params: unknown, body: fixes }))
        .status,
    ).toBe(404);
    expect((await call('get', '/api/shifts/current', { token: driver })).status).toBe(200);
    expect((await call('post', '/api/shifts', { token: driver, body: { vehicleId } })).status).toBe(201);
    expect(
      (await call('post', '/api/shifts', { token: driver, body: { vehicleId: randomUUID() } })).status,
    ).toBe(404);
    // A car runs no scheduled route (the matched-trip answer is covered in shift-route.test.ts).
    const route = { routeId: '407', headsign: 'Nyabugogo bus terminal' };
    expect((await call('put', '/api/shifts/current/route', { token: driver, body: route })).status).toBe(409);
    expect((await call('put', '/api/shifts/current/route', { token: driver, body: {} })).status).toBe(400);
    expect((await call('delete', '/api/shifts/current/route', { token: driver })).status).toBe(200);
    expect((await call('post', '/api/shifts/end', { token: driver, body: {} })).status).toBe(200);
    expect((await call('post', '/api/shifts/end', { token: driver, body: {} })).status).toBe(404);
    expect((await call('delete', '/api/shifts/current/route', { token: driver })).status).toBe(404);
  });

  it('trips, payments and refunds', async () => {
    const db = s.server.deps.database.db;
    const secret = s.server.deps.jwtSecret;
    await parkFleet(db);
    const { driver } = await makeDriverOnShift(db, secret);
    const rider = await makeUser(db, secret, 'rider');
    const intent = makeIntent();
    const booked = await call('post', '/api/trips', { token: rider.token, body: intent });
    expect(booked.status).toBe(201);
    expect((await call('post', '/api/trips', { token: rider.token, body: intent })).status).toBe(200);
    expect((await call('post', '/api/trips', { token: rider.token, body: { id: 'x' } })).status).toBe(400);
    const tripId = json(booked).decision.tripId as string;
    expect((await call('get', '/api/trips', { token: rider.token })).status).toBe(200);
    expect((await call('get', '/api/trips', { token: rider.token, query: 'limit=0' })).status).toBe(400);
    expect(
      (await call('get', '/api/trips/{id}', { token: rider.token, params: { id: tripId } })).status,
    ).toBe(200);
    expect(
      (await call('get', '/api/trips/{id}', { token: rider.token, params: { id: randomUUID() } })).status,
    ).toBe(404);
    const action = (kind: string) => ({
      id: randomUUID(),
      tripId,
      action: kind,
      at: new Date().toISOString(),
    });
    const params = { id: tripId };
    const accepted = await call('post', '/api/trips/{id}/actions', {
      token: driver.token,
      params,
      body: action('accept'),
    });
    expect(accepted.status).toBe(200);
    const jump = await call('post', '/api/trips/{id}/actions', {
      token: driver.token,
      params,
      body: action('complete'),
    });
    expect(jump.status).toBe(409);
    expect((await call('post', '/api/trips/{id}/cancel', { token: rider.token, params })).status).toBe(200);
    const pay = { tripId, method: 'cash' };
    expect((await call('post', '/api/payments', { token: rider.token, body: pay })).status).toBe(409);
    // Nothing was paid for the cancelled trip (the paid receipt is covered in receipts.test.ts).
    const receipt = await call('get', '/api/trips/{id}/receipt', { token: rider.token, params });
    expect(receipt.status).toBe(409);
    expect((await call('post', '/api/payments', { token: rider.token, body: {} })).status).toBe(400);
    expect((await call('get', '/api/payments', { token: rider.token })).status).toBe(200);
    expect((await call('get', '/api/payments', { token: tokens.driver })).status).toBe(403);
    // The test card form's answers are covered in sandbox-card.test.ts; here its refusals keep their shape.
    const card = { number: '4242424242424242', expiry: '12/40', cvc: '123' };
    const unknown = { id: randomUUID() };
    const sandboxCard = '/api/payments/{id}/sandbox-card';
    expect(
      (await call('post', sandboxCard, { token: rider.token, params: unknown, body: card })).status,
    ).toBe(404);
    expect((await call('post', sandboxCard, { token: rider.token, params: unknown, body: {} })).status).toBe(
      400,
    );
    // Mobile-money callbacks only hurry a poll (momo-payments.test.ts); whatever they name, the answer is the same.
    for (const [method, path, body] of [
      ['post', '/api/webhooks/momo', { externalId: randomUUID(), status: 'SUCCESSFUL' }],
      ['put', '/api/webhooks/momo', { externalId: randomUUID(), status: 'FAILED' }],
      ['post', '/api/webhooks/airtel', { transaction: { id: randomUUID(), status_code: 'TS' } }],
    ] as const)
      expect((await call(method, path, { body })).status).toBe(200);
    // Saving a card is Stripe's (stripe-payments.test.ts); without keys it is refused with its reason.
    const setup = await call('post', '/api/me/cards/setup', { token: rider.token });
    expect([setup.status, json(setup).error.code]).toEqual([409, 'cards_not_configured']);
    const refund = { paymentId: randomUUID(), reason: 'Charged twice' };
    expect((await call('post', '/api/refunds', { token: tokens.admin, body: refund })).status).toBe(404);
    expect((await call('get', '/api/refunds', { token: tokens.admin })).status).toBe(200);
    expect((await call('get', '/api/refunds', { token: rider.token })).status).toBe(403);
  });

  it('evidence and reports', async () => {
    const { rider, admin, driver } = tokens;
    const bytes = sampleFiles.jpeg(4096, 77);
    const params = { sha256: sha256(bytes) };
    const raw = { bytes, type: 'image/jpeg' };
    expect((await call('put', '/api/evidence/{sha256}', { token: rider, params, raw })).status).toBe(201);
    expect((await call('put', '/api/evidence/{sha256}', { token: rider, params, raw })).status).toBe(200);
    expect(
      (await call('put', '/api/evidence/{sha256}', { token: rider, params: { sha256: 'abc' }, raw })).status,
    ).toBe(400);
    const text = { bytes: new TextEncoder().encode('hello'), type: 'text/plain' };
    expect((await call('put', '/api/evidence/{sha256}', { token: rider, params, raw: text })).status).toBe(
      415,
    );
    const file = await call('get', '/api/evidence/{sha256}', { token: rider, params });
    expect(file.status).toBe(200);
    const etag = file.headers.get('etag')!;
    const cached = await call('get', '/api/evidence/{sha256}', {
      token: rider,
      params,
      headers: { 'if-none-match': etag },
    });
    expect(cached.status).toBe(304);
    expect((await call('get', '/api/evidence/{sha256}', { token: driver, params })).status).toBe(404);
    for (const token of [rider, driver, admin]) {
      expect((await call('get', '/api/reports', { token })).status).toBe(200);
    }
    expect((await call('get', '/api/reports', { token: admin, query: 'severity=urgent' })).status).toBe(400);
    const report = { id: randomUUID() };
    expect((await call('get', '/api/reports/{id}', { token: rider, params: report })).status).toBe(404);
    const decisions = [
      ['/api/admin/reports/{id}/status', { status: 'investigating' }],
      ['/api/admin/reports/{id}/replies', { text: 'We are looking into it' }],
      ['/api/admin/reports/{id}/notes', { text: 'Called the driver' }],
    ] as const;
    for (const [path, body] of decisions) {
      expect((await call('post', path, { token: admin, params: report, body })).status).toBe(404);
      expect((await call('post', path, { token: rider, params: report, body })).status).toBe(403);
    }
  });

  it('administration: users, suspensions with replays, the outbox, the audit log, sync issues', async () => {
    const { admin, rider } = tokens;
    expect((await call('get', '/api/admin/users', { token: admin, query: 'role=driver' })).status).toBe(200);
    expect((await call('get', '/api/admin/users', { token: admin, query: 'role=pilot' })).status).toBe(400);
    const staff = {
      email: `driver-${randomUUID()}@test.kigaligo.rw`,
      password: 'a long passphrase of twelve words',
      name: 'Contract Driver',
      phone: '+250788123456',
    };
    const created = await call('post', '/api/admin/users', { token: admin, body: staff });
    expect(created.status).toBe(201);
    expect((await call('post', '/api/admin/users', { token: admin, body: staff })).status).toBe(409);
    const params = { id: json(created).user.id as string };
    const key = { 'idempotency-key': `contract-${randomUUID()}` };
    const suspend = { reason: 'Reported twice this week' };
    const first = await call('post', '/api/admin/users/{id}/suspend', {
      token: admin,
      params,
      body: suspend,
      headers: key,
    });
    expect(first.status).toBe(200);
    const replay = await call('post', '/api/admin/users/{id}/suspend', {
      token: admin,
      params,
      body: suspend,
      headers: key,
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const reused = await call('post', '/api/admin/users/{id}/suspend', {
      token: admin,
      params,
      body: { reason: 'Another reason entirely' },
      headers: key,
    });
    expect(reused.status).toBe(422);
    expect(
      (await call('post', '/api/admin/users/{id}/unsuspend', { token: admin, params, body: {} })).status,
    ).toBe(200);
    const role = (body: unknown) =>
      call('post', '/api/admin/users/{id}/role', { token: admin, params, body });
    expect((await role({ role: 'pilot' })).status).toBe(400);
    expect((await role({ role: 'admin' })).status).toBe(200);
    expect((await role({ role: 'driver' })).status).toBe(200);
    expect(
      (
        await call('post', '/api/admin/users/{id}/role', {
          token: admin,
          params: { id: randomUUID() },
          body: { role: 'admin' },
        })
      ).status,
    ).toBe(404);
    const nobody = { id: randomUUID() };
    expect(
      (await call('post', '/api/admin/users/{id}/unsuspend', { token: admin, params: nobody, body: {} }))
        .status,
    ).toBe(404);
    expect((await call('get', '/api/admin/outbox', { token: admin })).status).toBe(200);
    expect((await call('get', '/api/admin/outbox', { token: admin, query: 'status=lost' })).status).toBe(400);
    const message = { id: randomUUID() };
    expect(
      (await call('post', '/api/admin/outbox/{id}/retry', { token: admin, params: message })).status,
    ).toBe(404);
    expect((await call('get', '/api/admin/audit', { token: admin })).status).toBe(200);
    expect((await call('get', '/api/admin/audit', { token: admin, query: 'before=yesterday' })).status).toBe(
      400,
    );
    expect((await call('get', '/api/admin/sync-issues', { token: admin })).status).toBe(200);
    expect((await call('get', '/api/admin/sync-issues', { token: rider })).status).toBe(403);
  });

  it('called every operation of the document', () => {
    const all = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(all.filter((op) => !called.has(op))).toEqual([]);
  });
});

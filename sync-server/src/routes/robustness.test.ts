import { randomBytes, randomUUID } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/client';
import * as schema from '../db/schema';
import {
  anyText,
  anyValue,
  badBodies,
  badRawParameters,
  deepArrayText,
  deepObjectText,
  holdsUnstorableText,
  type Json,
  type JsonSchema,
  pathsOf,
  percentEncode,
  resolve,
  sample,
  setAt,
} from '../test-support/bad-inputs';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { makeDriverOnShift, makeIntent, makeUser } from '../test-support/trip-fixtures';

/** Random cases per operation on top of the enumerated ones; ROBUSTNESS_RUNS=200 for a long hunt. */
const RUNS = Number(process.env.ROBUSTNESS_RUNS ?? 4);

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

type Role = 'rider' | 'driver' | 'admin';

/**
 * Operations that take a batch and refuse bad items one by one in a 200 answer (`accepted`, `rejected`), as
 * their description says: an offline outbox must not be refused whole for one bad fix.
 */
const answersPerItem = new Set(['post /api/vehicles/{id}/positions']);

/** One request the suite sends, and whether the document (or storable text) says it must be refused. */
interface Case {
  label: string;
  path: string;
  query?: string;
  body?: string;
  contentType?: string;
  mustRefuse: boolean;
}

/** Who the operation's own role is, from the "Requires:" line documented() writes. */
function roleOf(op: Operation): Role | 'public' | 'optional' {
  if (op.security?.length === 2) return 'optional';
  const who = op.description?.match(/Requires: (.+)\.$/m)?.[1];
  if (!who) return 'public';
  if (who.startsWith('admin or driver')) return 'driver';
  if (who === 'admin' || who === 'driver') return who;
  return 'rider';
}

/**
 * Issue #11's schema-driven robustness suite. Every operation of the generated `/api/openapi.json` is called
 * with inputs generated from its own schemas — wrong types, missing and extra fields, U+0000 and lone
 * surrogates in every string, huge strings and arrays, deep nesting, malformed %-escapes in path and query,
 * out-of-range numbers — with its role's credentials and without. Whatever the input: no 5xx; every 4xx is
 * `{error:{code,message}}` and leaves every table of the drizzle schema exactly as it was (a checksum of each
 * table's rows); and an input the document refuses (or text Postgres cannot store) is never accepted.
 */
describe.each(testDatabaseKinds)('bad input to every operation of the API document on %s', (kind) => {
  let t: TestApp;
  let doc: Document;
  const tokens: Record<Role, string> = { rider: '', driver: '', admin: '' };
  const pathValues: Record<string, string> = {};
  const ajv = new Ajv2020({ strict: false, allErrors: false, unicodeRegExp: false });
  addFormats(ajv);
  // Query parameters arrive as strings: coerced like the server's validators do before the check.
  const ajvQuery = new Ajv2020({ strict: false, coerceTypes: true, unicodeRegExp: false });
  addFormats(ajvQuery);

  const tables = (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => is(v, PgTable))
    .map((table) => getTableName(table));
  /**
   * Rows written, counted by the database itself: a row trigger on every table of the drizzle schema notes
   * each insert, update and delete in `robust_writes`. Transactional, so a write rolled back is no write, and
   * an update that changes nothing still counts. Installed on the test database only.
   */
  const countWrites = async (): Promise<number> =>
    resultRows<{ n: number }>(
      await t.database.db.execute(sql.raw('select count(*)::int as n from robust_writes')),
    )[0]!.n;
  const writesSince = async (n: number): Promise<string[]> =>
    resultRows<{ w: string }>(
      await t.database.db.execute(
        sql.raw(`select table_name || ' ' || op as w from robust_writes order by id offset ${n}`),
      ),
    ).map((r) => r.w);
  async function watchWrites() {
    await t.database.db.execute(
      sql.raw(
        'create table robust_writes (id bigserial primary key, table_name text not null, op text not null)',
      ),
    );
    await t.database.db.execute(
      sql.raw(`create function robust_note_write() returns trigger language plpgsql as $$
        begin insert into robust_writes (table_name, op) values (TG_TABLE_NAME, TG_OP); return null; end $$`),
    );
    for (const name of tables) {
      await t.database.db.execute(
        sql.raw(
          `create trigger robust_note_write after insert or update or delete on "${name}" for each row execute function robust_note_write()`,
        ),
      );
    }
  }

  beforeAll(async () => {
    t = await createTestApp(kind, {}, true);
    doc = (await (await t.request('GET', '/api/openapi.json')).json()) as Document;
    ajv.addSchema(doc as object, 'openapi.json');
    const db = t.database.db;
    const secret = t.deps.jwtSecret;
    tokens.rider = (await makeUser(db, secret, 'rider')).token;
    tokens.admin = (await makeUser(db, secret, 'admin')).token;
    const onShift = await makeDriverOnShift(db, secret);
    tokens.driver = onShift.driver.token;
    const suspendable = await makeUser(db, secret, 'driver');
    const booked = await t.request('POST', '/api/trips', { token: tokens.rider, body: makeIntent() });
    expect(booked.status).toBe(201);
    const report = randomUUID();
    const reporter = await makeUser(db, secret, 'rider');
    await db.insert(schema.safetyReports).values({
      id: report,
      reporterId: reporter.id,
      category: 'overcharging',
      description: 'Charged twice the agreed fare.',
      occurredAt: new Date(),
      severity: 'low',
      severityScore: 10,
      submittedAt: new Date(),
    });
    // Real ids where the route has them, so bodies are checked against a real row, not just a 404.
    Object.assign(pathValues, {
      '/api/admin/users/{id}': suspendable.id,
      '/api/admin/reports/{id}': report,
      '/api/reports/{id}': report,
      '/api/trips/{id}': (await booked.json()).decision.tripId,
      '/api/vehicles/{id}': onShift.vehicleId,
      '/api/evidence/{sha256}': randomBytes(32).toString('hex'),
      '/api/me/push-tokens/{token}': 'robust-push-token-0001',
    });
    await t.deps.tripDocs.idle();
    await watchWrites();
  }, 240_000);
  afterAll(() => t?.dispose());

  /** The fixture value of `name` in `template`: the longest prefix with a known value, else a fresh uuid. */
  function fixtureFor(template: string, name: string): string {
    const upTo = template.slice(0, template.indexOf(`{${name}}`) + name.length + 2);
    return pathValues[upTo] ?? randomUUID();
  }

  function fillPath(template: string, raw: Record<string, string> = {}): string {
    return template.replace(/\{(\w+)\}/g, (_, name: string) =>
      name in raw ? raw[name]! : encodeURIComponent(fixtureFor(template, name)),
    );
  }

  function casesFor(template: string, method: string, op: Operation): Case[] {
    const params = op.parameters ?? [];
    const jsonBody = op.requestBody?.content['application/json']?.schema;
    const rawMedia = Object.keys(op.requestBody?.content ?? {}).filter((m) => m !== 'application/json');
    const base = jsonBody ? JSON.stringify(sample(jsonBody, doc)) : undefined;
    const baseType = jsonBody ? 'application/json' : undefined;
    const withBody = { body: base, contentType: baseType };
    const cases: Case[] = [];
    const paramValid = (p: Parameter, decoded: string, validator: Ajv2020) =>
      validator.validate(resolve(p.schema, doc) as object, p.schema.type === 'string' ? decoded : decoded);

    for (const p of params.filter((x) => x.in === 'path')) {
      for (const bad of badRawParameters) {
        const decoded = bad.malformed ? '' : decodeURIComponent(bad.raw);
        cases.push({
          label: `path ${p.name}: ${bad.label}`,
          path: fillPath(template, { [p.name]: bad.raw }),
          ...withBody,
          mustRefuse: bad.malformed || holdsUnstorableText(decoded) || !paramValid(p, decoded, ajvQuery),
        });
      }
    }
    const queryParams = params.filter((x) => x.in === 'query');
    for (const p of [...queryParams, { in: 'query', name: 'robustExtra', schema: {} } as Parameter]) {
      const declared = p.name !== 'robustExtra';
      for (const bad of badRawParameters) {
        const decoded = bad.malformed ? '' : decodeURIComponent(bad.raw);
        cases.push({
          label: `query ${p.name}: ${bad.label}`,
          path: fillPath(template),
          query: `${p.name}=${bad.raw}`,
          ...withBody,
          mustRefuse:
            bad.malformed ||
            (declared && (holdsUnstorableText(decoded) || !paramValid(p, decoded, ajvQuery))),
        });
      }
    }
    for (const p of queryParams) {
      cases.push({
        label: `query ${p.name} given twice`,
        path: fillPath(template),
        query: `${p.name}=1&${p.name}=%00`,
        ...withBody,
        mustRefuse: false,
      });
    }

    if (jsonBody) {
      const validate = ajv.compile({
        $ref: `openapi.json#/paths/${template.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}/requestBody/content/application~1json/schema`,
      }) as ValidateFunction;
      const refused = (body: Json) => !validate(body) || holdsUnstorableText(body);
      for (const bad of badBodies(jsonBody, doc)) {
        cases.push({
          label: `body ${bad.label}`,
          path: fillPath(template),
          body: JSON.stringify(bad.body),
          contentType: 'application/json',
          mustRefuse: refused(bad.body),
        });
      }
      const raw: [string, string, string | undefined][] = [
        ['malformed JSON', '{"a":', 'application/json'],
        ['an empty body', '', 'application/json'],
        ['JSON null', 'null', 'application/json'],
        ['a JSON number', '1', 'application/json'],
        ['deeply nested arrays', deepArrayText(), 'application/json'],
        ['deeply nested objects', deepObjectText(), 'application/json'],
        ['over 1 MiB', JSON.stringify({ pad: 'p'.repeat(1_100_000) }), 'application/json'],
        ['the sample as text/plain', base!, 'text/plain'],
        ['the sample without a content type', base!, undefined],
        ['a NUL byte in the JSON text', `${base!.slice(0, 1)}\u0000${base!.slice(1)}`, 'application/json'],
      ];
      for (const [label, body, contentType] of raw) {
        let parsed: Json | undefined;
        try {
          parsed = JSON.parse(body);
        } catch {}
        cases.push({
          label: `body: ${label}`,
          path: fillPath(template),
          body,
          ...(contentType ? { contentType } : {}),
          // Not JSON, or not sent as JSON: always refused. Valid JSON: as the document's schema says.
          mustRefuse: parsed === undefined || contentType !== 'application/json' || refused(parsed),
        });
      }
    }
    if (rawMedia.length > 0) {
      for (const media of rawMedia) {
        cases.push({
          label: `raw body: bytes that are not ${media}`,
          path: fillPath(template),
          body: 'not an image at all \u0000',
          contentType: media,
          mustRefuse: true,
        });
      }
      cases.push(
        {
          label: 'raw body: empty',
          path: fillPath(template),
          body: '',
          contentType: rawMedia[0],
          mustRefuse: true,
        },
        {
          label: 'raw body: as JSON',
          path: fillPath(template),
          body: '{"a":1}',
          contentType: 'application/json',
          mustRefuse: true,
        },
      );
    }
    return cases;
  }

  /** Random cases: any value at any node of the sample body, any code units in any parameter. */
  function randomCases(template: string, method: string, op: Operation): fc.Arbitrary<Case> {
    const params = (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
    const jsonBody = op.requestBody?.content['application/json']?.schema;
    const options: fc.Arbitrary<Case>[] = [];
    if (jsonBody) {
      const base = sample(jsonBody, doc);
      const pointer = `openapi.json#/paths/${template.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}/requestBody/content/application~1json/schema`;
      const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
      options.push(
        fc.tuple(fc.constantFrom(...pathsOf(base)), anyValue).map(([where, value]) => {
          const body = setAt(base, where, value);
          return {
            label: `random body: ${where.join('.') || 'the body'} = ${JSON.stringify(value).slice(0, 60)}`,
            path: fillPath(template),
            body: JSON.stringify(body),
            contentType: 'application/json',
            mustRefuse: !validate(body) || holdsUnstorableText(body),
          };
        }),
      );
    }
    const body = jsonBody ? JSON.stringify(sample(jsonBody, doc)) : undefined;
    if (params.length > 0) {
      options.push(
        fc.tuple(fc.constantFrom(...params), anyText).map(([p, text]) => {
          const raw = percentEncode(text);
          const inPath = p.in === 'path';
          return {
            label: `random ${p.in} ${p.name} = ${JSON.stringify(text)}`,
            path: inPath ? fillPath(template, { [p.name]: raw }) : fillPath(template),
            ...(inPath ? {} : { query: `${p.name}=${raw}` }),
            ...(body ? { body, contentType: 'application/json' } : {}),
            // Lone surrogates arrive as bytes that are not UTF-8: a malformed escape, refused like U+0000.
            mustRefuse: holdsUnstorableText(text),
          };
        }),
      );
    }
    return options.length > 0 ? fc.oneof(...options) : fc.constant(casesFor(template, method, op)[0]!);
  }

  it('notices a row written (the check below can fail)', async () => {
    const before = await countWrites();
    const res = await t.request('PUT', '/api/me/language', { token: tokens.rider, body: { language: 'rw' } });
    expect(res.status).toBe(200);
    expect(await writesSince(before)).toEqual(['users UPDATE']);
  });

  it('answers no 5xx, refuses in the error shape, and writes no row', async () => {
    const failures: string[] = [];
    let before = await countWrites();
    let sent = 0;

    async function send(method: string, c: Case, token: string | undefined, who: string, perItem: boolean) {
      const url = `${c.path}${c.query !== undefined ? `?${c.query}` : ''}`;
      const res = await t.app.request(url, {
        method: method.toUpperCase(),
        headers: {
          ...(c.contentType ? { 'content-type': c.contentType } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(c.body !== undefined ? { body: c.body } : {}),
      });
      sent++;
      const text = await res.text();
      const where = `${method.toUpperCase()} ${url.slice(0, 120)} (${who}; ${c.label}) → ${res.status}`;
      if (res.status >= 500) failures.push(`${where}: ${text.slice(0, 200)}`);
      if (res.status >= 400 && res.status < 500) {
        let body: { error?: { code?: unknown; message?: unknown } } | undefined;
        try {
          body = JSON.parse(text);
        } catch {}
        const code = body?.error?.code;
        const message = body?.error?.message;
        if (typeof code !== 'string' || !code || typeof message !== 'string' || !message) {
          failures.push(`${where}: not {error:{code,message}}: ${text.slice(0, 120)}`);
        }
      }
      let refused = res.status >= 400;
      if (perItem && res.status === 200 && c.mustRefuse) {
        // The batch is taken and each bad item refused in the answer: nothing of it may be accepted.
        const result = JSON.parse(text) as { accepted: number; rejected: unknown[] };
        if (result.accepted !== 0 || result.rejected.length === 0) {
          failures.push(`${where}: accepted an item it must refuse: ${text.slice(0, 120)}`);
        }
        refused = true;
      } else if (c.mustRefuse && res.status < 400) {
        failures.push(`${where}: accepted an input it must refuse`);
      }
      if (!refused) {
        // Accepted (a valid request): let its reconcilers settle, and sign in again if it ended the session.
        await t.deps.tripDocs.idle();
        await t.deps.reportDocs.idle();
        for (const role of ['rider', 'driver', 'admin'] as const) {
          if ((await t.request('GET', '/api/me', { token: tokens[role] })).status === 401) {
            tokens[role] = (await makeUser(t.database.db, t.deps.jwtSecret, role)).token;
          }
        }
        before = await countWrites();
        return;
      }
      const after = await countWrites();
      if (after !== before) failures.push(`${where}: wrote ${(await writesSince(before)).join(', ')}`);
      before = after;
    }

    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const role = roleOf(op);
        const callers: [string, () => string | undefined][] =
          role === 'public'
            ? [['anonymous', () => undefined]]
            : role === 'optional'
              ? [
                  ['anonymous', () => undefined],
                  ['admin', () => tokens.admin],
                ]
              : [
                  [role, () => tokens[role]],
                  ['anonymous', () => undefined],
                ];
        const perItem = answersPerItem.has(`${method} ${template}`);
        const enumerated = casesFor(template, method, op);
        const random = fc.sample(randomCases(template, method, op), { numRuns: RUNS });
        for (const [i, c] of [...enumerated, ...random].entries()) {
          for (const [who, token] of callers) {
            // Without credentials the field-by-field bodies mostly meet the same 401: every tenth is enough.
            if (who === 'anonymous' && c.label.startsWith('body ') && i % 10 !== 0) continue;
            const t0 = token();
            // Without the operation's credentials nothing may be accepted.
            const anonymous = who === 'anonymous' && role !== 'public' && role !== 'optional';
            await send(method, anonymous ? { ...c, mustRefuse: true } : c, t0, who, !anonymous && perItem);
          }
        }
      }
    }
    if (process.env.ROBUSTNESS_REPORT) {
      (await import('node:fs')).writeFileSync(process.env.ROBUSTNESS_REPORT, failures.join('\n'));
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures.slice(0, 60), `${failures.length} failures of ${sent} requests`).toEqual([]);
  }, 900_000);
});

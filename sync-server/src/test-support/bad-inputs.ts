import { randomUUID } from 'node:crypto';
import { isStorableText } from '@kigaligo/domain';
import fc from 'fast-check';

/**
 * Bad inputs generated from the JSON schemas of the generated OpenAPI document (routes/robustness.test.ts):
 * a plausible valid value per schema, then every way to break it — wrong types, missing and extra fields,
 * text Postgres cannot store, huge strings and arrays, deep nesting, out-of-range numbers — field by field.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: Json[];
  const?: Json;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: Json;
}

/** One bad input: what it is (for the failure message) and the value sent. */
export interface BadValue {
  label: string;
  value: Json;
}

export const NUL = '\u0000';
export const LONE_HIGH = '\ud800';
export const LONE_LOW = '\udc00';
/** Over a 100-character cap many times, under the 1 MiB body limit so it reaches the validators. */
export const HUGE = 'K'.repeat(200_000);
/** Deep enough to overflow a recursive parser or walker, small enough to stay under the body limit. */
export const DEEP_DEPTH = 5_000;

/** JSON text nested `depth` deep, written directly (JSON.stringify itself recurses and would overflow). */
export const deepArrayText = (depth = DEEP_DEPTH) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
export const deepObjectText = (depth = DEEP_DEPTH) => `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;

export function deepArray(depth: number): Json {
  let v: Json = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
export function deepObject(depth: number): Json {
  let v: Json = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** Strings that satisfy the document's patterns and formats (few: ids, coordinates, hashes, dates). */
const candidates = [
  'Robust test',
  'robust-device:1',
  '-1.9441,30.0619',
  'a'.repeat(64),
  '2026-12-02',
  '+250788000111',
  'robust-idempotency-key-1',
];

function typesOf(s: JsonSchema): string[] {
  if (s.type) return Array.isArray(s.type) ? s.type : [s.type];
  if (s.properties) return ['object'];
  if (s.items) return ['array'];
  if (s.enum) return [...new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)))];
  return [];
}

/** The schema with `$ref`, `allOf` and the first non-null `anyOf`/`oneOf` branch resolved. */
export function resolve(schema: JsonSchema, root: unknown): JsonSchema {
  let s = schema;
  while (s.$ref) {
    const pointer = s.$ref.replace(/^#\//, '').split('/');
    s = pointer.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as JsonSchema;
  }
  if (s.allOf) s = Object.assign({}, ...s.allOf.map((part) => resolve(part, root))) as JsonSchema;
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    const first = branches.find((b) => !typesOf(resolve(b, root)).every((t) => t === 'null')) ?? branches[0]!;
    return resolve(first, root);
  }
  return s;
}

function sampleString(s: JsonSchema): string {
  if (s.format === 'uuid') return randomUUID();
  if (s.format === 'date-time') return new Date().toISOString();
  if (s.format === 'email') return `robust-${randomUUID()}@example.rw`;
  if (s.format === 'uri') return 'https://example.rw/robust';
  const fits = (c: string) =>
    c.length >= (s.minLength ?? 0) &&
    c.length <= (s.maxLength ?? Number.POSITIVE_INFINITY) &&
    (!s.pattern || new RegExp(s.pattern, 'u').test(c));
  return candidates.find(fits) ?? 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

function sampleNumber(s: JsonSchema, integer: boolean): number {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : undefined);
  const n = lo !== undefined && hi !== undefined ? (lo + hi) / 2 : (lo ?? (hi !== undefined ? hi - 1 : 1));
  return integer ? Math.round(n) : n;
}

/** A plausible valid value: every property present, so every field gets its mutations. */
export function sample(schema: JsonSchema, root: unknown, depth = 0): Json {
  const s = resolve(schema, root);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0]!;
  if (s.default !== undefined) return s.default;
  const type = typesOf(s).find((t) => t !== 'null') ?? 'string';
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, root, depth + 1)]),
      );
    case 'array': {
      const item = s.items ? sample(s.items, root, depth + 1) : 'x';
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => item);
    }
    case 'integer':
      return sampleNumber(s, true);
    case 'number':
      return sampleNumber(s, false);
    case 'boolean':
      return true;
    default:
      return sampleString(s);
  }
}

const wrongTypeValues: [string, Json][] = [
  ['string', 'not the right type'],
  ['number', 42],
  ['boolean', true],
  ['null', null],
  ['array', ['x']],
  ['object', { x: 1 }],
];

/** Every bad value for one node of `schema` (in place of `value`), not descending into children. */
function badValuesFor(s: JsonSchema, value: Json): BadValue[] {
  const types = typesOf(s);
  const out: BadValue[] = [];
  for (const [type, v] of wrongTypeValues) {
    const allowed = types.includes(type) || (type === 'number' && types.includes('integer'));
    if (!allowed && types.length > 0) out.push({ label: `a ${type}`, value: v });
  }
  out.push({ label: 'deeply nested arrays', value: deepArray(500) });
  out.push({ label: 'deeply nested objects', value: deepObject(500) });
  if (s.enum) out.push({ label: 'a value outside the enum', value: 'not-in-the-enum' });
  if (types.includes('string')) {
    const base = typeof value === 'string' && value.length > 0 ? value : 'text';
    out.push(
      { label: 'U+0000 inside', value: `${base.slice(0, 1)}${NUL}${base.slice(1)}` },
      { label: 'U+0000 alone', value: NUL },
      { label: 'a lone high surrogate', value: `${base}${LONE_HIGH}` },
      { label: 'a lone low surrogate', value: `${LONE_LOW}${base}` },
      { label: 'a huge string', value: HUGE },
      { label: 'an empty string', value: '' },
      { label: 'only white space', value: ' \t\n ' },
    );
    if (s.maxLength !== undefined) {
      out.push({ label: 'one over maxLength', value: 'y'.repeat(s.maxLength + 1) });
    }
  }
  if (types.includes('number') || types.includes('integer')) {
    if (s.minimum !== undefined) out.push({ label: 'below minimum', value: s.minimum - 1 });
    if (s.maximum !== undefined) out.push({ label: 'above maximum', value: s.maximum + 1 });
    out.push(
      { label: '1e308', value: 1e308 },
      { label: '-1e308', value: -1e308 },
      { label: '2^53 + 2', value: 2 ** 53 + 2 },
      { label: 'a negative number', value: -1 },
    );
    if (types.includes('integer')) out.push({ label: 'a fraction', value: 1.5 });
  }
  if (types.includes('array')) {
    out.push({ label: 'an empty array', value: [] });
    const item = Array.isArray(value) && value.length > 0 ? value[0]! : 'x';
    out.push({ label: '20,000 items', value: Array.from({ length: 20_000 }, () => item) });
  }
  return out;
}

/** Where a bad value goes: a path of keys and indexes into the sample. */
export type JsonPath = (string | number)[];

export function setAt(root: Json, path: JsonPath, value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy: Json = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    // defineProperty: plain assignment of `__proto__` would set the prototype instead of sending the key.
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

export interface BadBody {
  label: string;
  body: Json;
}

/** Every bad body: each node of the sample replaced by each of its bad values, required fields dropped, extras added. */
export function badBodies(schema: JsonSchema, root: unknown): BadBody[] {
  const base = sample(schema, root);
  const out: BadBody[] = [];
  const walk = (s0: JsonSchema, value: Json, path: JsonPath) => {
    const s = resolve(s0, root);
    const where = path.length > 0 ? path.join('.') : 'the body';
    for (const bad of badValuesFor(s, value)) {
      out.push({ label: `${where}: ${bad.label}`, body: setAt(base, path, bad.value) });
    }
    if (s.properties && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of s.required ?? []) {
        out.push({ label: `${where}: without ${key}`, body: setAt(base, [...path, key], undefined) });
      }
      out.push({
        label: `${where}: an extra field`,
        body: setAt(base, [...path, 'robustExtra'], { nested: 'an extra value' }),
      });
      out.push({
        label: `${where}: a __proto__ field`,
        body: setAt(base, [...path, '__proto__'], { role: 'admin', isAdmin: true }),
      });
      for (const [key, child] of Object.entries(s.properties)) {
        if (key in value) walk(child, value[key]!, [...path, key]);
      }
    }
    if (s.items && Array.isArray(value) && value.length > 0) walk(s.items, value[0]!, [...path, 0]);
  };
  walk(schema, base, []);
  return out;
}

/** Paths to every node of a value (for the random mutations). */
export function pathsOf(value: Json, path: JsonPath = []): JsonPath[] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pathsOf(v, [...path, i])));
  if (value && typeof value === 'object') {
    return here.concat(Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k])));
  }
  return here;
}

/** Random strings of any UTF-16 code units (lone surrogates and U+0000 included). */
export const anyText = fc.string({ unit: 'binary', maxLength: 40 });

/** Random JSON-ish values, strings drawn from any code units. */
export const anyValue: fc.Arbitrary<Json> = fc.oneof(
  anyText,
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom<Json>(NUL, LONE_HIGH, HUGE, -1e308, 1e308, null, [], {}),
);

/** True when `value` holds a string Postgres cannot store anywhere inside it. */
export function holdsUnstorableText(value: unknown): boolean {
  // A loop, not recursion: the values include bodies nested thousands deep.
  const pending = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v === 'string' && !isStorableText(v)) return true;
    if (v && typeof v === 'object') pending.push(...Object.values(v));
  }
  return false;
}

/** %-escapes a string byte by byte (UTF-8), keeping lone surrogates as the bytes WTF-8 would give them. */
export function percentEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    const bytes =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/** Raw (already %-escaped) values for a path or query parameter that no route should accept as given. */
export const badRawParameters: { label: string; raw: string; malformed: boolean }[] = [
  { label: 'a truncated %-escape', raw: '%E0%A4%A', malformed: true },
  { label: 'an overlong UTF-8 slash', raw: '%C0%AF', malformed: true },
  { label: 'a bare %', raw: '%', malformed: true },
  { label: 'a non-hex escape', raw: '%zz', malformed: true },
  { label: 'a lone surrogate as UTF-8', raw: '%ED%A0%80', malformed: true },
  { label: 'byte FF', raw: '%FF', malformed: true },
  { label: 'U+0000', raw: '%00', malformed: false },
  { label: 'U+0000 inside', raw: 'a%00b', malformed: false },
  { label: 'an encoded slash', raw: '..%2F..%2Fetc', malformed: false },
  { label: 'a huge value', raw: 'q'.repeat(20_000), malformed: false },
  { label: 'an empty value', raw: '', malformed: false },
  { label: 'a negative number', raw: '-1', malformed: false },
  { label: 'a fraction', raw: '1.5', malformed: false },
  { label: 'an exponent', raw: '1e999', malformed: false },
  { label: 'a number past 2^64', raw: '99999999999999999999999', malformed: false },
  { label: 'NaN', raw: 'NaN', malformed: false },
  { label: 'white space', raw: '%20%09', malformed: false },
];

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { bookingIntent, driverActionInput } from './booking';
import { pushTokenInput } from './notifications';
import { paymentRequest, refundInput } from './payment';
import { position } from './position';
import {
  auditQuery,
  reportNoteInput,
  reportQueueQuery,
  reportReplyInput,
  reportStatusInput,
  suspendDriverInput,
  unsuspendDriverInput,
} from './report-api';
import { safetyReportInput } from './safety-report';
import { savedRoute } from './saved-route';
import { isStorableText, text, toStorableText, UNSTORABLE_TEXT_MESSAGE } from './text';
import { createStaffInput, loginInput, refreshInput, registerInput } from './user';
import { vehicleInput } from './vehicle';

const uuid = '0b6f3c1e-8f3a-4d2b-9c1e-2a3b4c5d6e7f';
const at = '2026-12-01T08:00:00.000Z';
const place = { lat: -1.95, lon: 30.06, label: 'Kimironko Market' };

/**
 * Every schema that takes user text, with a valid sample. The sweep below puts U+0000 and a lone surrogate into
 * each string of each sample in turn: a schema still accepting one lets a value through that Postgres refuses.
 */
const inputs: [string, z.ZodType, Record<string, unknown>][] = [
  [
    'registerInput',
    registerInput,
    { email: 'a@b.rw', password: 'password1', name: 'Aline', phone: '+250788123456' },
  ],
  ['loginInput', loginInput, { email: 'a@b.rw', password: 'password1' }],
  ['refreshInput', refreshInput, { refreshToken: 'r'.repeat(40) }],
  [
    'createStaffInput',
    createStaffInput,
    { email: 'd@b.rw', password: 'password1', name: 'Jean', phone: '+250788123456', role: 'driver' },
  ],
  ['vehicleInput', vehicleInput, { kind: 'moto', plate: 'RD 123 A', capacity: 1, operator: 'Coop' }],
  [
    'bookingIntent',
    bookingIntent,
    {
      id: uuid,
      kind: 'moto',
      origin: place,
      destination: { ...place, label: 'Nyabugogo' },
      paymentMethod: 'mobile_money',
      payerPhone: '+250788123456',
      createdAt: at,
    },
  ],
  ['driverActionInput', driverActionInput, { id: uuid, tripId: uuid, action: 'accept', at }],
  ['savedRoute', savedRoute, { id: 'r1', name: 'Home', origin: place, destination: place, createdAt: at }],
  [
    'safetyReportInput',
    safetyReportInput,
    { category: 'other', description: 'The driver was rude to me.', occurredAt: at, submittedAt: at },
  ],
  ['refundInput', refundInput, { paymentId: uuid, reason: 'Driver never came' }],
  ['paymentRequest', paymentRequest, { tripId: uuid, method: 'card', paymentMethodId: 'pm_card_visa' }],
  ['reportStatusInput', reportStatusInput, { status: 'triage', note: 'Looking into it' }],
  ['reportReplyInput', reportReplyInput, { text: 'We called the driver.' }],
  ['reportNoteInput', reportNoteInput, { text: 'Driver denies it.' }],
  ['suspendDriverInput', suspendDriverInput, { reason: 'Three reports this week' }],
  ['unsuspendDriverInput', unsuspendDriverInput, { reason: 'Cleared' }],
  ['pushTokenInput', pushTokenInput, { token: 'fcm-token-123456', platform: 'web' }],
  ['position (each fix of a batch)', position, { id: 'device1:1', lat: -1.95, lon: 30.06, recordedAt: at }],
  ['auditQuery', auditQuery, { before: at, targetType: 'user', targetId: uuid }],
  [
    'reportQueueQuery',
    reportQueueQuery,
    { severity: 'high,critical', status: 'submitted', bbox: '30,-2,30.2,-1.9' },
  ],
];

/** Each string in `value` with its path, for the sweep. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function withString(value: unknown, path: (string | number)[], fn: (s: string) => string): unknown {
  if (path.length === 0) return fn(value as string);
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = withString(copy[head!], rest, fn);
  return copy;
}

describe('text primitive', () => {
  const name = text({ min: 1, max: 5 });

  it('refuses U+0000 and unpaired surrogates, keeps paired ones', () => {
    for (const bad of ['A\u0000B', '\ud800', 'x\udc00', '\udc00\ud800'])
      expect(name.safeParse(bad).error?.issues[0]?.message, JSON.stringify(bad)).toBe(
        UNSTORABLE_TEXT_MESSAGE,
      );
    expect(name.parse('😀')).toBe('😀');
    expect(isStorableText('ok 😀')).toBe(true);
  });

  it('makes server-written text storable: U+0000 and lone surrogates become U+FFFD, pairs stay', () => {
    expect(toStorableText('a\u0000b\ud800c\udc00😀')).toBe('a\uFFFDb\uFFFDc\uFFFD😀');
    expect(isStorableText(toStorableText('\udc00\ud800\u0000'))).toBe(true);
  });

  it('normalises to NFC, trims, then counts length', () => {
    expect(name.parse('  e\u0301  ')).toBe('\u00e9');
    expect(name.safeParse('   ').success).toBe(false);
    expect(name.parse('abcde')).toBe('abcde');
    expect(name.safeParse('abcdef').success).toBe(false);
    expect(text({ max: 10, trim: false }).parse(' token ')).toBe(' token ');
  });

  it('names the field in the issue path', () => {
    const result = registerInput.safeParse({ email: 'a@b.rw', password: 'password1', name: 'A\u0000B' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['name']);
    const label = bookingIntent.safeParse({ ...inputs[5]![2], origin: { ...place, label: '\ud800' } });
    expect(label.error?.issues.map((i) => i.path.join('.'))).toEqual(['origin.label']);
  });

  describe.each(inputs)('%s', (_name, schema, sample) => {
    it('accepts the sample', () => {
      expect(schema.safeParse(sample).error).toBeUndefined();
    });
    for (const path of stringPaths(sample)) {
      it(`refuses U+0000 and a lone surrogate at ${path.join('.')}`, () => {
        for (const poison of ['\u0000', '\ud800']) {
          const result = schema.safeParse(withString(sample, path, (s) => s + poison));
          expect(result.success).toBe(false);
          expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path.join('.'));
        }
      });
    }
  });
});

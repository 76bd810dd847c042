import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so two bodies that mean the same (`{"a":1,"b":2}` and
 * `{"b":2,"a":1}`, other whitespace) have one text and one fingerprint.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What an Idempotency-Key is bound to: method, path and the canonical body (the raw text when it is not JSON),
 * as payment APIs do, so the same key sent with another amount or another status is recognised as a different
 * request instead of being answered with the first one.
 */
export function requestFingerprint(method: string, path: string, bodyText: string): string {
  let body = bodyText;
  try {
    if (bodyText !== '') body = canonicalJson(JSON.parse(bodyText));
  } catch {
    // Not JSON: the bytes themselves are the request (the route will refuse them anyway).
  }
  return sha256(`${method.toUpperCase()}\n${path}\n${body}`);
}

/**
 * A booking intent's id is its idempotency key; this is what it is bound to. `cancelRequestedAt` is left out:
 * the rider sets it later on the same intent, which stays the same booking.
 */
export function intentFingerprint(intent: { cancelRequestedAt?: string | undefined }): string {
  const { cancelRequestedAt: _, ...booked } = intent;
  return sha256(canonicalJson(booked));
}

import * as Y from 'yjs';

/**
 * Writes `value` as the Y.Map entry `key` of `map`, touching only fields whose value changed, so a refresh
 * that changes nothing produces no update at all (nothing stored, nothing sent to devices).
 */
export function writeEntry(map: Y.Map<unknown>, key: string, value: Record<string, unknown>): void {
  let entry = map.get(key);
  if (!(entry instanceof Y.Map)) {
    entry = new Y.Map<unknown>();
    map.set(key, entry);
  }
  const target = entry as Y.Map<unknown>;
  for (const [field, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const current = target.get(field);
    if (JSON.stringify(current) !== JSON.stringify(v)) target.set(field, v);
  }
  for (const field of [...target.keys()]) if (value[field] === undefined) target.delete(field);
}

/** The plain value of a Y.Map entry (devices write nested Y.Maps; JSON values pass through). */
export function entryValue(value: unknown): unknown {
  return value instanceof Y.Map ? value.toJSON() : value;
}

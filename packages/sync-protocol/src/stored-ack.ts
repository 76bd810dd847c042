import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageTypes } from './message-types';

/** Encodes the server's durable state vector (SS4): everything in it is in the database. */
export function encodeStoredAck(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageTypes.storedAck);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Returns the state vector of a stored-ack message, or null when the message is of another type. */
export function decodeStoredAck(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== messageTypes.storedAck) return null;
  return decoding.readVarUint8Array(decoder);
}

/**
 * Decodes a Yjs state vector (varUint count, then clientID/clock pairs) into a map, without importing yjs so
 * this package stays dependency-light.
 */
export function readStateVector(sv: Uint8Array): Map<number, number> {
  const decoder = decoding.createDecoder(sv);
  const map = new Map<number, number>();
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    map.set(client, decoding.readVarUint(decoder));
  }
  return map;
}

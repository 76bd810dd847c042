import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Presence, presenceTimeoutMs } from './presence';

// The relay must read and write exactly what y-protocols' Awareness (the stock clients') reads and writes.
const clients: Awareness[] = [];
function client(state: Record<string, unknown> | null = {}): Awareness {
  const a = new Awareness(new Y.Doc());
  a.setLocalState(state);
  clients.push(a);
  return a;
}
afterEach(() => {
  for (const a of clients.splice(0)) a.destroy();
});
const announce = (a: Awareness) => encodeAwarenessUpdate(a, [a.clientID]);

describe('Presence', () => {
  it("keeps a stock client's state and hands it to another stock client as it came", () => {
    const phone = client({ user: 'Aline', colour: '#0a0' });
    const presence = new Presence();
    expect(presence.apply(announce(phone), 0)).toEqual({
      changed: [phone.clientID],
      added: [phone.clientID],
      removed: [],
    });
    const laptop = client();
    applyAwarenessUpdate(laptop, presence.encode(presence.present()), 'server');
    expect(laptop.getStates().get(phone.clientID)).toEqual({ user: 'Aline', colour: '#0a0' });
  });

  it('takes a newer clock, ignores an older one, and a leaving client at the same clock removes it', () => {
    const phone = client({ user: 'Aline' });
    const presence = new Presence();
    const first = announce(phone);
    presence.apply(first, 0);
    phone.setLocalStateField('user', 'Aline K.');
    expect(presence.apply(announce(phone), 1).changed).toEqual([phone.clientID]);
    // Arriving late, the older state changes nothing.
    expect(presence.apply(first, 2)).toEqual({ changed: [], added: [], removed: [] });
    const laptop = client();
    applyAwarenessUpdate(laptop, presence.encode([phone.clientID]), 'server');
    expect(laptop.getStates().get(phone.clientID)).toEqual({ user: 'Aline K.' });

    // A stock client leaving sends its state as null with a higher clock.
    phone.setLocalState(null);
    expect(presence.apply(announce(phone), 3)).toEqual({
      changed: [phone.clientID],
      added: [],
      removed: [phone.clientID],
    });
    expect(presence.present()).toEqual([]);
    applyAwarenessUpdate(laptop, presence.encode([phone.clientID]), 'server');
    expect(laptop.getStates().has(phone.clientID)).toBe(false);
  });

  it("removes a closed connection's clients in a form stock clients apply", () => {
    const phone = client({ user: 'Aline' });
    const presence = new Presence();
    presence.apply(announce(phone), 0);
    const laptop = client();
    applyAwarenessUpdate(laptop, presence.encode(presence.present()), 'server');
    expect(presence.remove([phone.clientID, 12345])).toEqual([phone.clientID]);
    expect(presence.remove([phone.clientID])).toEqual([]);
    applyAwarenessUpdate(laptop, presence.encode([phone.clientID]), 'server');
    expect(laptop.getStates().has(phone.clientID)).toBe(false);
    // Removed the way y-protocols removes a remote client: the same clock, state null.
    const reference = client();
    applyAwarenessUpdate(reference, announce(phone), 'server');
    removeAwarenessStates(reference, [phone.clientID], 'test');
    expect(presence.encode([phone.clientID])).toEqual(encodeAwarenessUpdate(reference, [phone.clientID]));
  });

  it('reports clients that stopped renewing after the awareness timeout, and only those', () => {
    const phone = client({ user: 'Aline' });
    const laptop = client({ user: 'Aline' });
    const presence = new Presence();
    presence.apply(announce(phone), 0);
    presence.apply(announce(laptop), 20_000);
    expect(presence.outdated(presenceTimeoutMs - 1)).toEqual([]);
    expect(presence.outdated(presenceTimeoutMs)).toEqual([phone.clientID]);
    phone.setLocalState(phone.getLocalState()); // the renewal stock clients send every 15 s
    presence.apply(announce(phone), 29_000);
    expect(presence.outdated(presenceTimeoutMs + 5_000)).toEqual([]);
  });

  it('refuses a malformed update and keeps nothing of it', () => {
    const presence = new Presence();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{"user":"ok"}');
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{not json');
    expect(() => presence.apply(encoding.toUint8Array(encoder), 0)).toThrow();
    expect(() => presence.apply(new Uint8Array([3, 1]), 0)).toThrow();
    expect(presence.present()).toEqual([]);
  });
});

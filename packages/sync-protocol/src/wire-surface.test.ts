import { describe, expect, it } from 'vitest';
import { closeCodes } from './close-codes';
import {
  driverDocKeys,
  rejectionKey,
  reportDocKeys,
  riderDocKeys,
  serverOnlyKeys,
  WHOLE_DOCUMENT,
} from './doc-keys';
import { docName, driverDoc, parseDocName, reportDoc, riderDoc } from './doc-names';
import { liveMessageTypes } from './live-messages';
import { messageTypes } from './message-types';
import { encodeStoredAck } from './stored-ack';
import { PROTOCOL_VERSION } from './version';

/**
 * Everything a client and the server must agree on, as the version that introduced it left it. Changing any of
 * it without bumping PROTOCOL_VERSION (and adding its entry here and its line in version.ts) fails this test:
 * an old app in a rider's pocket would otherwise meet a server speaking something else under the same number.
 */
const surfaceAt: Record<number, unknown> = {
  3: {
    messageTypes: { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, storedAck: 100 },
    closeCodes: {
      badRequest: 4400,
      unauthenticated: 4401,
      forbidden: 4403,
      tooLarge: 4413,
      upgradeRequired: 4426,
      rateLimited: 4429,
      unknownDocument: 4404,
      serverRestart: 1012,
      tryAgainLater: 1013,
    },
    keys: {
      rider: ['bookingDecisions', 'bookingIntents', 'preferences', 'rejections', 'reports', 'savedRoutes'],
      driver: ['actionResults', 'assignments', 'rejections', 'shift', 'tripActions'],
      report: ['evidence', 'rejections', 'replies', 'report', 'server'],
    },
    serverOnly: {
      rider: ['bookingDecisions', 'rejections'],
      driver: ['actionResults', 'assignments', 'rejections'],
      report: ['rejections', 'replies', 'server'],
    },
    names: ['rider:<uuid>', 'driver:<uuid>', 'report:<uuid>'],
    rejectionKeys: ['bookingIntents/<id>', '*'],
    storedAck: [100, 3, 1, 3, 7],
    live: { server: ['position', 'removed', 'snapshot'], client: ['subscribe'] },
  },
};

const id = '6f1c1b9e-1d7c-4a59-9a43-2f0e2d3c9b10';

function surfaceNow() {
  const names = (['rider', 'driver', 'report'] as const).map((type) => {
    const name = docName(type === 'report' ? reportDoc(id) : type === 'rider' ? riderDoc(id) : driverDoc(id));
    expect(parseDocName(name)).not.toBeNull();
    return name.replace(id, '<uuid>');
  });
  return {
    messageTypes: { ...messageTypes },
    closeCodes: { ...closeCodes },
    keys: {
      rider: Object.values(riderDocKeys).sort(),
      driver: Object.values(driverDocKeys).sort(),
      report: Object.values(reportDocKeys).sort(),
    },
    serverOnly: {
      rider: [...serverOnlyKeys.rider].sort(),
      driver: [...serverOnlyKeys.driver].sort(),
      report: [...serverOnlyKeys.report].sort(),
    },
    names,
    rejectionKeys: [rejectionKey(riderDocKeys.bookingIntents, '<id>'), WHOLE_DOCUMENT],
    // A state vector of one client (id 3 at clock 7): the bytes an app decodes.
    storedAck: [...encodeStoredAck(Uint8Array.of(1, 3, 7))],
    // The /live channel's JSON message types (their vehicle is the domain's schema, versioned with the API).
    live: { server: [...liveMessageTypes.server].sort(), client: [...liveMessageTypes.client].sort() },
  };
}

describe('the wire surface of the sync protocol', () => {
  it(`is what protocol version ${PROTOCOL_VERSION} recorded: a change needs a version bump`, () => {
    expect(surfaceAt[PROTOCOL_VERSION], `no recorded surface for version ${PROTOCOL_VERSION}`).toBeDefined();
    expect(surfaceNow()).toEqual(surfaceAt[PROTOCOL_VERSION]);
  });
});

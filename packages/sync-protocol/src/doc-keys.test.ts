import { describe, expect, it } from 'vitest';
import {
  driverDocKeys,
  parseRejectionKey,
  rejectionKey,
  reportDocKeys,
  riderDocKeys,
  serverOnlyKeys,
  WHOLE_DOCUMENT,
} from './doc-keys';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from './version';

describe('rejections (SS12)', () => {
  it('are server-only in every document type since protocol 3, and older clients are still served', () => {
    expect(serverOnlyKeys.rider).toContain(riderDocKeys.rejections);
    expect(serverOnlyKeys.driver).toContain(driverDocKeys.rejections);
    expect(serverOnlyKeys.report).toContain(reportDocKeys.rejections);
    expect(PROTOCOL_VERSION).toBe(3);
    expect(MIN_PROTOCOL_VERSION).toBe(1);
  });

  it('name an entry by its collection and key, whatever the key holds', () => {
    for (const id of ['6f1c1b9e-1d7c-4a59-9a43-2f0e2d3c9b10', 'a/b', 'k\u0000', ' ', '']) {
      expect(parseRejectionKey(rejectionKey(riderDocKeys.bookingIntents, id))).toEqual({
        collection: 'bookingIntents',
        id,
      });
    }
    expect(rejectionKey(reportDocKeys.report, 'submittedAt')).toBe('report/submittedAt');
    expect(parseRejectionKey(WHOLE_DOCUMENT)).toBeNull();
    expect(parseRejectionKey('/x')).toBeNull();
  });
});

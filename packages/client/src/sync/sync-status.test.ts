import { closeCodes } from '@kigaligo/sync-protocol';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './sync-connection';
import { aggregate, type DocSyncStatus, reasonFor } from './sync-status';

const doc = (over: Partial<DocSyncStatus>): DocSyncStatus => ({
  state: 'online',
  pending: 0,
  lastConfirmedAt: null,
  error: null,
  ...over,
});

describe('aggregate sync status', () => {
  it('is idle with no open documents', () => {
    expect(aggregate([]).state).toBe('idle');
  });

  it('adds pending changes, keeps the latest confirmation and shows the worst state', () => {
    const s = aggregate([
      doc({ pending: 2, lastConfirmedAt: 10 }),
      doc({ state: 'offline', pending: 1, lastConfirmedAt: 30 }),
      doc({ state: 'connecting', lastConfirmedAt: 20 }),
    ]);
    expect(s).toEqual({ state: 'offline', pending: 3, lastConfirmedAt: 30, error: null, documents: 3 });
  });

  it('surfaces an error over everything else', () => {
    const s = aggregate([doc({ state: 'offline' }), doc({ state: 'error', error: 'signed-out' })]);
    expect(s).toMatchObject({ state: 'error', error: 'signed-out' });
  });
});

describe('close codes', () => {
  it('maps each final code to a reason the apps can explain', () => {
    expect(reasonFor(closeCodes.unauthenticated)).toBe('signed-out');
    expect(reasonFor(closeCodes.forbidden)).toBe('forbidden');
    expect(reasonFor(closeCodes.rateLimited)).toBe('rate-limited');
    expect(reasonFor(4499)).toBe('refused');
  });
});

describe('reconnect backoff', () => {
  it('doubles from 200 ms up to the cap, with 50–100 % jitter', () => {
    expect(backoffDelay(1, 30_000, () => 1)).toBe(200);
    expect(backoffDelay(1, 30_000, () => 0)).toBe(100);
    expect(backoffDelay(5, 30_000, () => 1)).toBe(3_200);
    expect(backoffDelay(20, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(20, 30_000, () => 0)).toBe(15_000);
  });
});

import type { SyncStatus } from '@kigaligo/client';
import { formatMessage } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { commonEn } from '../i18n/common-messages';
import { syncStatusText } from './sync-status';

const t = ((key: keyof typeof commonEn, vars?: Record<string, string | number>) =>
  formatMessage('en', commonEn, commonEn, key, vars)) as never;
const base: SyncStatus = { state: 'online', pending: 0, lastConfirmedAt: null, error: null, documents: 1 };
const text = (over: Partial<SyncStatus>) => syncStatusText({ ...base, ...over }, t, 'en');

describe('sync status text', () => {
  it('says everything is saved, with the time in Kigali', () => {
    const now = Date.now();
    const { title, detail } = text({ lastConfirmedAt: now });
    expect(title).toBe('All changes saved');
    expect(detail).toMatch(/^Last saved \d{2}:\d{2}$/);
  });

  it('counts changes waiting while offline and says they are kept', () => {
    expect(text({ state: 'offline', pending: 1 })).toEqual({
      title: '1 change not sent yet',
      detail: 'Offline — changes are kept on this device',
    });
    expect(text({ state: 'offline', pending: 3 }).title).toBe('3 changes not sent yet');
  });

  it('explains an error and that changes are still on the device', () => {
    expect(text({ state: 'error', error: 'signed-out', pending: 2 })).toEqual({
      title: 'Sign in again to save your changes',
      detail: '2 changes not sent yet. Your changes are kept on this device.',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { savedRouteEntries } from './saved-route-entries';

const route = (id: string, createdAt: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: 'Nyabugogo → Kimironko',
  origin: { lat: -1.9406, lon: 30.0445, label: 'Nyabugogo' },
  destination: { lat: -1.9496, lon: 30.1256, label: 'Kimironko' },
  createdAt,
  ...extra,
});
const rejection = {
  code: 'invalid',
  message: 'name: Contains a character that cannot be stored',
  attempts: 1,
  rejectedAt: '2026-12-02T10:00:00.000Z',
  fingerprint: 'abc123',
};

describe('savedRouteEntries', () => {
  it('lists valid routes newest first, with the server mark', () => {
    const { routes, notSent } = savedRouteEntries(
      {
        a: route('a', '2026-12-01T10:00:00.000Z', { serverSavedAt: '2026-12-01T10:00:01.000Z' }),
        b: route('b', '2026-12-02T10:00:00.000Z'),
      },
      {},
    );
    expect(routes.map((r) => [r.id, r.serverSavedAt])).toEqual([
      ['b', undefined],
      ['a', '2026-12-01T10:00:01.000Z'],
    ]);
    expect(notSent).toEqual([]);
  });

  it('shows a rejected route as not sent with what was written, whatever it is (SS12)', () => {
    const { routes, notSent } = savedRouteEntries(
      { bad: route('bad', '2026-12-02T10:00:00.000Z', { name: 'Home\u0000' }) },
      { 'savedRoutes/bad': rejection },
    );
    expect(routes).toEqual([]);
    expect(notSent).toEqual([
      {
        key: 'bad',
        rejection,
        name: 'Home\u0000',
        from: { lat: -1.9406, lon: 30.0445, label: 'Nyabugogo' },
        to: { lat: -1.9496, lon: 30.1256, label: 'Kimironko' },
      },
    ]);
  });

  it('keeps a rejected entry that is not a route at all, with nothing to prefill', () => {
    const { notSent } = savedRouteEntries(
      { x: { name: 42, origin: 'here' } },
      { 'savedRoutes/x': rejection },
    );
    expect(notSent).toEqual([{ key: 'x', rejection, name: null, from: null, to: null }]);
  });

  it('leaves out an entry that is not a route and not (yet) rejected, instead of breaking the list', () => {
    const { routes, notSent } = savedRouteEntries(
      { x: { name: 'half written' }, y: route('other-id', '2026-12-02T10:00:00.000Z') },
      {},
    );
    expect(routes).toEqual([]);
    expect(notSent).toEqual([]);
  });
});

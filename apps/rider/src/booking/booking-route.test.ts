import { describe, expect, it } from 'vitest';
import { bookHref, parseBookingRoute, prefillOf, tripHref } from './booking-route';

describe('booking routes', () => {
  it('round-trips a planned moto leg through the hash', () => {
    const href = bookHref({
      from: { lat: -1.940645, lon: 30.044477, label: 'Nyabugogo bus park' },
      to: { lat: -1.949596, lon: 30.12557, label: 'Kimironko & market' },
      kind: 'moto',
    });
    expect(parseBookingRoute(href)).toEqual({
      screen: 'book',
      prefill: {
        from: { lat: -1.940645, lon: 30.044477, label: 'Nyabugogo bus park' },
        to: { lat: -1.949596, lon: 30.12557, label: 'Kimironko & market' },
        kind: 'moto',
      },
    });
  });
  it('opens an empty form, the list and one trip', () => {
    expect(parseBookingRoute(bookHref())).toEqual({ screen: 'book', prefill: {} });
    expect(parseBookingRoute('#/trips')).toEqual({ screen: 'trips' });
    const id = '6F1C1B9E-1D7C-4A59-9A43-2F0E2D3C9B10';
    expect(parseBookingRoute(tripHref(id))).toEqual({ screen: 'trip', id: id.toLowerCase() });
  });
  it('takes a rejected booking back into the form, replacing it once sent again (SS12)', () => {
    const prefill = prefillOf({
      origin: { lat: -1.940645, lon: 30.044477, label: 'Nyabugogo\u0000' },
      destination: { lat: 95, lon: 30 },
      kind: 'car',
      payerPhone: 12,
    });
    expect(prefill).toEqual({
      from: { lat: -1.940645, lon: 30.044477, label: 'Nyabugogo\u0000' },
      kind: 'car',
    });
    const key = '6f1c1b9e-1d7c-4a59-9a43-2f0e2d3c9b10';
    expect(parseBookingRoute(bookHref({ ...prefill, replaces: key }))).toEqual({
      screen: 'book',
      prefill: { ...prefill, replaces: key },
    });
    expect(prefillOf({ origin: 'here', destination: null })).toEqual({});
  });
  it('ignores what is not a booking screen or not a valid place', () => {
    expect(parseBookingRoute('#/plan')).toBeNull();
    expect(parseBookingRoute('')).toBeNull();
    expect(parseBookingRoute('#/trips/not-an-id')).toBeNull();
    expect(parseBookingRoute('#/book?from=abc&to=-1.9,300&kind=bus')).toEqual({
      screen: 'book',
      prefill: {},
    });
  });
});

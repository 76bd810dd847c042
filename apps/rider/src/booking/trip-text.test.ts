import type { BookingDecision, BookingIntent } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { bookingEn } from './booking-messages';
import { paymentText, stageText } from './trip-text';

const t = (key: keyof typeof bookingEn, vars: Record<string, string | number> = {}) =>
  bookingEn[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));
const intent: BookingIntent = {
  id: '6f1c1b9e-1d7c-4a59-9a43-2f0e2d3c9b10',
  kind: 'moto',
  origin: { lat: -1.94, lon: 30.04 },
  destination: { lat: -1.95, lon: 30.12 },
  paymentMethod: 'mobile_money',
  payerPhone: '+250788123456',
  createdAt: '2026-11-25T06:00:00.000Z',
};
const decision = (over: object = {}) =>
  ({
    status: 'confirmed',
    intentId: intent.id,
    tripId: '0b7f9f0e-8f51-4c1e-b0a4-6b8d1f2a3c4d',
    tripStatus: 'accepted',
    vehicle: { id: '1e3f0f0e-8f51-4c1e-b0a4-6b8d1f2a3c4d', plate: 'RD 412 K', kind: 'moto' },
    driver: { id: '2e3f0f0e-8f51-4c1e-b0a4-6b8d1f2a3c4d', name: 'Jean Bosco', phone: null },
    etaMinutes: 6,
    fare: { amount: 1535, currency: 'RWF' },
    payment: { method: 'mobile_money', status: 'succeeded', amount: 1535, refundedAmount: 0 },
    cancellationFee: 0,
    decidedAt: '2026-11-25T06:00:05.000Z',
    updatedAt: '2026-11-25T06:00:05.000Z',
    ...over,
  }) as BookingDecision;

describe('stageText', () => {
  it('says the booking waits on the phone, then that a vehicle is being found', () => {
    expect(stageText(t, { intent, decision: null }, 'waiting').title).toBe('Waiting to send');
    expect(stageText(t, { intent, decision: null }, 'sent').title).toBe('Finding you a vehicle…');
  });
  it('gives the trip status and the driver’s ETA while they come', () => {
    expect(stageText(t, { intent, decision: decision() }, 'confirmed')).toEqual({
      title: 'Your driver is on the way',
      detail: 'Arrives in about 6 min',
    });
    expect(
      stageText(t, { intent, decision: decision({ tripStatus: 'in_progress' }) }, 'confirmed').detail,
    ).toBe('');
    // A live position moves the figure; on board, it counts down to the destination.
    expect(stageText(t, { intent, decision: decision() }, 'confirmed', { liveEta: 3 }).detail).toBe(
      'Arrives in about 3 min',
    );
    expect(
      stageText(t, { intent, decision: decision({ tripStatus: 'in_progress' }) }, 'confirmed', { liveEta: 9 })
        .detail,
    ).toBe('At the destination in about 9 min');
  });
  it('says which driver is asked and for how long, then that it moves on', () => {
    const now = new Date('2026-11-25T06:00:10.000Z');
    const offered = decision({
      tripStatus: 'assigned',
      offer: { expiresAt: '2026-11-25T06:00:30.000Z', attempt: 2 },
    });
    expect(stageText(t, { intent, decision: offered }, 'confirmed', { now })).toEqual({
      title: 'Driver found — waiting for them to accept',
      detail: 'Asking driver 2 of up to 4: 20 s left for them to accept.',
    });
    const over = new Date('2026-11-25T06:00:31.000Z');
    expect(stageText(t, { intent, decision: offered }, 'confirmed', { now: over }).detail).toBe(
      'No answer in time — asking the next driver nearby…',
    );
  });
  it('explains a rejection in plain words, falling back to the server’s sentence', () => {
    const rejected = (reason: string) =>
      ({
        status: 'rejected',
        intentId: intent.id,
        reason,
        message: 'Server says no.',
        decidedAt: intent.createdAt,
      }) as BookingDecision;
    expect(stageText(t, { intent, decision: rejected('stale') }, 'rejected').detail).toMatch(/too late/);
    expect(stageText(t, { intent, decision: rejected('new_reason') }, 'rejected').detail).toBe(
      'Server says no.',
    );
  });
  it('names the fee a cancellation cost', () => {
    const d = decision({ tripStatus: 'cancelled', cancellationFee: 400 });
    expect(stageText(t, { intent, decision: d }, 'cancelled').detail).toBe('Cancellation fee: RWF 400');
  });
});

describe('paymentText', () => {
  it('says how and whether the trip is paid', () => {
    expect(
      paymentText(t, { method: 'mobile_money', status: 'succeeded', amount: 1535, refundedAmount: 0 }),
    ).toBe('Mobile money · Paid');
    expect(paymentText(t, { method: 'cash', status: 'pending', amount: 1535, refundedAmount: 0 })).toBe(
      'Cash · Pay the driver in cash',
    );
    expect(
      paymentText(t, { method: 'card', status: 'partially_refunded', amount: 1535, refundedAmount: 500 }),
    ).toBe('Card · Paid, RWF 500 refunded');
  });
});

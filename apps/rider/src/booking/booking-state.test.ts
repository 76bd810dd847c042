import type { BookingDecision, BookingIntent } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import {
  bookingStage,
  canCancel,
  cancelFeeNow,
  estimateRide,
  isLiveTrip,
  mobileOperator,
  normalisePhone,
  paymentFailed,
  rejectReasonKey,
} from './booking-state';

const nyabugogo = { lat: -1.940645, lon: 30.044477, label: 'Nyabugogo' };
const kimironko = { lat: -1.949596, lon: 30.12557, label: 'Kimironko' };
const intent: BookingIntent = {
  id: '6f1c1b9e-1d7c-4a59-9a43-2f0e2d3c9b10',
  kind: 'moto',
  origin: nyabugogo,
  destination: kimironko,
  paymentMethod: 'cash',
  createdAt: '2026-11-25T06:00:00.000Z',
};
const confirmed = (
  over: Partial<Extract<BookingDecision, { status: 'confirmed' }>> = {},
): BookingDecision => ({
  status: 'confirmed',
  intentId: intent.id,
  tripId: '0b7f9f0e-8f51-4c1e-b0a4-6b8d1f2a3c4d' as never,
  tripStatus: 'accepted',
  vehicle: { id: '1e3f0f0e-8f51-4c1e-b0a4-6b8d1f2a3c4d' as never, plate: 'RD 412 K', kind: 'moto' },
  driver: { id: '2e3f0f0e-8f51-4c1e-b0a4-6b8d1f2a3c4d' as never, name: 'Jean Bosco', phone: null },
  etaMinutes: 4,
  fare: { amount: 1500, currency: 'RWF' },
  payment: { method: 'cash', status: 'pending', amount: 1500, refundedAmount: 0 },
  cancellationFee: 0,
  decidedAt: '2026-11-25T06:00:05.000Z',
  updatedAt: '2026-11-25T06:00:05.000Z',
  ...over,
});
const rejected: BookingDecision = {
  status: 'rejected',
  intentId: intent.id,
  reason: 'no_vehicle_available',
  message: 'No moto-taxi is free near your pickup right now.',
  decidedAt: '2026-11-25T06:00:05.000Z',
};

describe('bookingStage', () => {
  it('is "waiting" while the document has unsent changes and no decision came back', () => {
    expect(bookingStage({ intent, decision: null }, 2)).toBe('waiting');
  });
  it('is "sent" once the server has stored it but not decided', () => {
    expect(bookingStage({ intent, decision: null }, 0)).toBe('sent');
  });
  it('follows the decision: confirmed, rejected, then the trip’s end', () => {
    expect(bookingStage({ intent, decision: confirmed() }, 3)).toBe('confirmed');
    expect(bookingStage({ intent, decision: rejected }, 0)).toBe('rejected');
    expect(bookingStage({ intent, decision: confirmed({ tripStatus: 'completed' }) }, 0)).toBe('completed');
    expect(bookingStage({ intent, decision: confirmed({ tripStatus: 'cancelled' }) }, 0)).toBe('cancelled');
  });
  it('shows a cancel request as "cancelling" until the server cancels the trip', () => {
    const asked = { ...intent, cancelRequestedAt: '2026-11-25T06:02:00.000Z' };
    expect(bookingStage({ intent: asked, decision: confirmed() }, 1)).toBe('cancelling');
    expect(bookingStage({ intent: asked, decision: null }, 1)).toBe('cancelling');
    // Never booked: once the server has the request there is nothing left to answer.
    expect(bookingStage({ intent: asked, decision: null }, 0)).toBe('cancelled');
    expect(bookingStage({ intent: asked, decision: confirmed({ tripStatus: 'cancelled' }) }, 0)).toBe(
      'cancelled',
    );
  });
});

describe('cancelling', () => {
  it('is allowed before a decision and until the trip starts, and only once', () => {
    expect(canCancel({ intent, decision: null })).toBe(true);
    expect(canCancel({ intent, decision: confirmed({ tripStatus: 'driver_arrived' }) })).toBe(true);
    expect(canCancel({ intent, decision: confirmed({ tripStatus: 'in_progress' }) })).toBe(false);
    expect(canCancel({ intent, decision: rejected })).toBe(false);
    expect(canCancel({ intent: { ...intent, cancelRequestedAt: intent.createdAt }, decision: null })).toBe(
      false,
    );
  });
  it('is free until the driver arrives, then costs the domain’s fee for the kind', () => {
    expect(cancelFeeNow({ intent, decision: confirmed({ tripStatus: 'accepted' }) })).toBe(0);
    expect(cancelFeeNow({ intent, decision: confirmed({ tripStatus: 'driver_arrived' }) })).toBe(400);
    const car = { ...intent, kind: 'car' as const };
    expect(cancelFeeNow({ intent: car, decision: confirmed({ tripStatus: 'driver_arrived' }) })).toBe(1500);
  });
});

describe('trip flags', () => {
  it('shows the vehicle live from assignment until the trip ends', () => {
    expect(isLiveTrip(confirmed({ tripStatus: 'assigned' }))).toBe(true);
    expect(isLiveTrip(confirmed({ tripStatus: 'completed' }))).toBe(false);
    expect(isLiveTrip(rejected)).toBe(false);
    expect(isLiveTrip(null)).toBe(false);
  });
  it('offers paying another way only for a failed payment on a trip still on', () => {
    const failed = { method: 'card' as const, status: 'failed' as const, amount: 1500, refundedAmount: 0 };
    expect(paymentFailed(confirmed({ payment: failed }))).toBe(true);
    expect(paymentFailed(confirmed({ payment: failed, tripStatus: 'cancelled' }))).toBe(false);
    expect(paymentFailed(confirmed())).toBe(false);
  });
  it('knows the domain’s reject reasons and nothing else', () => {
    expect(rejectReasonKey('stale')).toBe('book.reject.stale');
    expect(rejectReasonKey('something_new')).toBeNull();
  });
});

describe('estimateRide', () => {
  it('prices the planner’s road distance with the RURA meter tariffs', () => {
    const moto = estimateRide('moto', nyabugogo, kimironko);
    // 9.03 km straight × 1.3 detour ≈ 11.7 km: 400 + 9.7 km × 117.
    expect(moto.meters).toBeGreaterThan(11_000);
    expect(moto.meters).toBeLessThan(12_500);
    expect(moto.fare).toEqual({
      amount: Math.round(400 + ((moto.meters - 2000) / 1000) * 117),
      currency: 'RWF',
    });
    const car = estimateRide('car', nyabugogo, kimironko);
    expect(car.fare.amount).toBe(Math.round((car.meters / 1000) * 500));
  });
  it('charges the car minimum on a short hop', () => {
    expect(estimateRide('car', nyabugogo, { lat: -1.9415, lon: 30.0455 }).fare.amount).toBe(1500);
  });
});

describe('mobile-money numbers', () => {
  it('accepts the ways Rwandans write a number', () => {
    expect(normalisePhone('0788 123 456')).toBe('+250788123456');
    expect(normalisePhone('250-722-123-456')).toBe('+250722123456');
    expect(normalisePhone('+250 733 123 456')).toBe('+250733123456');
  });
  it('tells MTN from Airtel by prefix', () => {
    expect(mobileOperator('0788123456')).toBe('mtn');
    expect(mobileOperator('+250 791 234 567')).toBe('mtn');
    expect(mobileOperator('0722123456')).toBe('airtel');
    expect(mobileOperator('0731234567')).toBe('airtel');
    expect(mobileOperator('0755123456')).toBeNull();
    expect(mobileOperator('12')).toBeNull();
  });
});

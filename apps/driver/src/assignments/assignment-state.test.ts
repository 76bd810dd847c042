import type { DriverActionInput, DriverActionResult, DriverAssignment } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { actionState, actionsFor, needsCashConfirmation, orderAssignments } from './assignment-state';

const trip = '0b7f9f0e-8f51-4c1e-b0a4-6b8d1f2a3c4d';
const action = (id: string, at: string, over: Partial<DriverActionInput> = {}): DriverActionInput =>
  ({ id, tripId: trip, action: 'accept', at, ...over }) as DriverActionInput;
const ok = (status: DriverActionResult['tripStatus']): DriverActionResult => ({
  ok: true,
  tripStatus: status,
  appliedAt: '2026-11-25T06:00:10.000Z',
});

describe('actionsFor', () => {
  it('follows the trip state machine one step at a time', () => {
    expect(actionsFor('assigned')).toEqual(['accept', 'decline']);
    expect(actionsFor('accepted')).toEqual(['arrive']);
    expect(actionsFor('driver_arrived')).toEqual(['start']);
    expect(actionsFor('in_progress')).toEqual(['complete']);
    expect(actionsFor('completed')).toEqual([]);
    expect(actionsFor('cancelled')).toEqual([]);
  });
});

describe('actionState', () => {
  it('is pending until the server answers the latest action', () => {
    const a = action('a1', '2026-11-25T06:00:00.000Z');
    expect(actionState(trip, [a], {})).toEqual({ pending: a, refused: null, rejected: null });
    expect(actionState(trip, [a], { a1: ok('accepted') })).toEqual({
      pending: null,
      refused: null,
      rejected: null,
    });
  });
  it('shows a refusal until the driver acts again', () => {
    const a = action('a1', '2026-11-25T06:00:00.000Z', { action: 'start' });
    const refused: DriverActionResult = {
      ok: false,
      tripStatus: 'accepted',
      error: { code: 'invalid_transition', message: 'Mark arrived before starting the trip' },
      appliedAt: '2026-11-25T06:00:05.000Z',
    };
    expect(actionState(trip, [a], { a1: refused }).refused?.code).toBe('invalid_transition');
    const again = action('a2', '2026-11-25T06:01:00.000Z', { action: 'arrive' });
    expect(actionState(trip, [again, a], { a1: refused })).toEqual({
      pending: again,
      refused: null,
      rejected: null,
    });
  });
  it('shows the latest action as not sent when the server rejected it (SS12), over any older answer', () => {
    const a = action('a1', '2026-11-25T06:00:00.000Z', { action: 'arrive' });
    const rejection = {
      code: 'server_error' as const,
      message: 'bug',
      attempts: 5,
      rejectedAt: '2026-11-25T06:00:30.000Z',
      fingerprint: 'f',
    };
    expect(actionState(trip, [a], {}, { a1: rejection })).toEqual({
      pending: null,
      refused: null,
      rejected: { action: a, rejection },
    });
    const again = action('a2', '2026-11-25T06:01:00.000Z', { action: 'arrive' });
    expect(actionState(trip, [a, again], {}, { a1: rejection })).toEqual({
      pending: again,
      refused: null,
      rejected: null,
    });
  });
  it('looks only at the trip asked about', () => {
    const other = action('b1', '2026-11-25T06:00:00.000Z', {
      tripId: '1b7f9f0e-8f51-4c1e-b0a4-6b8d1f2a3c4d' as never,
    });
    expect(actionState(trip, [other], {})).toEqual({ pending: null, refused: null, rejected: null });
  });
});

describe('orderAssignments', () => {
  const a = (tripId: string, status: DriverAssignment['status'], assignedAt: string) =>
    ({ tripId, status, assignedAt }) as DriverAssignment;
  it('puts live trips first, newest first, then a few finished ones', () => {
    const list = [
      a('done-old', 'completed', '2026-11-25T04:00:00Z'),
      a('live-old', 'accepted', '2026-11-25T05:00:00Z'),
      a('done-new', 'cancelled', '2026-11-25T06:30:00Z'),
      a('live-new', 'assigned', '2026-11-25T06:00:00Z'),
    ];
    expect(orderAssignments(list, 1).map((x) => x.tripId)).toEqual(['live-new', 'live-old', 'done-new']);
  });
});

describe('needsCashConfirmation', () => {
  it('asks for the cash only when completing a cash trip', () => {
    expect(needsCashConfirmation({ status: 'in_progress', paymentMethod: 'cash' })).toBe(true);
    expect(needsCashConfirmation({ status: 'in_progress', paymentMethod: 'card' })).toBe(false);
    expect(needsCashConfirmation({ status: 'accepted', paymentMethod: 'cash' })).toBe(false);
  });
});

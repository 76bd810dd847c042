import { describe, expect, it } from 'vitest';
import { isEditable, isFinal, riderReportState } from './report-state';

const sent = '2026-12-02T08:00:00.000Z';
const later = '2026-12-02T08:00:05.000Z';
const base = { submittedAt: sent, pendingChanges: 0, uploadsWaiting: 0 };

describe('riderReportState', () => {
  it('is a draft until the rider sends it, whatever else is there', () => {
    expect(riderReportState({ ...base, submittedAt: undefined, server: {} })).toBe('draft');
  });

  it('waits to send while the server has not answered, changes or files are on the device', () => {
    expect(riderReportState({ ...base, server: {} })).toBe('waiting');
    const received = { status: 'submitted' as const, receivedAt: later, updatedAt: later };
    expect(riderReportState({ ...base, uploadsWaiting: 1, server: received })).toBe('waiting');
    expect(riderReportState({ ...base, server: { ...received, missingEvidence: ['a'.repeat(64)] } })).toBe(
      'waiting',
    );
    expect(riderReportState({ ...base, server: received })).toBe('submitted');
  });

  it('asks for changes when the server could not file it, until the rider sends it again', () => {
    const refused = {
      status: 'submitted' as const,
      receivedAt: later,
      updatedAt: later,
      problems: [{ path: 'tripId', message: 'This trip is not one of yours' }],
    };
    expect(riderReportState({ ...base, server: refused })).toBe('needs-changes');
    expect(riderReportState({ ...base, pendingChanges: 1, server: refused })).toBe('waiting');
    const resent = '2026-12-02T08:10:00.000Z';
    expect(riderReportState({ ...base, submittedAt: resent, server: refused })).toBe('waiting');
  });

  it('is not sent when the server rejected the submission (SS12), until the rider sends it again', () => {
    const rejection = { rejectedAt: later };
    const received = { status: 'submitted' as const, receivedAt: later, updatedAt: later };
    expect(riderReportState({ ...base, server: {}, rejection })).toBe('not-sent');
    expect(riderReportState({ ...base, server: received, rejection })).toBe('not-sent');
    expect(isEditable('not-sent')).toBe(true);
    expect(riderReportState({ ...base, pendingChanges: 1, server: {}, rejection })).toBe('waiting');
    const resent = '2026-12-02T08:10:00.000Z';
    expect(riderReportState({ ...base, submittedAt: resent, server: {}, rejection })).toBe('waiting');
  });

  it('asks for changes when the server refused a file of a report it has not filed', () => {
    const waitingFor = {
      status: 'submitted' as const,
      receivedAt: later,
      updatedAt: later,
      missingEvidence: ['b'.repeat(64)],
    };
    expect(riderReportState({ ...base, uploadsRefused: 1, server: {} })).toBe('needs-changes');
    expect(riderReportState({ ...base, uploadsRefused: 1, server: waitingFor })).toBe('needs-changes');
    // Filed already (the server had the file from elsewhere): a refusal here changes nothing.
    const filed = { status: 'submitted' as const, receivedAt: later, updatedAt: later };
    expect(riderReportState({ ...base, uploadsRefused: 1, server: filed })).toBe('submitted');
  });

  it('follows the server’s status once filed', () => {
    const at = { receivedAt: later, updatedAt: later };
    expect(riderReportState({ ...base, server: { ...at, status: 'triage' } })).toBe('review');
    expect(riderReportState({ ...base, server: { ...at, status: 'investigating' } })).toBe('review');
    expect(riderReportState({ ...base, server: { ...at, status: 'resolved' } })).toBe('resolved');
    expect(riderReportState({ ...base, server: { ...at, status: 'dismissed' } })).toBe('dismissed');
  });

  it('lets the rider edit drafts and refused reports only, and stops at resolved or dismissed', () => {
    expect(['draft', 'needs-changes'].every((s) => isEditable(s as never))).toBe(true);
    expect(isEditable('waiting')).toBe(false);
    expect(isFinal('resolved') && isFinal('dismissed')).toBe(true);
    expect(isFinal('review')).toBe(false);
  });
});

import { type AdminReportSummary, reportQueueQuery } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { defaultFilters, filterReports, queueRequest, sortQueue } from './report-filters';

const report = (over: Partial<AdminReportSummary>): AdminReportSummary =>
  ({
    id: crypto.randomUUID(),
    category: 'harassment',
    description: 'The driver shouted at me',
    occurredAt: '2026-12-01T20:00:00.000Z',
    location: { lat: -1.95, lon: 30.06 },
    anonymous: false,
    tripId: null,
    vehicleId: null,
    evidence: [],
    status: 'submitted',
    submittedAt: '2026-12-01T20:05:00.000Z',
    createdAt: '2026-12-01T20:05:01.000Z',
    updatedAt: '2026-12-01T20:05:01.000Z',
    reporter: { id: crypto.randomUUID(), name: 'Grace' },
    driverId: null,
    severity: 'medium',
    severityScore: 30,
    ...over,
  }) as AdminReportSummary;

const query = (path: string) =>
  reportQueueQuery.safeParse(Object.fromEntries(new URL(path, 'http://x').searchParams));

describe('queueRequest', () => {
  it('writes filters the API accepts, with Kigali days as instants', () => {
    const { path } = queueRequest({
      severity: ['high', 'critical'],
      status: ['triage'],
      from: '2026-12-01',
      to: '2026-12-02',
      bbox: [30.0, -2.0, 30.1, -1.9],
    });
    const parsed = query(path);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      severity: ['high', 'critical'],
      status: ['triage'],
      from: '2026-11-30T22:00:00.000Z',
      to: '2026-12-02T21:59:59.999Z',
      bbox: [30, -2, 30.1, -1.9],
    });
  });

  it('leaves out filters not set', () => {
    expect(queueRequest({ ...defaultFilters, status: [] }).path).toBe('/api/reports?limit=200');
    expect(query(queueRequest(defaultFilters).path).data?.status).toEqual([
      'submitted',
      'triage',
      'investigating',
    ]);
  });
});

describe('filterReports', () => {
  const a = report({ severity: 'critical', status: 'triage', occurredAt: '2026-12-01T21:30:00.000Z' });
  const b = report({ severity: 'low', status: 'resolved', location: null });
  const c = report({
    severity: 'high',
    location: { lat: -1.5, lon: 29.5 },
    occurredAt: '2026-11-29T08:00:00.000Z',
  });

  it('applies the same filters as the server, on the device', () => {
    expect(filterReports([a, b, c], defaultFilters)).toEqual([a, c]);
    expect(filterReports([a, b, c], { ...defaultFilters, status: [], severity: ['low'] })).toEqual([b]);
    // 21:30 UTC on 1 Dec is 23:30 in Kigali, still 1 Dec there.
    expect(
      filterReports([a, b, c], { ...defaultFilters, status: [], from: '2026-12-01', to: '2026-12-01' }),
    ).toEqual([a, b]);
    // Reports without a place fall outside every area.
    expect(filterReports([a, b, c], { ...defaultFilters, status: [], bbox: [30, -2, 30.1, -1.9] })).toEqual([
      a,
    ]);
  });

  it('orders the queue most severe first, then newest', () => {
    const older = report({ severityScore: 80, createdAt: '2026-12-01T10:00:00.000Z' });
    const newer = report({ severityScore: 80, createdAt: '2026-12-01T11:00:00.000Z' });
    const mild = report({ severityScore: 10 });
    expect(sortQueue([mild, older, newer])).toEqual([newer, older, mild]);
  });
});

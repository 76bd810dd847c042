import { describe, expect, it } from 'vitest';
import { evidenceToKeep, isFiled, type ReportOnPhone } from './evidence-janitor';

const ref = (n: number) => ({
  sha256: String(n).padStart(64, '0'),
  mime: 'image/jpeg' as const,
  bytes: 1000,
});
const filed: ReportOnPhone = {
  evidence: [ref(1)],
  submittedAt: '2026-12-02T08:00:00.000Z',
  server: {
    status: 'submitted',
    receivedAt: '2026-12-02T08:00:05.000Z',
    updatedAt: '2026-12-02T08:00:05.000Z',
  },
  pending: 0,
};

describe('which evidence a rider phone keeps', () => {
  it('lets go of a filed report’s files, keeps every other report’s', () => {
    expect(isFiled(filed)).toBe(true);
    const draft = { ...filed, evidence: [ref(2)], submittedAt: undefined, server: {} };
    const unsent = { ...filed, evidence: [ref(3)], pending: 1 };
    const waitingForFile = {
      ...filed,
      evidence: [ref(4)],
      server: { ...filed.server, missingEvidence: [ref(4).sha256] },
    };
    const resent = { ...filed, evidence: [ref(5)], submittedAt: '2026-12-02T09:00:00.000Z' };
    const needsChanges = {
      ...filed,
      evidence: [ref(6)],
      server: { ...filed.server, problems: [{ path: 'description', message: 'x' }] },
    };
    for (const r of [draft, unsent, waitingForFile, resent, needsChanges]) expect(isFiled(r)).toBe(false);
    expect([...evidenceToKeep([filed, draft, unsent, waitingForFile, resent, needsChanges])].sort()).toEqual(
      [2, 3, 4, 5, 6].map((n) => ref(n).sha256),
    );
  });

  it('keeps a file two reports share while either needs it', () => {
    const draft = { ...filed, submittedAt: undefined, server: {} };
    expect(evidenceToKeep([filed, draft])).toEqual(new Set([ref(1).sha256]));
  });
});

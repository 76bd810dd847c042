import { auditActions } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { reportAdminEn, reportAdminRw } from '../reports/report-messages';

describe('audit action names', () => {
  it('every action the server records has a name in English and Kinyarwanda', () => {
    for (const action of auditActions) {
      const key = `audit.action.${action}` as const;
      expect(reportAdminEn[key], action).toMatch(/\S/);
      expect(reportAdminRw[key], action).toMatch(/\S/);
      expect(reportAdminRw[key]).not.toBe(reportAdminEn[key]);
    }
  });
});

import { assessSeverity, formatMessage } from '@kigaligo/domain';
import { describe, expect, it } from 'vitest';
import { type ReportAdminKey, reportAdminEn, reportAdminRw } from './report-messages';
import { severityReasonText } from './severity-reason';

const translate = (lang: 'en' | 'rw') => (key: ReportAdminKey, vars?: Record<string, string | number>) =>
  formatMessage(lang, lang === 'en' ? reportAdminEn : reportAdminRw, reportAdminEn, key, vars);

describe('severity reasons in the admin language', () => {
  const assessed = assessSeverity({
    category: 'harassment',
    description: 'He had a knife and I called the police',
    occurredAt: '2026-03-10T21:30:00Z',
    tripInProgress: true,
    priorReports: 1,
  });

  it('writes every reason the domain gives in English exactly as the server does', () => {
    for (const r of assessed.reasons) {
      const text = severityReasonText(r, translate('en'));
      // Categories are named as the console names them ("Harassment"), the rest word for word.
      if (r.rule.startsWith('category.')) expect(text).toBe('Category: Harassment');
      else expect(text).toBe(r.reason);
    }
  });

  it('writes them in Kinyarwanda, plural by count', () => {
    const rw = assessed.reasons.map((r) => severityReasonText(r, translate('rw')));
    expect(rw).toContain('Raporo 1 yabanje ku mushoferi cyangwa ikinyabiziga kimwe');
    expect(rw.some((text) => text.startsWith('Havugwamo intwaro ("knife")'))).toBe(true);
    for (const text of rw) expect(text).not.toMatch(/Mentions|Happened|Category/);
  });

  it('falls back to the stored text for an unknown rule or a reason stored without its blanks', () => {
    expect(
      severityReasonText({ rule: 'new.rule', points: 5, reason: 'Something new' }, translate('rw')),
    ).toBe('Something new');
    const old = { rule: 'keyword.weapon', points: 40, reason: 'Mentions a weapon ("gun")' };
    expect(severityReasonText(old, translate('rw'))).toBe('Mentions a weapon ("gun")');
  });
});

import type { SeverityReason } from '@kigaligo/domain';
import type { ReportAdminKey } from './report-messages';

type Translate = (key: ReportAdminKey, vars?: Record<string, string | number>) => string;

/**
 * A severity reason in the admin's language, from its rule and blanks. A rule this app does not know, or a
 * reason stored before reasons carried their blanks, is shown as the server wrote it.
 */
export function severityReasonText(r: SeverityReason, t: Translate): string {
  const vars = r.vars ?? {};
  const key = (r.rule.startsWith('category.') ? 'severity.category' : `severity.${r.rule}`) as ReportAdminKey;
  const filled =
    key === 'severity.category' && typeof vars.category === 'string'
      ? { ...vars, category: t(`reportCategory.${vars.category}` as ReportAdminKey) }
      : vars;
  const text = t(key, filled);
  return text === key || /\{\w+\}/.test(text) ? r.reason : text;
}

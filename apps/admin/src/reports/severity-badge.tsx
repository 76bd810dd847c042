import type { SeverityLevel } from '@kigaligo/domain';
import { useReportAdminI18n } from './report-messages';

export function SeverityBadge({ level, score }: { level: SeverityLevel; score?: number }) {
  const { t } = useReportAdminI18n();
  return (
    <span className={`kg-badge kg-severity kg-severity--${level}`} data-testid="severity" data-level={level}>
      {t(`severity.${level}`)}
      {score !== undefined ? (
        <span className="kg-severity-score"> · {t('severity.score', { score })}</span>
      ) : null}
    </span>
  );
}

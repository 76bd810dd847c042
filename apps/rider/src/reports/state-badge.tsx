import { useReportI18n } from './report-messages';
import type { RiderReportState } from './report-state';

/** The report's state as a badge, and optionally the sentence explaining it. */
export function StateBadge({ state, hint = false }: { state: RiderReportState; hint?: boolean }) {
  const { t } = useReportI18n();
  return (
    <div className="kg-report-state">
      <span
        className={`kg-badge kg-report-badge kg-report-badge--${state}`}
        data-testid="report-state"
        data-state={state}
      >
        {t(`state.${state}`)}
      </span>
      {hint ? <p className="kg-muted kg-small">{t(`stateHint.${state}`)}</p> : null}
    </div>
  );
}

import './safety-link.css';
import { useReportI18n } from './report-messages';
import { safetyHref } from './report-route';
import { ShieldIcon } from './shield-icon';

/** "Safety" on the home screen: report something, see my reports. */
export function SafetyLink() {
  const { t } = useReportI18n();
  return (
    <a className="kg-safety-cta" href={safetyHref}>
      <span className="kg-safety-cta-icon">
        <ShieldIcon />
      </span>
      <span className="kg-safety-cta-text">
        <span className="kg-safety-cta-title">{t('safety.open')}</span>
        <span className="kg-safety-cta-hint">{t('safety.openHint')}</span>
      </span>
      <span aria-hidden="true">→</span>
    </a>
  );
}

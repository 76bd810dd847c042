// Styles ship with the components so an app gets the design by importing the package.
import './styles/base.css';
import './styles/controls.css';
import './styles/surfaces.css';
import './styles/shell.css';
import './styles/layout.css';
import './styles/sync.css';
import './map/live-map.css';
import './map/points-map.css';
import './map/offline-map.css';
import './styles/notifications.css';
import './styles/mfa.css';
import './styles/sessions.css';

export { fetchBackgroundTierWhenIdle } from './background-tier';
export { AccountSecurityCard } from './components/account-security-card';
export { Alert } from './components/alert';
export { AppHeader, type AppHeaderProps } from './components/app-header';
export { AuthLayout, type AuthLayoutProps } from './components/auth-layout';
export { Button, type ButtonProps } from './components/button';
export { Avatar, Card, type CardProps, EmptyState } from './components/card';
export { ConnectivityBadge, OfflineBanner } from './components/connectivity';
export { LanguageSwitch } from './components/language-switch';
export { Logo, LogoMark } from './components/logo';
export { MfaCard } from './components/mfa/mfa-card';
export { MfaChallengeForm } from './components/mfa/mfa-challenge-form';
export { MfaEnrolmentScreen } from './components/mfa/mfa-enrolment-screen';
export { DocumentNotSent, NotSent } from './components/not-sent';
export { NotificationsCard } from './components/notifications-card';
export { ForgotPasswordPage, ResetPasswordPage } from './components/password-reset/password-reset-pages';
export { useResetLink } from './components/password-reset/reset-link';
export { formatDate, greetingKey, ProfileCard } from './components/profile-card';
export { SettingsCard } from './components/settings-card';
export { SignInForm, type SignInFormProps } from './components/sign-in-form';
export { SyncStatus, syncStatusText } from './components/sync-status';
export { TextField, type TextFieldProps } from './components/text-field';
export { reloadOnControllerChange, UpdateBanner } from './components/update-banner';
export { formatRwf } from './format/money';
export { actionErrorMessage } from './forms/action-error';
export { type ErrorContext, errorMessage, fieldErrorsFrom } from './forms/error-message';
export { useZodForm } from './forms/use-zod-form';
export { type CommonKey, commonEn, commonRw } from './i18n/common-messages';
export {
  I18nProvider,
  type I18nProviderProps,
  type Lang,
  languages,
  type Messages,
  type Translate,
  useI18n,
} from './i18n/i18n-context';
export { unclutterLabels } from './map/label-placement';
export {
  LiveMap,
  type LiveMapProps,
  type MapBBox,
  type MapPin,
  type VehicleSelection,
} from './map/live-map';
export { kigaliClock, type LiveKey, useLiveText, vehicleName } from './map/live-messages';
export { fetchJsonCached } from './map/map-data';
export { type BasemapKind, type OpenedMap, openMap } from './map/map-setup';
export { OfflineMapCard } from './map/offline-map-card';
export { type MapPoint, PointsMap, type PointsMapProps } from './map/points-map';
export { VehicleDetails } from './map/vehicle-details';
export { whenIdle } from './when-idle';

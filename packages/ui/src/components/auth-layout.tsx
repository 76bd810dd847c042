import { useOnline } from '@kigaligo/client';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { ConnectivityBadge } from './connectivity';
import { LanguageSwitch } from './language-switch';
import { Logo } from './logo';

export interface AuthLayoutProps {
  product?: string | undefined;
  title: string;
  subtitle?: string | undefined;
  children: ReactNode;
  footer?: ReactNode;
}

/** The signed-out screen: brand, one focused card, and the language switch within reach. */
export function AuthLayout({ product, title, subtitle, children, footer }: AuthLayoutProps) {
  const online = useOnline();
  const { t } = useI18n();
  return (
    <div className="kg-auth">
      <div className="kg-auth-top">
        <Logo product={product} />
        <div className="kg-header-actions">
          <ConnectivityBadge />
          <LanguageSwitch />
        </div>
      </div>
      <main className="kg-auth-main">
        <div className="kg-auth-card">
          <h1 className="kg-auth-title">{title}</h1>
          {subtitle ? <p className="kg-auth-subtitle">{subtitle}</p> : null}
          {online ? null : <p className="kg-auth-offline">{t('auth.offlineSignIn')}</p>}
          {children}
        </div>
        {footer ? <div className="kg-auth-footer">{footer}</div> : null}
      </main>
    </div>
  );
}

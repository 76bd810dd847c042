import type { ReactNode } from 'react';
import { ConnectivityBadge, OfflineBanner } from './connectivity';
import { Logo } from './logo';

export interface AppHeaderProps {
  /** Shown next to the wordmark, e.g. "Driver". */
  product?: string | undefined;
  children?: ReactNode;
}

/** Phone header: brand and connectivity only, so it never wraps; settings live in <SettingsCard>. */
export function AppHeader({ product, children }: AppHeaderProps) {
  return (
    <>
      <header className="kg-header">
        <div className="kg-header-inner">
          <Logo product={product} />
          <div className="kg-header-actions">
            <ConnectivityBadge />
            {children}
          </div>
        </div>
      </header>
      <OfflineBanner />
    </>
  );
}

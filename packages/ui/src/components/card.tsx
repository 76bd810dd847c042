import type { ReactNode } from 'react';

export interface CardProps {
  title?: ReactNode;
  action?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function Card({ title, action, className, children }: CardProps) {
  return (
    <section className={`kg-card ${className ?? ''}`.trim()}>
      {title || action ? (
        <header className="kg-card-header">
          {title ? <h2 className="kg-card-title">{title}</h2> : null}
          {action}
        </header>
      ) : null}
      {children}
    </section>
  );
}

export function EmptyState({
  icon,
  title,
  children,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="kg-empty">
      {icon ? <div className="kg-empty-icon">{icon}</div> : null}
      <p className="kg-empty-title">{title}</p>
      {children ? <p className="kg-empty-text">{children}</p> : null}
    </div>
  );
}

export function Avatar({ name }: { name: string }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
  return (
    <span className="kg-avatar" aria-hidden="true">
      {initials || '?'}
    </span>
  );
}

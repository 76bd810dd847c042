import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'ghost';
  /** Shows a spinner and blocks repeat submits while a request is in flight. */
  busy?: boolean;
  block?: boolean;
}

export function Button({
  variant = 'primary',
  busy,
  block,
  className,
  children,
  disabled,
  ...rest
}: ButtonProps) {
  const classes = ['kg-button', `kg-button--${variant}`, block ? 'kg-button--block' : '', className ?? ''];
  return (
    <button
      type="button"
      {...rest}
      className={classes.filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? <span className="kg-spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

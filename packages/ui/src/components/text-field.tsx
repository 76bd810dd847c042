import { type InputHTMLAttributes, useId } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Shown after the label, e.g. "optional"; the field is required unless this is set. */
  optionalLabel?: string | undefined;
}

export function TextField({ label, hint, error, optionalLabel, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kg-field${error ? ' kg-field--invalid' : ''} ${className ?? ''}`.trim()}>
      <label htmlFor={id} className="kg-field-label">
        {label}
        {optionalLabel ? <span className="kg-field-optional"> ({optionalLabel})</span> : null}
      </label>
      <input
        id={id}
        className="kg-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint && !error ? (
        <p id={hintId} className="kg-field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="kg-field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

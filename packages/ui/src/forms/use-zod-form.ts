import { type ChangeEvent, type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { CommonKey } from '../i18n/common-messages';
import type { Translate } from '../i18n/i18n-context';
import { type ErrorContext, errorMessage, fieldErrorsFrom } from './error-message';

type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Form state validated by a domain zod schema before anything is sent, so the browser and the server agree
 * on what is valid. Server-side field details (400 `details`) land on the same fields.
 */
export function useZodForm<S extends z.ZodType<object>, F extends string>(
  schema: S,
  initial: Record<F, string>,
  t: Translate<CommonKey>,
  context: ErrorContext = {},
) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const field = (name: F) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [name]: value }));
      setErrors((errs) => ({ ...errs, [name]: undefined }));
    },
  });

  const onSubmit = (handler: (data: z.output<S>) => Promise<void>) => async (e: FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    setFormError(null);
    // Empty inputs are "not given", so optional fields (phone) validate and required ones say "required".
    const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error.issues, t) as FieldErrors<F>);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await handler(parsed.data);
    } catch (err) {
      const { message, fields } = errorMessage(err, t, context);
      setFormError(message);
      setErrors(fields as FieldErrors<F>);
    } finally {
      setSubmitting(false);
    }
  };

  const reset = () => {
    setValues(initial);
    setErrors({});
  };

  return { values, errors, formError, submitting, field, onSubmit, reset };
}

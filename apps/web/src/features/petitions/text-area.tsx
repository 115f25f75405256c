import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { Field } from '../../ui/fields';

/** A multi-line text field (petition content, answers). */
export function TextAreaField({ label, hint, error, ...area }: { label: ReactNode; hint?: ReactNode; error?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} error={error} required={area.required}>
      {(a) => <textarea rows={5} {...a} {...area} />}
    </Field>
  );
}

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

type A11y = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };

/** A label, a control, a hint and an error, wired together for screen readers. */
export function Field({ label, hint, error, required, children }: { label: ReactNode; hint?: ReactNode; error?: string; required?: boolean; children: (a: A11y) => ReactNode }) {
  const id = useId();
  const described = [hint ? id + '-hint' : '', error ? id + '-err' : ''].filter(Boolean).join(' ');
  return (
    <div className={['field', error ? 'field-invalid' : '', required ? 'field-required' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p className="hint" id={id + '-hint'}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={id + '-err'}>
          {error}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = { label: ReactNode; hint?: ReactNode; error?: string } & InputHTMLAttributes<HTMLInputElement>;

export function TextField({ label, hint, error, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={input.required}>
      {(a) => <input {...a} {...input} />}
    </Field>
  );
}

type SelectFieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string }[];
} & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, hint, error, options, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={select.required}>
      {(a) => (
        <select {...a} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ label, ...input }: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Digits grouped by dots as a Vietnamese reader writes money: "1234567" → "1.234.567" (empty stays empty). */
export function groupDigits(text: string): string {
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** An amount in đồng, grouped as it is typed; the form reads it back with its digits only. */
export function MoneyField({ onValue, value, ...rest }: Omit<TextFieldProps, 'onChange' | 'value'> & { value: string; onValue: (v: string) => void }) {
  return <TextField {...rest} inputMode="numeric" autoComplete="off" value={groupDigits(value)} onChange={(e) => onValue(groupDigits(e.target.value))} />;
}

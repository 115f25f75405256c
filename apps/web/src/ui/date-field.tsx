import { useEffect, useRef, useState } from 'react';
import { formatDate, parseDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { Field } from './fields';
import { CalendarIcon } from './icons';

type Props = {
  label: string;
  /** 'YYYY-MM-DD' or '' */
  value: string;
  onChange: (iso: string) => void;
  hint?: string;
  error?: string;
  allowEmpty?: boolean;
  required?: boolean;
};

/**
 * A date typed as dd/mm/yyyy whatever the browser's language, with the phone's own calendar one tap
 * away. The value changes as soon as the text is a complete, real date.
 */
export function DateField({ label, value, onChange, hint, error, allowEmpty = false, required }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(formatDate(value));
  const [bad, setBad] = useState(false);
  const native = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setText(formatDate(value));
    setBad(false);
  }, [value]);

  const change = (s: string) => {
    setText(s);
    const iso = parseDate(s);
    if (iso) {
      setBad(false);
      if (iso !== value) onChange(iso);
    } else if (!s.trim() && allowEmpty && value) onChange('');
  };

  const blur = () => setBad(text.trim() ? !parseDate(text) : !allowEmpty);

  const openPicker = () => {
    const el = native.current;
    if (!el) return;
    try {
      el.showPicker();
    } catch {
      el.focus();
    }
  };

  return (
    <Field label={label} hint={hint} error={bad ? t('date.invalid') : error}>
      {(a) => (
        <div className="date-input">
          <input
            {...a}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="dd/mm/yyyy"
            title={t('date.format')}
            value={text}
            required={required}
            onChange={(e) => change(e.target.value)}
            onBlur={blur}
          />
          <button type="button" className="icon-btn" onClick={openPicker} aria-label={t('date.pick')} title={t('date.pick')}>
            <CalendarIcon />
          </button>
          <input ref={native} className="date-native" type="date" tabIndex={-1} aria-hidden="true" value={value} onChange={(e) => e.target.value && onChange(e.target.value)} />
        </div>
      )}
    </Field>
  );
}

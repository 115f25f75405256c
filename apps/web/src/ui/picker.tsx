import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { compareUnitNames } from '@contract/vn-collate';
import { foldVn } from '../format';
import { useI18n } from '../i18n/i18n';
import { SelectField, TextField } from './fields';

type Option = { value: string; label: string };

/**
 * A choice among a list already loaded (villages of a ward, …): in Vietnamese order, narrowed by what is typed
 * with or without diacritics, and chosen by itself when one option is left. Nothing is pre-chosen: a
 * default of "the first village" is how households end up in the wrong one.
 */
export function PickerField({
  label,
  searchLabel,
  options,
  value,
  onValue,
  required,
  error,
  hint,
}: {
  label: ReactNode;
  searchLabel: string;
  options: readonly Option[];
  value: string;
  onValue: (v: string) => void;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const sorted = useMemo(() => [...options].sort((a, b) => compareUnitNames(a.label, b.label)), [options]);
  // Each typed word starts a word of the name; if several names are left, the one whose words are exactly
  // those typed ("tran phu 2" → Trần Phú 2, not Trần Phú 20) is still the person's meaning.
  const { shown, only } = useMemo(() => {
    const typed = foldVn(q).split(/\s+/).filter(Boolean);
    if (!typed.length) return { shown: sorted, only: null };
    const words = (o: Option) => foldVn(o.label).split(/\s+/);
    const shown = sorted.filter((o) => typed.every((w) => words(o).some((x) => x.startsWith(w))));
    const exact = shown.filter((o) => typed.every((w) => words(o).includes(w)));
    return { shown, only: shown.length === 1 ? shown[0].value : exact.length === 1 ? exact[0].value : null };
  }, [sorted, q]);
  // Runs when the single match changes, not when the person then picks another option by hand.
  useEffect(() => {
    if (only && q) onValue(only);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose, as said above
  }, [only]);
  // A single option needs no choosing at all.
  useEffect(() => {
    if (options.length === 1 && !value) onValue(options[0].value);
  }, [options, value, onValue]);
  const list = value && !shown.some((o) => o.value === value) ? [...sorted.filter((o) => o.value === value), ...shown] : shown;
  return (
    <>
      {options.length > 8 && <TextField label={searchLabel} value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />}
      <SelectField
        label={label}
        hint={hint}
        error={error}
        required={required}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        options={[{ value: '', label: t('common.choose') }, ...list]}
      />
    </>
  );
}

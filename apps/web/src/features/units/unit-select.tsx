import { useId, useState } from 'react';
import type { Unit } from '@contract/units';
import { useI18n } from '../../i18n/i18n';
import { useEndpoint } from '../../query';
import { Dialog } from '../../ui/dialog';
import { AsOfField } from './as-of';
import { UnitPicker } from './unit-picker';
import { useDefaultAsOf } from './use-as-of';

type Props = {
  label: string;
  value: number | null;
  onChange: (id: number | null, unit?: Unit) => void;
  /** Known name of the chosen unit (saves a request). */
  name?: string | null;
  hint?: string;
  error?: string;
  allowClear?: boolean;
};

/** A form control for one unit: shows the choice, opens the unit picker in a dialog to change it. */
export function UnitSelect({ label, value, onChange, name, hint, error, allowClear = true }: Props) {
  const { t } = useI18n();
  const id = useId();
  const fallback = useDefaultAsOf();
  const [open, setOpen] = useState(false);
  const [asOf, setAsOf] = useState(fallback);
  const [picked, setPicked] = useState<{ id: number; name: string } | null>(null);
  const needName = value !== null && !name && picked?.id !== value;
  const looked = useEndpoint('GET /api/units/:id', needName ? { params: { id: value } } : null);
  const shown = value === null ? null : picked?.id === value ? picked.name : (name ?? looked.data?.name ?? '…');

  return (
    <div className={error ? 'field field-invalid' : 'field'} role="group" aria-labelledby={id}>
      <span className="label" id={id}>
        {label}
      </span>
      <div className="unit-select">
        <span className="unit-select-value" data-testid="unit-select-value">
          {shown ?? t('units.noneChosen')}
        </span>
        <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
          {value === null ? t('units.pick') : t('units.change')}
        </button>
        {allowClear && value !== null && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange(null)}>
            {t('common.clear')}
          </button>
        )}
      </div>
      {hint && <p className="hint">{hint}</p>}
      {error && <p className="field-error">{error}</p>}
      <Dialog open={open} onClose={() => setOpen(false)} title={t('units.pickTitle', { label })}>
        <AsOfField value={asOf} onChange={setAsOf} />
        <UnitPicker
          asOf={asOf}
          selectedId={value}
          onPick={(u) => {
            setPicked({ id: u.id, name: u.name });
            onChange(u.id, u);
            setOpen(false);
          }}
        />
      </Dialog>
    </div>
  );
}

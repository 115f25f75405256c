import { useState } from 'react';
import {
  HOUSEHOLD_CLASSES,
  HOUSEHOLD_CLASS_LABELS,
  HOUSING_CONDITIONS,
  HOUSING_CONDITION_LABELS,
  HOUSING_NEEDS,
  HOUSING_NEED_LABELS,
  type HouseholdClass,
  type HousingCondition,
  type HousingNeed,
} from '@contract/households-values';
import type { Classification } from '@contract/households';
import { useI18n } from '../../i18n/i18n';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { callOrKeep } from '../../offline/outbox';
import { YEAR_OPTIONS } from './frame';

/** The annual review of one household: its classes, housing condition and need for a year. */
export function ClassifyDialog({
  open,
  onClose,
  householdId,
  headName,
  year,
  current,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  householdId: number;
  headName: string;
  year: number;
  current: Classification | undefined;
  onSaved: (queued: boolean) => void;
}) {
  const { t, pick } = useI18n();
  const [y, setY] = useState(String(year));
  const [classes, setClasses] = useState<HouseholdClass[]>(current?.classes ?? []);
  const [condition, setCondition] = useState<HousingCondition | ''>(current?.housingCondition ?? '');
  const [need, setNeed] = useState<HousingNeed>(current?.housingNeed ?? 'none');
  const [note, setNote] = useState(current?.note ?? '');
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={t('hh.classify', { year: y })}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        // A review made without a connection waits on the device (offline/outbox); setting a year's classes is safe to repeat.
        const sent = await callOrKeep(
          'PUT /api/households/:id/classifications',
          { params: { id: householdId }, body: { year: Number(y), classes, housingCondition: condition || null, housingNeed: need, note: note || null } },
          `${t('hh.classify', { year: y })} — ${headName}`,
        );
        onSaved(sent.queued);
      }}
    >
      {() => (
        <>
          <SelectField label={t('hh.year')} value={y} onChange={(e) => setY(e.target.value)} options={YEAR_OPTIONS} />
          <fieldset className="field">
            <legend>{t('hh.class')}</legend>
            {HOUSEHOLD_CLASSES.map((c) => (
              <CheckboxField
                key={c}
                label={pick(HOUSEHOLD_CLASS_LABELS[c])}
                checked={classes.includes(c)}
                onChange={(e) => setClasses(e.target.checked ? [...classes, c] : classes.filter((x) => x !== c))}
              />
            ))}
          </fieldset>
          <SelectField
            label={t('hh.housingCondition')}
            value={condition}
            onChange={(e) => setCondition(e.target.value as HousingCondition | '')}
            options={[{ value: '', label: '—' }, ...HOUSING_CONDITIONS.map((c) => ({ value: c, label: pick(HOUSING_CONDITION_LABELS[c]) }))]}
          />
          <SelectField
            label={t('hh.housingNeed')}
            value={need}
            onChange={(e) => setNeed(e.target.value as HousingNeed)}
            options={HOUSING_NEEDS.map((n) => ({ value: n, label: pick(HOUSING_NEED_LABELS[n]) }))}
          />
          <TextField label={t('hh.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        </>
      )}
    </FormDialog>
  );
}

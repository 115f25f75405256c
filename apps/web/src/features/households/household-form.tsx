import { useState } from 'react';
import { HOUSEHOLD_CLASSES, HOUSEHOLD_CLASS_LABELS, HOUSING_NEEDS, HOUSING_NEED_LABELS, type HouseholdClass, type HousingNeed } from '@contract/households-values';
import type { DuplicateCandidate } from '@contract/households';
import { useI18n } from '../../i18n/i18n';
import { useFetch } from '../../use-fetch';
import { useDebounced } from '../../ui/use-debounced';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { unitsApi } from '../units/api';
import { householdsApi } from './api';
import { DuplicatesNote, duplicatesOf } from './duplicates-note';

type Props = { open: boolean; onClose: () => void; parentUnitId: number; year: number; onSaved: (id: number) => void };

/** Registers a household in a village of the unit, with its class for the year; likely duplicates are shown first. */
export function HouseholdFormDialog({ open, onClose, parentUnitId, year, onSaved }: Props) {
  const { t, pick } = useI18n();
  const villages = useFetch(`hh-villages:${parentUnitId}`, async () => {
    const self = await unitsApi.get(parentUnitId);
    return self.level === 'village' ? [{ id: self.id, name: self.name }] : (await unitsApi.list({ parent: parentUnitId, level: 'village' })).map((u) => ({ id: u.id, name: u.name }));
  });
  const [f, setF] = useState({ unitId: '', headName: '', headBirthYear: '', headNationalId: '', address: '', housingNeed: 'none' as HousingNeed });
  const [classes, setClasses] = useState<HouseholdClass[]>([]);
  const [dups, setDups] = useState<DuplicateCandidate[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => { setF({ ...f, [k]: e.target.value }); setDups(null); setConfirmed(false); };
  const unitId = f.unitId || String(villages.data?.[0]?.id ?? '');
  // As the name and year are typed: people already registered with them (shown before saving).
  const probe = useDebounced(`${unitId}|${f.headName.trim()}|${f.headBirthYear}`, 500);
  const [pUnit, pName, pYear] = probe.split('|');
  const live = useFetch(pUnit && pName.length >= 5 && /^\d{4}$/.test(pYear) ? `hh-dupcheck:${probe}` : null,
    () => householdsApi.check({ unit: Number(pUnit), name: pName, birthYear: Number(pYear) }));

  const submit = async () => {
    try {
      const h = await householdsApi.create({
        unitId: Number(unitId), headName: f.headName, headBirthYear: f.headBirthYear ? Number(f.headBirthYear) : null,
        headNationalId: f.headNationalId || undefined, address: f.address || null, confirmDuplicates: confirmed,
        classification: { year, classes, housingNeed: f.housingNeed, housingCondition: null, note: null },
      });
      onSaved(h.id);
    } catch (e) {
      setDups(duplicatesOf(e));
      throw e;
    }
  };
  return (
    <FormDialog open={open} onClose={onClose} title={t('hh.add')} submitLabel={t('common.save')} onSubmit={submit} canSubmit={!!unitId && f.headName.trim().length >= 2 && (!dups || confirmed)}>
      {(errors) => (
        <>
          <SelectField label={t('hh.village')} value={unitId} onChange={set('unitId')} options={(villages.data ?? []).map((v) => ({ value: String(v.id), label: v.name }))} />
          <TextField label={t('hh.headName')} value={f.headName} onChange={set('headName')} error={errors['/headName']} required />
          <TextField label={t('hh.birthYear')} inputMode="numeric" value={f.headBirthYear} onChange={set('headBirthYear')} error={errors['/headBirthYear']} />
          <TextField label={t('hh.address')} value={f.address} onChange={set('address')} />
          <TextField label={t('hh.nationalId')} hint={t('hh.nationalIdHint')} inputMode="numeric" autoComplete="off" value={f.headNationalId} onChange={set('headNationalId')} error={errors['/headNationalId']} />
          <fieldset className="field">
            <legend>{t('hh.classify', { year })}</legend>
            {HOUSEHOLD_CLASSES.map((c) => (
              <CheckboxField key={c} label={pick(HOUSEHOLD_CLASS_LABELS[c])} checked={classes.includes(c)}
                onChange={(e) => setClasses(e.target.checked ? [...classes, c] : classes.filter((x) => x !== c))} />
            ))}
          </fieldset>
          <SelectField label={t('hh.housingNeed')} value={f.housingNeed} onChange={set('housingNeed')} options={HOUSING_NEEDS.map((n) => ({ value: n, label: pick(HOUSING_NEED_LABELS[n]) }))} />
          {dups && <DuplicatesNote candidates={dups} confirmed={confirmed} onConfirm={setConfirmed} />}
          {!dups && live.data && live.data.length > 0 && <DuplicatesNote candidates={live.data} />}
        </>
      )}
    </FormDialog>
  );
}

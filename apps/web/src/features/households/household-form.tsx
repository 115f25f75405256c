import { useCallback, useState } from 'react';
import {
  HOUSEHOLD_CLASSES,
  HOUSEHOLD_CLASS_LABELS,
  HOUSING_NEEDS,
  HOUSING_NEED_LABELS,
  RELATIONS,
  RELATION_LABELS,
  type HouseholdClass,
  type HousingNeed,
  type Relation,
} from '@contract/households-values';
import type { DuplicateCandidate } from '@contract/households';
import { useI18n } from '../../i18n/i18n';
import { useDebounced } from '../../ui/use-debounced';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PickerField } from '../../ui/picker';
import { call } from '../../client';
import { useEndpoint } from '../../query';
import { DuplicatesNote, duplicatesOf } from './duplicates-note';

type Props = { open: boolean; onClose: () => void; parentUnitId: number; year: number; onSaved: (id: number) => void };

/** Registers a household in a village of the unit, with its class for the year; likely duplicates are shown first. */
export function HouseholdFormDialog({ open, onClose, parentUnitId, year, onSaved }: Props) {
  const { t, pick } = useI18n();
  // The unit itself when it is a village, else its villages.
  const self = useEndpoint('GET /api/units/:id', { params: { id: parentUnitId } });
  const below = useEndpoint('GET /api/units', self.data && self.data.level !== 'village' ? { query: { parent: parentUnitId, level: 'village' } } : null);
  const villages = self.data?.level === 'village' ? [self.data] : (below.data ?? []);
  const [f, setF] = useState({ unitId: '', headName: '', headBirthYear: '', headNationalId: '', address: '', housingNeed: 'none' as HousingNeed });
  const [members, setMembers] = useState<MemberDraft[]>([]);
  const [classes, setClasses] = useState<HouseholdClass[]>([]);
  const [dups, setDups] = useState<DuplicateCandidate[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const change = (patch: Partial<typeof f>) => {
    setF({ ...f, ...patch });
    setDups(null);
    setConfirmed(false);
  };
  const set = (k: 'headName' | 'headBirthYear' | 'headNationalId' | 'address') => (e: { target: { value: string } }) => change({ [k]: e.target.value });
  const unitId = f.unitId;
  const setVillage = useCallback((v: string) => setF((o) => ({ ...o, unitId: v })), []);
  // As the name and year are typed: people already registered with them (shown before saving), in the
  // chosen village's ward or, before one is chosen, in the whole unit.
  const probe = useDebounced(`${unitId || parentUnitId}|${f.headName.trim()}|${f.headBirthYear}`, 500);
  const [pUnit, pName, pYear] = probe.split('|');
  const live = useEndpoint(
    'GET /api/households/duplicates',
    pUnit && pName.length >= 5 && /^\d{4}$/.test(pYear) ? { query: { unit: Number(pUnit), name: pName, birthYear: Number(pYear) } } : null,
  );

  const submit = async () => {
    try {
      const h = await call('POST /api/households', {
        body: {
          unitId: Number(unitId),
          headName: f.headName,
          headBirthYear: f.headBirthYear ? Number(f.headBirthYear) : null,
          headNationalId: f.headNationalId || undefined,
          address: f.address || null,
          confirmDuplicates: confirmed,
          members: members.filter((m) => m.fullName.trim()).map((m) => ({ fullName: m.fullName, birthYear: m.birthYear ? Number(m.birthYear) : null, relation: m.relation })),
          classification: { year, classes, housingNeed: f.housingNeed, housingCondition: null, note: null },
        },
      });
      onSaved(h.id);
    } catch (e) {
      setDups(duplicatesOf(e));
      throw e;
    }
  };
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={t('hh.add')}
      submitLabel={t('common.save')}
      onSubmit={submit}
      canSubmit={!!unitId && f.headName.trim().length >= 2 && (!dups || confirmed)}
    >
      {(errors) => (
        <>
          <PickerField
            label={t('hh.village')}
            searchLabel={t('hh.findVillage')}
            required
            value={unitId}
            onValue={setVillage}
            error={errors['/unitId']}
            options={villages.map((v) => ({ value: String(v.id), label: v.name }))}
          />
          <TextField label={t('hh.headName')} value={f.headName} onChange={set('headName')} error={errors['/headName']} required />
          <TextField label={t('hh.birthYear')} inputMode="numeric" value={f.headBirthYear} onChange={set('headBirthYear')} error={errors['/headBirthYear']} />
          <TextField label={t('hh.address')} value={f.address} onChange={set('address')} />
          <TextField
            label={t('hh.nationalId')}
            hint={t('hh.nationalIdHint')}
            inputMode="numeric"
            autoComplete="off"
            value={f.headNationalId}
            onChange={set('headNationalId')}
            error={errors['/headNationalId']}
          />
          <MembersFields members={members} onChange={setMembers} errors={errors} />
          <fieldset className="field">
            <legend>{t('hh.classify', { year })}</legend>
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
            label={t('hh.housingNeed')}
            value={f.housingNeed}
            onChange={(e) => change({ housingNeed: e.target.value as HousingNeed })}
            options={HOUSING_NEEDS.map((n) => ({ value: n, label: pick(HOUSING_NEED_LABELS[n]) }))}
          />
          {dups && <DuplicatesNote candidates={dups} confirmed={confirmed} onConfirm={setConfirmed} />}
          {!dups && live.data && live.data.length > 0 && <DuplicatesNote candidates={live.data} />}
        </>
      )}
    </FormDialog>
  );
}

type MemberDraft = { fullName: string; birthYear: string; relation: Exclude<Relation, 'head'> };

/** The people living with the head of household, as many as there are (the form starts with none). */
function MembersFields({ members, onChange, errors }: { members: MemberDraft[]; onChange: (m: MemberDraft[]) => void; errors: Record<string, string> }) {
  const { t, pick } = useI18n();
  const edit = (i: number, patch: Partial<MemberDraft>) => onChange(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const relations = RELATIONS.filter((r): r is MemberDraft['relation'] => r !== 'head');
  return (
    <fieldset className="field members">
      <legend>{t('hh.otherMembers')}</legend>
      {members.map((m, i) => (
        <div key={i} className="member-row">
          <TextField label={t('hh.memberName', { n: i + 2 })} value={m.fullName} onChange={(e) => edit(i, { fullName: e.target.value })} error={errors[`/members/${i}/fullName`]} />
          <TextField
            label={t('hh.memberBirthYear', { n: i + 2 })}
            inputMode="numeric"
            value={m.birthYear}
            onChange={(e) => edit(i, { birthYear: e.target.value })}
            error={errors[`/members/${i}/birthYear`]}
          />
          <SelectField
            label={t('hh.relation', { n: i + 2 })}
            value={m.relation}
            onChange={(e) => edit(i, { relation: e.target.value as MemberDraft['relation'] })}
            options={relations.map((r) => ({ value: r, label: pick(RELATION_LABELS[r]) }))}
          />
          <button type="button" className="btn btn-small" onClick={() => onChange(members.filter((_, j) => j !== i))}>
            {t('common.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => onChange([...members, { fullName: '', birthYear: '', relation: 'child' }])}>
        {t('hh.addMember')}
      </button>
    </fieldset>
  );
}

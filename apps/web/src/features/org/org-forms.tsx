import { useState } from 'react';
import type { CommitteeDetail, CreateCommittee, MemberOrg } from '@contract/org';
import { COMMITTEE_KIND_LABELS, GENDERS, GENDER_LABELS, type CommitteeKind, type Gender } from '@contract/org-values';
import type { UnitLevel } from '@contract/units';
import { dayAfter, dayBefore } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { DateField } from '../../ui/date-field';
import { FormDialog } from '../../ui/form-dialog';
import { SelectField, TextField } from '../../ui/fields';
import { call } from '../../client';

export const TERMS = ['2019–2024', '2024–2029'];

/** Kinds of committee a unit of this level can have (a work board only in a village). */
export function kindsFor(level: UnitLevel): CommitteeKind[] {
  return level === 'village' ? ['work_board'] : ['front_committee', 'advisory_board'];
}

export type PersonValue = {
  personName: string;
  gender: Gender | null;
  birthYear: number | null;
  representing: string;
  memberOrgId: number | null;
};

export const emptyPerson = (): PersonValue => ({ personName: '', gender: null, birthYear: null, representing: '', memberOrgId: null });

/** The person part of a membership: name, gender, birth year, whom they represent. */
export function PersonFields({
  value,
  onChange,
  errors,
  memberOrgs,
}: {
  value: PersonValue;
  onChange: (v: PersonValue) => void;
  errors: Record<string, string>;
  memberOrgs: MemberOrg[];
}) {
  const { t, pick } = useI18n();
  const set = (patch: Partial<PersonValue>) => onChange({ ...value, ...patch });
  return (
    <>
      <TextField label={t('org.personName')} required value={value.personName} error={errors.personName} onChange={(e) => set({ personName: e.target.value })} autoComplete="off" />
      <div className="form-row">
        <SelectField
          label={t('org.gender')}
          value={value.gender ?? ''}
          options={[{ value: '', label: '—' }, ...GENDERS.map((g) => ({ value: g, label: pick(GENDER_LABELS[g]) }))]}
          onChange={(e) => set({ gender: (e.target.value || null) as Gender | null })}
        />
        <TextField
          label={t('org.birthYear')}
          inputMode="numeric"
          value={value.birthYear ?? ''}
          error={errors.birthYear}
          onChange={(e) => set({ birthYear: /^\d{1,4}$/.test(e.target.value) ? Number(e.target.value) : null })}
          maxLength={4}
        />
      </div>
      <TextField label={t('org.representing')} hint={t('org.representingHint')} value={value.representing} onChange={(e) => set({ representing: e.target.value })} />
      {memberOrgs.length > 0 && (
        <SelectField
          label={t('org.memberOrg')}
          value={value.memberOrgId ? String(value.memberOrgId) : ''}
          options={[{ value: '', label: '—' }, ...memberOrgs.map((m) => ({ value: String(m.id), label: m.name }))]}
          onChange={(e) => set({ memberOrgId: e.target.value ? Number(e.target.value) : null })}
        />
      )}
    </>
  );
}

/** Person fields as the API takes them (blank → null). */
export function personBody(p: PersonValue) {
  return {
    personName: p.personName.trim(),
    gender: p.gender,
    birthYear: p.birthYear,
    representing: p.representing.trim() || null,
    memberOrgId: p.memberOrgId,
  };
}

type CommitteeFormValue = { kind: CommitteeKind; termLabel: string; name: string; validFrom: string; validTo: string; decisionNo: string; note: string };

/** Create a committee (or a village's work board) at a unit, or correct an existing one. */
export function CommitteeFormDialog({
  open,
  onClose,
  unitId,
  level,
  existing,
  defaultDate,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  unitId: number;
  level: UnitLevel;
  existing?: CommitteeDetail;
  defaultDate: string;
  onSaved: (c: CommitteeDetail) => void;
}) {
  const { t, pick } = useI18n();
  const kinds = kindsFor(level);
  const [v, setV] = useState<CommitteeFormValue>(() =>
    existing
      ? {
          kind: existing.kind,
          termLabel: existing.termLabel,
          name: existing.name ?? '',
          validFrom: existing.validFrom,
          validTo: existing.validTo ? dayBefore(existing.validTo) : '',
          decisionNo: existing.decisionNo ?? '',
          note: existing.note ?? '',
        }
      : { kind: kinds[0], termLabel: TERMS[TERMS.length - 1], name: '', validFrom: defaultDate, validTo: '', decisionNo: '', note: '' },
  );
  const set = (patch: Partial<CommitteeFormValue>) => setV((old) => ({ ...old, ...patch }));

  const submit = async () => {
    if (existing) {
      onSaved(
        await call('PATCH /api/org/committees/:id', {
          params: { id: existing.id },
          body: {
            termLabel: v.termLabel,
            name: v.name.trim() || null,
            validFrom: v.validFrom,
            validTo: v.validTo ? dayAfter(v.validTo) : null,
            decisionNo: v.decisionNo.trim() || null,
            note: v.note.trim() || null,
          },
        }),
      );
    } else {
      const body: CreateCommittee = { unitId, kind: v.kind, termLabel: v.termLabel, validFrom: v.validFrom, validTo: v.validTo ? dayAfter(v.validTo) : null };
      if (v.name.trim()) body.name = v.name.trim();
      if (v.decisionNo.trim()) body.decisionNo = v.decisionNo.trim();
      if (v.note.trim()) body.note = v.note.trim();
      onSaved(await call('POST /api/org/committees', { body }));
    }
  };

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      onSubmit={submit}
      canSubmit={!!v.validFrom && !!v.termLabel.trim()}
      title={existing ? t('org.editCommittee') : level === 'village' ? t('org.createWorkBoard') : t('org.createCommittee')}
      submitLabel={existing ? t('common.save') : t('common.create')}
    >
      {(errs) => (
        <>
          {!existing && kinds.length > 1 && (
            <SelectField
              label={t('org.kind')}
              value={v.kind}
              onChange={(e) => set({ kind: e.target.value as CommitteeKind })}
              options={kinds.map((k) => ({ value: k, label: pick(COMMITTEE_KIND_LABELS[k]) }))}
            />
          )}
          <TextField
            label={t('org.term')}
            hint={t('org.termHint')}
            list="org-terms"
            required
            value={v.termLabel}
            error={errs.termLabel}
            onChange={(e) => set({ termLabel: e.target.value })}
          />
          <datalist id="org-terms">
            {TERMS.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
          <TextField label={t('org.committeeName')} hint={t('org.committeeNameHint')} value={v.name} onChange={(e) => set({ name: e.target.value })} />
          <DateField label={t('org.validFrom')} value={v.validFrom} required error={errs.validFrom} onChange={(d) => set({ validFrom: d })} />
          <DateField label={t('org.validTo')} hint={t('org.validToHint')} value={v.validTo} allowEmpty error={errs.validTo} onChange={(d) => set({ validTo: d })} />
          <TextField label={t('org.decisionNo')} value={v.decisionNo} onChange={(e) => set({ decisionNo: e.target.value })} />
          <TextField label={t('org.note')} value={v.note} onChange={(e) => set({ note: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}

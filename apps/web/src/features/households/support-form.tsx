import { useState } from 'react';
import {
  HOUSE_BUILDS,
  HOUSE_BUILD_LABELS,
  SUPPORT_FORMS,
  SUPPORT_FORM_LABELS,
  SUPPORT_KINDS,
  SUPPORT_KIND_LABELS,
  type HouseBuild,
  type SupportForm,
  type SupportKind,
} from '@contract/households-values';
import type { DuplicateCandidate, Support } from '@contract/households';
import { formatVnd, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { DateField } from '../../ui/date-field';
import { MoneyField, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { callOrKeep } from '../../offline/outbox';
import { useEndpoint } from '../../query';
import { useMe, useSession } from '../auth/session';
import { DuplicatesNote, duplicatesOf } from './duplicates-note';

type Props = {
  open: boolean;
  onClose: () => void;
  householdId: number;
  headName: string;
  year: number;
  /** Fixed kind (the one-tap Tết gift); otherwise the user chooses. */
  kind?: SupportKind;
  /** The act recorded, or null when it was kept on the device to be sent once back online. */
  onSaved: (s: Support | null) => void;
};

const num = (s: string) => Number(s.replace(/[^\d]/g, '') || 0);

/** Records one act of support; a solidarity house carries its cost and sources. Duplicates are shown before saving. */
export function SupportFormDialog({ open, onClose, householdId, headName, year, kind: fixedKind, onSaved }: Props) {
  const { t, pick } = useI18n();
  const [f, setF] = useState({
    kind: (fixedKind ?? 'tet') as SupportKind,
    form: 'cash' as SupportForm,
    value: '500000',
    date: todayIso(),
    year: String(year),
    provider: '',
    note: '',
    build: 'repair' as HouseBuild,
    cost: '',
    fromFund: '',
    fromOrgs: '',
    fromSocial: '',
    labourDays: '',
  });
  const { can } = useSession();
  const me = useMe();
  // Paid from one of my unit's funds: the fund's disbursement is proposed in the same act.
  const funds = useEndpoint('GET /api/fund/funds', can('fund.write') && me.unitId ? { query: { unit: me.unitId } } : null);
  const [fundId, setFundId] = useState('');
  const [dups, setDups] = useState<DuplicateCandidate[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const change = (patch: Partial<typeof f>) => {
    setF({ ...f, ...patch });
    setDups(null);
    setConfirmed(false);
  };
  // The text fields; the choices (kind, form, build) are set with their own type below.
  const set = (k: 'value' | 'year' | 'provider' | 'note' | 'cost' | 'fromFund' | 'fromOrgs' | 'fromSocial' | 'labourDays') => (e: { target: { value: string } }) =>
    change({ [k]: e.target.value });
  const house = f.kind === 'house';

  const submit = async () => {
    try {
      // Without a connection the act waits on the device (offline/outbox) and is recorded once when it returns.
      const sent = await callOrKeep(
        'POST /api/households/supports',
        {
          body: {
            householdId,
            kind: f.kind,
            year: Number(f.year),
            supportDate: f.date,
            form: house ? 'in_kind' : f.form,
            valueVnd: num(f.value),
            provider: f.provider || null,
            campaign: f.kind === 'tet' ? `Tết vì người nghèo Xuân ${f.year}` : null,
            note: f.note || null,
            confirmDuplicates: confirmed,
            fundId: fundId ? Number(fundId) : undefined,
            house: house
              ? {
                  build: f.build,
                  approvedOn: f.date,
                  costVnd: num(f.cost),
                  fromFundVnd: num(f.fromFund),
                  fromMemberOrgsVnd: num(f.fromOrgs),
                  fromSocialVnd: num(f.fromSocial),
                  labourDays: num(f.labourDays),
                }
              : undefined,
          },
        },
        `${pick(SUPPORT_KIND_LABELS[f.kind])} — ${headName}`,
      );
      onSaved(sent.queued ? null : sent.result);
    } catch (e) {
      setDups(duplicatesOf(e));
      throw e;
    }
  };
  const title = fixedKind === 'tet' ? t('hh.recordTetFor', { name: headName }) : t('hh.recordSupport');
  return (
    <FormDialog open={open} onClose={onClose} title={title} submitLabel={t('common.save')} onSubmit={submit} canSubmit={!dups || confirmed}>
      {(errors) => (
        <>
          {!fixedKind && (
            <SelectField
              label={t('hh.kind')}
              value={f.kind}
              onChange={(e) => change({ kind: e.target.value as SupportKind })}
              options={SUPPORT_KINDS.map((k) => ({ value: k, label: pick(SUPPORT_KIND_LABELS[k]) }))}
            />
          )}
          <DateField label={t('hh.date')} value={f.date} onChange={(date) => setF({ ...f, date })} error={errors['/supportDate']} />
          <TextField label={f.kind === 'tet' ? t('hh.campaignYear') : t('hh.year')} inputMode="numeric" value={f.year} onChange={set('year')} />
          {!house && (
            <SelectField
              label={t('hh.form')}
              value={f.form}
              onChange={(e) => change({ form: e.target.value as SupportForm })}
              options={SUPPORT_FORMS.map((k) => ({ value: k, label: pick(SUPPORT_FORM_LABELS[k]) }))}
            />
          )}
          {!house && <MoneyField label={t('hh.value')} value={f.value} onValue={(x) => set('value')({ target: { value: x } })} error={errors['/valueVnd']} />}
          {house && (
            <>
              <SelectField
                label={t('hh.houseBuild')}
                value={f.build}
                onChange={(e) => change({ build: e.target.value as HouseBuild })}
                options={HOUSE_BUILDS.map((k) => ({ value: k, label: pick(HOUSE_BUILD_LABELS[k]) }))}
              />
              <MoneyField label={t('hh.houseCost')} value={f.cost} onValue={(x) => set('cost')({ target: { value: x } })} />
              <MoneyField label={t('hh.houseFromFund')} value={f.fromFund} onValue={(x) => set('fromFund')({ target: { value: x } })} />
              <MoneyField label={t('hh.houseFromOrgs')} value={f.fromOrgs} onValue={(x) => set('fromOrgs')({ target: { value: x } })} />
              <MoneyField label={t('hh.houseFromSocial')} value={f.fromSocial} onValue={(x) => set('fromSocial')({ target: { value: x } })} />
              <TextField label={t('hh.labourDays')} inputMode="numeric" value={f.labourDays} onChange={set('labourDays')} />
            </>
          )}
          {funds.data && funds.data.length > 0 && (
            <SelectField
              label={t('hh.fund')}
              value={fundId}
              onChange={(e) => setFundId(e.target.value)}
              options={[{ value: '', label: t('hh.noFund') }, ...funds.data.map((x) => ({ value: String(x.id), label: `${x.name} (${formatVnd(x.balance)})` }))]}
            />
          )}
          <TextField label={t('hh.provider')} value={f.provider} onChange={set('provider')} />
          <TextField label={t('hh.note')} value={f.note} onChange={set('note')} />
          {dups && <DuplicatesNote candidates={dups} confirmed={confirmed} onConfirm={setConfirmed} />}
        </>
      )}
    </FormDialog>
  );
}

import { useMemo, useState } from 'react';
import type { Campaign, CampaignCreated, Disbursement, Donation, Fund } from '@contract/fund';
import {
  DISBURSEMENT_KIND_LABELS,
  DISBURSEMENT_KINDS,
  DISBURSEMENT_PURPOSE_LABELS,
  DISBURSEMENT_PURPOSES,
  DONOR_KIND_LABELS,
  DONOR_KINDS,
  FUND_KIND_LABELS,
  FUND_KINDS,
  type DisbursementKind,
  type DisbursementPurpose,
  type DonorKind,
  type FundKind,
} from '@contract/fund-values';
import { todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { CheckboxField, MoneyField, SelectField, TextField } from '../../ui/fields';
import { DateField } from '../../ui/date-field';
import { FormDialog } from '../../ui/form-dialog';
import { UnitSelect } from '../units/unit-select';
import { call } from '../../client';
import { useEndpoint } from '../../query';

/** A key per opened form: sending the same form twice (a double tap, a retry) books once. */
const newKey = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replace(/-/g, '');
const amountOf = (s: string) => Number(s.replace(/[^\d]/g, ''));

/** Where money goes or comes from: a fund of the unit, or one of its campaigns. */
function TargetFields({ funds, campaigns, target, onChange }: { funds: Fund[]; campaigns: Campaign[]; target: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const options = [...funds.map((f) => ({ value: `f${f.id}`, label: f.name })), ...campaigns.map((c) => ({ value: `c${c.id}`, label: `${t('fund.campaign')}: ${c.name}` }))];
  return <SelectField label={t('fund.target')} value={target} onChange={(e) => onChange(e.target.value)} options={[{ value: '', label: '—' }, ...options]} />;
}

const parseTarget = (v: string) => (v.startsWith('c') ? { campaignId: Number(v.slice(1)) } : v.startsWith('f') ? { fundId: Number(v.slice(1)) } : {});

export function DonationDialog({
  unitId,
  funds,
  campaigns,
  preset,
  onClose,
  onSaved,
}: {
  unitId: number;
  funds: Fund[];
  campaigns: Campaign[];
  preset?: string;
  onClose: () => void;
  onSaved: (d: Donation) => void;
}) {
  const { t, pick } = useI18n();
  const key = useMemo(newKey, []);
  const accounts = useEndpoint('GET /api/fund/accounts', { query: { unit: unitId } });
  const [v, setV] = useState({
    target: preset ?? '',
    receivedOn: todayIso(),
    kind: 'money' as 'money' | 'goods',
    amount: '',
    accountId: '',
    donorKind: 'individual' as DonorKind,
    donorName: '',
    donorAddress: '',
    publishName: true,
    memo: '',
    goodsDescription: '',
    goodsQuantity: '',
    goodsUnit: '',
  });
  const set = (p: Partial<typeof v>) => setV((o) => ({ ...o, ...p }));
  const moneyAccounts = (accounts.data ?? []).filter((a) => a.kind === 'cash' || a.kind === 'bank');
  const submit = async () =>
    onSaved(
      await call('POST /api/fund/donations', {
        body: {
          ...parseTarget(v.target),
          receivedOn: v.receivedOn,
          kind: v.kind,
          amount: amountOf(v.amount),
          donorKind: v.donorKind,
          ...(v.donorKind !== 'anonymous' ? { donorName: v.donorName.trim(), publishName: v.publishName } : {}),
          ...(v.donorAddress.trim() ? { donorAddress: v.donorAddress.trim() } : {}),
          ...(v.memo.trim() ? { memo: v.memo.trim() } : {}),
          ...(v.kind === 'money' && v.accountId ? { accountId: Number(v.accountId) } : {}),
          ...(v.kind === 'goods' ? { goodsDescription: v.goodsDescription.trim(), goodsQuantity: Number(v.goodsQuantity.replace(',', '.')), goodsUnit: v.goodsUnit.trim() } : {}),
          idempotencyKey: key,
        },
      }),
    );
  const ok = !!v.target && amountOf(v.amount) > 0 && (v.donorKind === 'anonymous' || !!v.donorName.trim());
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} canSubmit={ok} title={t('fund.recordDonation')} submitLabel={t('fund.record')}>
      {(errs) => (
        <>
          <TargetFields funds={funds} campaigns={campaigns} target={v.target} onChange={(target) => set({ target })} />
          <DateField label={t('fund.receivedOn')} value={v.receivedOn} required error={errs.receivedOn} onChange={(d) => set({ receivedOn: d })} />
          <SelectField
            label={t('fund.donorKind')}
            value={v.donorKind}
            onChange={(e) => set({ donorKind: e.target.value as DonorKind })}
            options={DONOR_KINDS.map((k) => ({ value: k, label: pick(DONOR_KIND_LABELS[k]) }))}
          />
          {v.donorKind !== 'anonymous' && (
            <>
              <TextField label={t('fund.donorName')} required value={v.donorName} error={errs.donorName} onChange={(e) => set({ donorName: e.target.value })} />
              <TextField label={t('fund.donorAddress')} value={v.donorAddress} onChange={(e) => set({ donorAddress: e.target.value })} />
              <CheckboxField label={t('fund.publishName')} checked={v.publishName} onChange={(e) => set({ publishName: e.target.checked })} />
            </>
          )}
          <SelectField
            label={t('fund.donationKind')}
            value={v.kind}
            onChange={(e) => set({ kind: e.target.value as 'money' | 'goods' })}
            options={[
              { value: 'money', label: t('fund.money') },
              { value: 'goods', label: t('fund.goods') },
            ]}
          />
          {v.kind === 'goods' && (
            <>
              <TextField label={t('fund.goodsDescription')} required value={v.goodsDescription} onChange={(e) => set({ goodsDescription: e.target.value })} />
              <div className="form-row">
                <TextField label={t('fund.goodsQuantity')} inputMode="decimal" required value={v.goodsQuantity} onChange={(e) => set({ goodsQuantity: e.target.value })} />
                <TextField label={t('fund.goodsUnit')} required value={v.goodsUnit} onChange={(e) => set({ goodsUnit: e.target.value })} />
              </div>
            </>
          )}
          <MoneyField
            label={v.kind === 'goods' ? t('fund.valuation') : t('fund.amount')}
            hint={t('fund.amountHint')}
            required
            value={v.amount}
            error={errs.amount}
            onValue={(amount) => set({ amount })}
          />
          {v.kind === 'money' && (
            <SelectField
              label={t('fund.intoAccount')}
              value={v.accountId}
              onChange={(e) => set({ accountId: e.target.value })}
              options={[{ value: '', label: t('fund.cash') }, ...moneyAccounts.filter((a) => a.kind === 'bank').map((a) => ({ value: String(a.id), label: a.name }))]}
            />
          )}
          <TextField label={t('fund.memo')} value={v.memo} onChange={(e) => set({ memo: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}

export function ProposeDialog({
  unitId,
  funds,
  campaigns,
  preset,
  onClose,
  onSaved,
}: {
  unitId: number;
  funds: Fund[];
  campaigns: Campaign[];
  preset?: string;
  onClose: () => void;
  onSaved: (d: Disbursement) => void;
}) {
  const { t, pick } = useI18n();
  const key = useMemo(newKey, []);
  const accounts = useEndpoint('GET /api/fund/accounts', { query: { unit: unitId } });
  const [v, setV] = useState({
    target: preset ?? '',
    kind: 'household' as DisbursementKind,
    purpose: 'hardship' as DisbursementPurpose,
    amount: '',
    paidOn: todayIso(),
    beneficiaryName: '',
    beneficiaryVillage: '',
    projectName: '',
    targetUnitId: null as number | null,
    packages: '',
    note: '',
    payAccountId: '',
  });
  const set = (p: Partial<typeof v>) => setV((o) => ({ ...o, ...p }));
  const between = v.kind === 'transfer_up' || v.kind === 'allocation_down';
  const submit = async () =>
    onSaved(
      await call('POST /api/fund/disbursements', {
        body: {
          ...parseTarget(v.target),
          kind: v.kind,
          purpose: v.purpose,
          amount: amountOf(v.amount),
          paidOn: v.paidOn,
          ...(v.beneficiaryName.trim() ? { beneficiaryName: v.beneficiaryName.trim() } : {}),
          ...(v.beneficiaryVillage.trim() ? { beneficiaryVillage: v.beneficiaryVillage.trim() } : {}),
          ...(v.projectName.trim() ? { projectName: v.projectName.trim() } : {}),
          ...(between && v.targetUnitId ? { targetUnitId: v.targetUnitId } : {}),
          ...(v.packages ? { packages: Number(v.packages) } : {}),
          ...(v.note.trim() ? { note: v.note.trim() } : {}),
          ...(v.payAccountId ? { payAccountId: Number(v.payAccountId) } : {}),
          idempotencyKey: key,
        },
      }),
    );
  const payFrom = (accounts.data ?? []).filter((a) => a.kind === 'cash' || a.kind === 'bank' || a.kind === 'goods');
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} canSubmit={!!v.target && amountOf(v.amount) > 0} title={t('fund.proposePayment')} submitLabel={t('fund.propose')}>
      {(errs) => (
        <>
          <TargetFields funds={funds} campaigns={campaigns} target={v.target} onChange={(target) => set({ target })} />
          <SelectField
            label={t('fund.paymentKind')}
            value={v.kind}
            onChange={(e) => set({ kind: e.target.value as DisbursementKind })}
            options={DISBURSEMENT_KINDS.map((k) => ({ value: k, label: pick(DISBURSEMENT_KIND_LABELS[k]) }))}
          />
          <SelectField
            label={t('fund.purpose')}
            value={v.purpose}
            onChange={(e) => set({ purpose: e.target.value as DisbursementPurpose })}
            options={DISBURSEMENT_PURPOSES.map((k) => ({ value: k, label: pick(DISBURSEMENT_PURPOSE_LABELS[k]) }))}
          />
          {between ? (
            <UnitSelect
              label={v.kind === 'transfer_up' ? t('fund.unitAbove') : t('fund.unitBelow')}
              value={v.targetUnitId}
              onChange={(id) => set({ targetUnitId: id })}
              error={errs.targetUnitId}
            />
          ) : (
            <>
              {v.kind === 'project' && <TextField label={t('fund.projectName')} required value={v.projectName} onChange={(e) => set({ projectName: e.target.value })} />}
              <TextField label={t('fund.beneficiary')} required={v.kind === 'household'} value={v.beneficiaryName} onChange={(e) => set({ beneficiaryName: e.target.value })} />
              <TextField label={t('fund.village')} value={v.beneficiaryVillage} onChange={(e) => set({ beneficiaryVillage: e.target.value })} />
            </>
          )}
          <MoneyField label={t('fund.amount')} hint={t('fund.amountHint')} required value={v.amount} error={errs.amount} onValue={(amount) => set({ amount })} />
          {v.purpose === 'tet_gift' && (
            <TextField label={t('fund.packages')} inputMode="numeric" value={v.packages} onChange={(e) => set({ packages: e.target.value.replace(/\D/g, '') })} />
          )}
          <DateField label={t('fund.paidOn')} value={v.paidOn} required error={errs.paidOn} onChange={(d) => set({ paidOn: d })} />
          <SelectField
            label={t('fund.payFrom')}
            value={v.payAccountId}
            onChange={(e) => set({ payAccountId: e.target.value })}
            options={[{ value: '', label: t('fund.cash') }, ...payFrom.filter((a) => a.kind !== 'cash').map((a) => ({ value: String(a.id), label: a.name }))]}
          />
          <TextField label={t('fund.note')} value={v.note} onChange={(e) => set({ note: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}

export function FundDialog({ unitId, onClose, onSaved }: { unitId: number; onClose: () => void; onSaved: (f: Fund) => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ kind: 'vi_nguoi_ngheo' as FundKind, name: '', openedOn: todayIso() });
  const submit = async () =>
    onSaved(await call('POST /api/fund/funds', { body: { unitId, kind: v.kind, name: v.name.trim() || pick(FUND_KIND_LABELS[v.kind]), openedOn: v.openedOn } }));
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} title={t('fund.createFund')} submitLabel={t('common.create')}>
      {(errs) => (
        <>
          <SelectField
            label={t('fund.fundKind')}
            value={v.kind}
            onChange={(e) => setV({ ...v, kind: e.target.value as FundKind })}
            options={FUND_KINDS.map((k) => ({ value: k, label: pick(FUND_KIND_LABELS[k]) }))}
          />
          <TextField label={t('fund.fundName')} hint={t('fund.fundNameHint')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
          <DateField label={t('fund.openedOn')} value={v.openedOn} required error={errs.openedOn} onChange={(d) => setV({ ...v, openedOn: d })} />
        </>
      )}
    </FormDialog>
  );
}

export function CampaignDialog({ unitId, funds, onClose, onSaved }: { unitId: number; funds: Fund[]; onClose: () => void; onSaved: (c: CampaignCreated) => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({
    fundId: funds[0] ? String(funds[0].id) : '',
    name: '',
    purpose: '',
    receiveFrom: todayIso(),
    receiveTo: '',
    distributeBy: '',
    quota: '',
    quotaUnitId: null as number | null,
    isPublic: true,
  });
  const set = (p: Partial<typeof v>) => setV((o) => ({ ...o, ...p }));
  const submit = async () =>
    onSaved(
      await call('POST /api/fund/campaigns', {
        body: {
          unitId,
          fundId: Number(v.fundId),
          name: v.name.trim(),
          purpose: v.purpose.trim(),
          receiveFrom: v.receiveFrom,
          receiveTo: v.receiveTo,
          distributeBy: v.distributeBy,
          isPublic: v.isPublic,
          ...(amountOf(v.quota) > 0 ? { quota: amountOf(v.quota) } : {}),
          ...(v.quotaUnitId ? { quotaUnitId: v.quotaUnitId } : {}),
        },
      }),
    );
  return (
    <FormDialog
      open
      onClose={onClose}
      onSubmit={submit}
      canSubmit={!!v.fundId && !!v.name.trim() && !!v.purpose.trim() && !!v.receiveTo && !!v.distributeBy}
      title={t('fund.createCampaign')}
      submitLabel={t('common.create')}
    >
      {(errs) => (
        <>
          <SelectField
            label={t('fund.fund')}
            value={v.fundId}
            onChange={(e) => set({ fundId: e.target.value })}
            options={funds.map((f) => ({ value: String(f.id), label: f.name }))}
          />
          <TextField label={t('fund.campaignName')} required value={v.name} error={errs.name} onChange={(e) => set({ name: e.target.value })} />
          <TextField label={t('fund.campaignPurpose')} required value={v.purpose} error={errs.purpose} onChange={(e) => set({ purpose: e.target.value })} />
          <DateField label={t('fund.receiveFrom')} value={v.receiveFrom} required onChange={(d) => set({ receiveFrom: d })} />
          <DateField label={t('fund.receiveTo')} hint={t('fund.receiveToHint')} value={v.receiveTo} required onChange={(d) => set({ receiveTo: d })} />
          <DateField label={t('fund.distributeBy')} hint={t('fund.distributeByHint')} value={v.distributeBy} required onChange={(d) => set({ distributeBy: d })} />
          <MoneyField label={t('fund.quota')} hint={t('fund.amountHint')} value={v.quota} onValue={(quota) => set({ quota })} />
          {amountOf(v.quota) > 0 && <UnitSelect label={t('fund.quotaUnit')} value={v.quotaUnitId} onChange={(id) => set({ quotaUnitId: id })} />}
          <CheckboxField label={t('fund.isPublic')} checked={v.isPublic} onChange={(e) => set({ isPublic: e.target.checked })} />
        </>
      )}
    </FormDialog>
  );
}

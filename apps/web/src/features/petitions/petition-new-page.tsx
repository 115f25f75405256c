import { useState, type FormEvent } from 'react';
import { PETITION_CHANNEL_LABELS, PETITION_CHANNELS, PETITION_FIELD_LABELS, PETITION_FIELDS, PETITION_KIND_LABELS, PETITION_KINDS } from '@contract/petitions-values';
import type { ApiError } from '../../api';
import { todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate } from '../../router';
import { DateField } from '../../ui/date-field';
import { ErrorNote } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { fieldErrors } from '../../ui/form-errors';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { TextAreaField } from './text-area';
import { call } from '../../client';
import type { PetitionField, PetitionKind } from '@contract/petitions-values';
import type { Input } from '../../client';
import { asApiError } from '../../query';

/** Records a petition received at a reception, by letter, at a voter meeting, a dialogue or in a situation report. */
export function PetitionNewPage() {
  const { t, pick } = useI18n();
  const { me } = useSession();
  const [v, setV] = useState({
    unitId: me?.unitId ?? (null as number | null),
    channel: 'written',
    kind: 'kien_nghi',
    field: 'khac',
    title: '',
    content: '',
    receivedOn: todayIso(),
    name: '',
    phone: '',
    address: '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const errs = error ? fieldErrors(error) : {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const identity = Object.fromEntries(Object.entries({ name: v.name, phone: v.phone, address: v.address }).filter(([, x]) => x.trim()));
      const p = await call('POST /api/petitions', {
        body: {
          unitId: v.unitId,
          channel: v.channel as Input<'POST /api/petitions'>['body']['channel'],
          kind: v.kind as PetitionKind,
          field: v.field as PetitionField,
          title: v.title,
          content: v.content,
          receivedOn: v.receivedOn,
          ...identity,
        },
      });
      navigate(`/petitions/${p.id}`);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle
        title={t('petitions.new')}
        before={
          <Link to="/petitions" className="small">
            ← {t('petitions.title')}
          </Link>
        }
      />
      <form onSubmit={submit}>
        <Section title={t('petitions.details')}>
          <UnitSelect label={t('petitions.unit')} value={v.unitId} onChange={(id) => set({ unitId: id })} allowClear={false} error={errs.unitId} />
          <SelectField
            label={t('petitions.channel')}
            value={v.channel}
            onChange={(e) => set({ channel: e.target.value })}
            options={PETITION_CHANNELS.filter((c) => c !== 'web').map((c) => ({ value: c, label: pick(PETITION_CHANNEL_LABELS[c]) }))}
          />
          <SelectField
            label={t('petitions.kind')}
            value={v.kind}
            onChange={(e) => set({ kind: e.target.value })}
            options={PETITION_KINDS.map((k) => ({ value: k, label: pick(PETITION_KIND_LABELS[k]) }))}
          />
          <SelectField
            label={t('petitions.field')}
            value={v.field}
            onChange={(e) => set({ field: e.target.value })}
            options={PETITION_FIELDS.map((f) => ({ value: f, label: pick(PETITION_FIELD_LABELS[f]) }))}
          />
          <DateField label={t('petitions.received')} value={v.receivedOn} required error={errs.receivedOn} onChange={(d) => set({ receivedOn: d })} />
          <TextField label={t('petitions.titleLabel')} required maxLength={200} value={v.title} error={errs.title} onChange={(e) => set({ title: e.target.value })} />
          <TextAreaField label={t('petitions.content')} required maxLength={5000} value={v.content} error={errs.content} onChange={(e) => set({ content: e.target.value })} />
        </Section>
        <Section title={t('petitions.identity')}>
          <p className="small muted">{v.kind === 'to_cao' ? t('petitions.identityProtectedHint') : t('petitions.identityHint')}</p>
          <TextField label={t('petitions.id.name')} value={v.name} onChange={(e) => set({ name: e.target.value })} autoComplete="off" />
          <TextField label={t('petitions.id.phone')} value={v.phone} onChange={(e) => set({ phone: e.target.value })} autoComplete="off" />
          <TextField label={t('petitions.id.address')} value={v.address} onChange={(e) => set({ address: e.target.value })} autoComplete="off" />
        </Section>
        {error && <ErrorNote error={error} />}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !v.unitId || !v.title.trim() || !v.content.trim()}>
            {t('petitions.save')}
          </button>
        </div>
      </form>
    </>
  );
}

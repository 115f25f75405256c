import { useState } from 'react';
import { MODEL_KIND_LABELS, MODEL_KINDS } from '@contract/movements-values';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { call } from '../../client';
import { useEndpoint } from '../../query';
import type { ModelKind } from '@contract/movements-values';

/** The one registry of models (self-managed groups, creative models, OCOP products …), phone-first for a village board. */
export function ModelsPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const kind = q.kind || '';
  const list = useEndpoint('GET /api/movements/models', unit ? { query: { unit, kind: (kind || undefined) as ModelKind | undefined } } : null);
  const [adding, setAdding] = useState(false);
  const kinds = [{ value: '', label: t('movements.allKinds') }, ...MODEL_KINDS.map((k) => ({ value: k, label: pick(MODEL_KIND_LABELS[k]) }))];
  return (
    <>
      <PageTitle
        title={t('movements.modelsTitle')}
        actions={
          can('movement.write') &&
          unit && (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              {t('movements.addModel')}
            </button>
          )
        }
      />
      <div className="filters">
        <UnitSelect label={t('movements.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
        <SelectField label={t('movements.kind')} value={kind} onChange={(e) => setQ({ kind: e.target.value || null })} options={kinds} />
      </div>
      {list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data?.length === 0 && <Empty>{t('movements.none')}</Empty>}
      <p className="small muted">{list.data && t('movements.modelCount', { n: list.data.length })}</p>
      <ul className="member-list" data-testid="models">
        {list.data?.slice(0, 200).map((m) => (
          <li key={m.id}>
            <strong>{m.name}</strong> · {pick(MODEL_KIND_LABELS[m.kind])}
            <div className="small muted">
              {m.unitName} · {t('movements.since', { date: formatDate(m.startedOn) })}
              {m.members > 0 && ` · ${t('movements.members', { n: m.members })}`}
              {m.recognisedOn && ` · ${t('movements.recognised', { date: formatDate(m.recognisedOn) })}`}
            </div>
          </li>
        ))}
      </ul>
      {adding && unit && <ModelDialog unitId={unit} onClose={() => setAdding(false)} onSaved={list.reload} />}
    </>
  );
}

function ModelDialog({ unitId, onClose, onSaved }: { unitId: number; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({ kind: 'security', name: '', startedOn: todayIso(), members: '' });
  const submit = async () => {
    await call('POST /api/movements/models', {
      body: { unitId, kind: v.kind as ModelKind, name: v.name, startedOn: v.startedOn, ...(v.members ? { members: Number(v.members) } : {}) },
    });
    onSaved();
  };
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} title={t('movements.addModel')} submitLabel={t('movements.save')} canSubmit={v.name.trim().length > 1}>
      {(errs) => (
        <>
          <SelectField
            label={t('movements.kind')}
            value={v.kind}
            onChange={(e) => setV({ ...v, kind: e.target.value })}
            options={MODEL_KINDS.map((k) => ({ value: k, label: pick(MODEL_KIND_LABELS[k]) }))}
          />
          <TextField label={t('movements.modelName')} required value={v.name} error={errs.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
          <DateField label={t('movements.startedOn')} value={v.startedOn} required error={errs.startedOn} onChange={(d) => setV({ ...v, startedOn: d })} />
          <TextField
            label={t('movements.membersField')}
            inputMode="numeric"
            pattern="[0-9]*"
            value={v.members}
            onChange={(e) => setV({ ...v, members: e.target.value.replace(/\D/g, '') })}
          />
        </>
      )}
    </FormDialog>
  );
}

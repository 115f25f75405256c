import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api';
import { todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, useQueryState } from '../../router';
import { call } from '../../client';
import { asApiError, useEndpoint } from '../../query';
import { DateField } from '../../ui/date-field';
import { ErrorNote } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { fieldErrors } from '../../ui/form-errors';
import { PageTitle, Section } from '../../ui/page';
import { useMe } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { TARGET_TEMPLATES, TARGET_TEMPLATE_LABELS, type TargetTemplate } from '@contract/targets-values';
import './targets.css';

/** A new congress term sets its targets without code: copied from an earlier congress, then edited. */
export function CongressNewPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const [query] = useQueryState();
  const [unit, setUnit] = useState<number | null>(query.unit ? Number(query.unit) : me.unitId);
  const [termLabel, setTerm] = useState('');
  const [name, setName] = useState('');
  const [validFrom, setFrom] = useState(todayIso());
  const [copyFrom, setCopy] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const around = useEndpoint('GET /api/target-congresses', unit ? { query: { unit } } : null);
  const errors = fieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !unit) return;
    setBusy(true);
    setError(null);
    try {
      const k = await call('POST /api/target-congresses', {
        body: {
          unitId: unit,
          termLabel,
          name,
          validFrom,
          ...(copyFrom.startsWith('template:') ? { template: copyFrom.slice(9) as TargetTemplate /* one of the options below */ } : copyFrom ? { copyFrom: Number(copyFrom) } : {}),
        },
      });
      navigate(`/targets/congresses/${k.id}`);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle
        before={
          <p className="small">
            <Link to="/targets">← {t('targets.back')}</Link>
          </p>
        }
        title={t('targets.newCongress')}
      />
      <Section title={t('targets.newCongress')}>
        <form className="form" onSubmit={submit}>
          {error && <ErrorNote error={error} />}
          <UnitSelect label={t('targets.unit')} value={unit} allowClear={false} onChange={(id) => setUnit(id)} />
          <TextField label={t('targets.termLabel')} hint="2030–2035" value={termLabel} onChange={(e) => setTerm(e.target.value)} required error={errors.termLabel} />
          <TextField label={t('targets.congressName')} value={name} onChange={(e) => setName(e.target.value)} required error={errors.name} />
          <DateField label={t('targets.validFrom')} value={validFrom} onChange={setFrom} required />
          <SelectField
            label={t('targets.copyFrom')}
            value={copyFrom}
            onChange={(e) => setCopy(e.target.value)}
            options={[
              { value: '', label: t('targets.copyNone') },
              ...TARGET_TEMPLATES.map((x) => ({ value: `template:${x}`, label: pick(TARGET_TEMPLATE_LABELS[x]) })),
              ...(around.data ?? []).map((k) => ({ value: String(k.id), label: `${k.unitName}: ${k.name}` })),
            ]}
          />
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy || !unit}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      </Section>
    </>
  );
}

import { useState } from 'react';
import { DOC_KIND_LABELS, OPINION_FORM_LABELS, OPINION_TOPIC_LABELS } from '@contract/oversight-values';
import type { DocKind, OpinionForm, OpinionTopic } from '@contract/oversight-values';
import { formatDate, formatNumber, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { checkForm, isCount } from './form-check';
import { labelOptions } from './oversight-page';
import { OversightTabs } from './tabs';
import { call } from '../../client';
import { useEndpoint } from '../../query';

/**
 * Opinions a unit collected on draft documents (laws, provincial resolutions, Party congress documents)
 * and on officials and Party members (QĐ 124): the rounds, and the counts of drafts, opinions and people.
 */
export function OpinionsPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const list = useEndpoint('GET /api/oversight/opinions', unit ? { query: { unit, ...(q.year ? { year: q.year } : {}) } } : null);
  const [adding, setAdding] = useState(false);
  const rows = list.data ?? [];
  const drafts = rows.flatMap((s) => s.drafts);
  const totals = {
    rounds: rows.length,
    drafts: drafts.length,
    draftOpinions: drafts.reduce((n, d) => n + d.opinions, 0),
    officials: rows.reduce((n, s) => n + s.officialsOpinions, 0),
    people: rows.reduce((n, s) => n + s.participants, 0),
  };
  return (
    <>
      <PageTitle
        title={t('oversight.title')}
        actions={
          can('oversight.write') &&
          unit && (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              {t('opinions.add')}
            </button>
          )
        }
      />
      <OversightTabs tab="opinions" query={{ unit: q.unit, year: q.year }} />
      <div className="filters">
        <UnitSelect label={t('oversight.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
        <TextField
          label={t('oversight.year')}
          hint={t('opinions.yearHint')}
          type="number"
          min={2000}
          max={2100}
          value={q.year ?? ''}
          onChange={(e) => setQ({ year: e.target.value || null })}
        />
      </div>
      {list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <dl className="stats" data-testid="opinion-totals">
          <div>
            <dt>{t('opinions.rounds')}</dt>
            <dd>{formatNumber(totals.rounds)}</dd>
          </div>
          <div>
            <dt>{t('opinions.drafts')}</dt>
            <dd>{formatNumber(totals.drafts)}</dd>
          </div>
          <div>
            <dt>{t('opinions.draftOpinions')}</dt>
            <dd>{formatNumber(totals.draftOpinions)}</dd>
          </div>
          <div>
            <dt>{t('opinions.officialsOpinions')}</dt>
            <dd>{formatNumber(totals.officials)}</dd>
          </div>
          <div>
            <dt>{t('opinions.people')}</dt>
            <dd>{formatNumber(totals.people)}</dd>
          </div>
        </dl>
      )}
      {list.data?.length === 0 && <Empty>{t('oversight.none')}</Empty>}
      {list.data && list.data.length >= 500 && <p className="hint">{t('opinions.capped')}</p>}
      <ul className="member-list" data-testid="opinion-sessions">
        {rows.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong>
            <div className="small muted">
              {formatDate(s.heldOn)} · {pick(OPINION_FORM_LABELS[s.form])} · {pick(OPINION_TOPIC_LABELS[s.topic])} · {s.unitName}
              {s.participants > 0 && <> · {t('opinions.peopleN', { n: formatNumber(s.participants) })}</>}
            </div>
            {s.topic === 'officials' ? (
              <div className="small">{t('opinions.officialsN', { n: formatNumber(s.officialsOpinions) })}</div>
            ) : (
              <ul className="small">
                {s.drafts.map((d) => (
                  <li key={d.id}>
                    {d.title} ({pick(DOC_KIND_LABELS[d.docKind])}): {t('opinions.opinionsN', { n: formatNumber(d.opinions) })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {adding && unit && <OpinionDialog unitId={unit} onClose={() => setAdding(false)} onSaved={list.reload} />}
    </>
  );
}

type DraftRow = { title: string; docKind: string; opinions: string };

function OpinionDialog({ unitId, onClose, onSaved }: { unitId: number; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const today = todayIso();
  const [v, setV] = useState({ heldOn: today, form: 'conference', topic: 'drafts', title: '', participants: '', officialsOpinions: '' });
  const [drafts, setDrafts] = useState<DraftRow[]>([{ title: '', docKind: 'law', opinions: '' }]);
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const setDraft = (i: number, patch: Partial<DraftRow>) => setDrafts((ds) => ds.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  const onDrafts = v.topic === 'drafts';
  const submit = async () => {
    const required = t('form.required');
    const count = t('form.count');
    checkForm({
      heldOn: !v.heldOn ? required : v.heldOn > today && t('form.notFuture'),
      title: !v.title.trim() && required,
      participants: v.participants.trim() !== '' && !isCount(v.participants) && count,
      officialsOpinions: !onDrafts && !isCount(v.officialsOpinions) && count,
      drafts: onDrafts && drafts.length === 0 && t('opinions.errNoDrafts'),
      ...(onDrafts
        ? Object.fromEntries(
            drafts.flatMap((d, i) => [
              [`d${i}.title`, !d.title.trim() && required],
              [`d${i}.opinions`, !isCount(d.opinions) && count],
            ]),
          )
        : {}),
    });
    await call('POST /api/oversight/opinions', {
      body: {
        unitId,
        heldOn: v.heldOn,
        form: v.form as OpinionForm,
        topic: v.topic as OpinionTopic,
        title: v.title,
        participants: Number(v.participants || 0),
        ...(onDrafts ? { drafts: drafts.map((d) => ({ ...d, docKind: d.docKind as DocKind, opinions: Number(d.opinions) })) } : { officialsOpinions: Number(v.officialsOpinions) }),
      },
    });
    onSaved();
  };
  return (
    <FormDialog open noValidate onClose={onClose} onSubmit={submit} title={t('opinions.add')} submitLabel={t('oversight.save')}>
      {(errs) => (
        <>
          <SelectField label={t('opinions.topic')} value={v.topic} onChange={(e) => set({ topic: e.target.value })} options={labelOptions(OPINION_TOPIC_LABELS, pick)} />
          <SelectField label={t('oversight.form')} value={v.form} onChange={(e) => set({ form: e.target.value })} options={labelOptions(OPINION_FORM_LABELS, pick)} />
          <TextField label={t('opinions.title')} required value={v.title} error={errs.title} onChange={(e) => set({ title: e.target.value })} />
          <DateField label={t('opinions.heldOn')} value={v.heldOn} required error={errs.heldOn} onChange={(d) => set({ heldOn: d })} />
          <TextField
            label={t('opinions.participants')}
            inputMode="numeric"
            value={v.participants}
            error={errs.participants}
            onChange={(e) => set({ participants: e.target.value })}
          />
          {!onDrafts && (
            <TextField
              label={t('opinions.officialsOpinions')}
              required
              inputMode="numeric"
              value={v.officialsOpinions}
              error={errs.officialsOpinions}
              onChange={(e) => set({ officialsOpinions: e.target.value })}
            />
          )}
          {onDrafts && (
            <>
              {errs.drafts && (
                <p className="field-error" role="alert">
                  {errs.drafts}
                </p>
              )}
              {drafts.map((d, i) => (
                <fieldset key={i} className="subform">
                  <legend>{t('opinions.draftN', { n: i + 1 })}</legend>
                  <TextField label={t('opinions.draftTitle')} required value={d.title} error={errs[`d${i}.title`]} onChange={(e) => setDraft(i, { title: e.target.value })} />
                  <SelectField
                    label={t('opinions.docKind')}
                    value={d.docKind}
                    onChange={(e) => setDraft(i, { docKind: e.target.value })}
                    options={labelOptions(DOC_KIND_LABELS, pick)}
                  />
                  <TextField
                    label={t('opinions.draftOpinionsField')}
                    required
                    inputMode="numeric"
                    value={d.opinions}
                    error={errs[`d${i}.opinions`]}
                    onChange={(e) => setDraft(i, { opinions: e.target.value })}
                  />
                  <button type="button" className="btn btn-small" onClick={() => setDrafts((ds) => ds.filter((_, k) => k !== i))}>
                    {t('oversight.remove')}
                  </button>
                </fieldset>
              ))}
              <button type="button" className="btn btn-small" onClick={() => setDrafts((ds) => [...ds, { title: '', docKind: 'law', opinions: '' }])}>
                {t('opinions.addDraft')}
              </button>
            </>
          )}
        </>
      )}
    </FormDialog>
  );
}

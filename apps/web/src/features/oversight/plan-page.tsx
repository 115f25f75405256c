import { useState } from 'react';
import type { Plan } from '@contract/oversight';
import { ACTIVITY_FORM_LABELS, ACTIVITY_KIND_LABELS, SUBJECT_KIND_LABELS } from '@contract/oversight-values';
import type { ActivityForm, ActivityKind, SubjectKind } from '@contract/oversight-values';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { checkForm } from './form-check';
import { ActivityDialog, labelOptions } from './oversight-page';
import { OversightTabs } from './tabs';
import { call } from '../../client';
import { useEndpoint } from '../../query';

type TopicRow = { kind: string; title: string; subjectKind: string; subject: string; form: string; quarter: string };
const emptyTopic = (kind = 'supervision'): TopicRow => ({ kind, title: '', subjectKind: 'agency', subject: '', form: 'direct', quarter: '1' });

/**
 * A unit's annual supervision and criticism plan: its topics by quarter, what target 10 asks of the
 * unit's level against what is planned and carried out, the standing committee's approval and the Party
 * committee's opinion.
 */
export function PlanPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const year = /^\d{4}$/.test(q.year ?? '') ? Number(q.year) : Number(todayIso().slice(0, 4));
  const plan = useEndpoint('GET /api/oversight/plans', unit ? { query: { unit, year } } : null);
  const [editing, setEditing] = useState(false);
  const [approving, setApproving] = useState(false);
  const [carrying, setCarrying] = useState<Plan['topics'][number] | null>(null);
  const p = plan.data;
  const draft = p?.status === 'draft';
  return (
    <>
      <PageTitle
        title={t('oversight.title')}
        actions={
          can('oversight.write') &&
          unit &&
          plan.data === null && (
            <button type="button" className="btn btn-primary" onClick={() => setEditing(true)}>
              {t('plan.create')}
            </button>
          )
        }
      />
      <OversightTabs tab="plan" query={{ unit: q.unit, year: q.year }} />
      <div className="filters">
        <UnitSelect label={t('oversight.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
        <TextField label={t('oversight.year')} type="number" min={2000} max={2100} value={q.year ?? String(year)} onChange={(e) => setQ({ year: e.target.value || null })} />
      </div>
      {plan.error && <ErrorNote error={plan.error} onRetry={plan.reload} />}
      {plan.loading && plan.data === undefined && <Loading />}
      {plan.data === null && <Empty>{t('plan.none', { year })}</Empty>}
      {p && (
        <>
          <Section
            title={t('plan.heading', { year: p.year, unit: p.unitName })}
            actions={
              <>
                {draft && can('oversight.write') && (
                  <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
                    {t('plan.edit')}
                  </button>
                )}
                {draft && can('oversight.approve') && (
                  <button type="button" className="btn btn-small btn-primary" onClick={() => setApproving(true)}>
                    {t('plan.approve')}
                  </button>
                )}
              </>
            }
          >
            <p data-testid="plan-status">
              {draft ? (
                <span className="badge badge-warn">{t('plan.draft')}</span>
              ) : (
                <span className="badge badge-ok">{t('plan.approvedOn', { date: formatDate(p.approvedOn) })}</span>
              )}
            </p>
            {p.partyOpinion && (
              <p>
                <strong>{t('plan.partyOpinion')}:</strong> {p.partyOpinion}
                {p.partyOpinionOn && ` (${formatDate(p.partyOpinionOn)})`}
              </p>
            )}
            {draft && !can('oversight.approve') && <p className="hint">{t('plan.approveHint')}</p>}
          </Section>
          <Section title={t('plan.progress')}>
            <ul className="member-list" data-testid="plan-progress">
              {p.requirements.map((r) => (
                <li key={r.kind}>
                  <strong>{t(r.kind === 'supervision' ? 'plan.reqSupervision' : 'plan.reqCriticism')}</strong>
                  <div className="small">
                    {t('plan.required', { n: r.max === null ? `≥ ${r.min}` : r.max === r.min ? String(r.min) : `${r.min}–${r.max}` })}
                    {' · '}
                    {t('plan.planned', { n: r.planned })}
                    {' · '}
                    {t('plan.done', { n: r.done, year: p.year })}
                  </div>
                  {r.gap > 0 ? <span className="badge badge-warn">{t('plan.gap', { n: r.gap })}</span> : <span className="badge badge-ok">{t('plan.enough')}</span>}
                </li>
              ))}
            </ul>
            <p className="hint">{t('plan.progressHint')}</p>
          </Section>
          <Section title={t('plan.topics')}>
            {p.topics.length === 0 && <Empty>{t('plan.noTopics')}</Empty>}
            <ul className="member-list" data-testid="plan-topics">
              {p.topics.map((x) => (
                <li key={x.id}>
                  <div className="member-main">
                    <span className="badge">{t('plan.quarterN', { n: x.quarter })}</span> <strong>{x.title}</strong>
                  </div>
                  <div className="small muted">
                    {pick(ACTIVITY_KIND_LABELS[x.kind])} · {pick(ACTIVITY_FORM_LABELS[x.form])} · {pick(SUBJECT_KIND_LABELS[x.subjectKind])}: {x.subject}
                  </div>
                  <div className="member-actions">
                    {x.activityId ? (
                      <Link to={`/oversight/activities/${x.activityId}`}>{t('plan.carriedOut')}</Link>
                    ) : (
                      <span className="small muted">{t('plan.notCarriedOut')}</span>
                    )}
                    {!x.activityId && p.status === 'approved' && p.year <= Number(todayIso().slice(0, 4)) && can('oversight.write') && (
                      <button type="button" className="btn btn-small" onClick={() => setCarrying(x)}>
                        {t('plan.carryOut')}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </Section>
        </>
      )}
      {editing && unit && <PlanDialog unitId={unit} year={year} plan={p ?? null} onClose={() => setEditing(false)} onSaved={plan.reload} />}
      {approving && p && <ApproveDialog plan={p} onClose={() => setApproving(false)} onSaved={plan.reload} />}
      {carrying && unit && (
        <ActivityDialog
          unitId={unit}
          onClose={() => setCarrying(null)}
          preset={{ topicId: carrying.id, kind: carrying.kind, form: carrying.form, title: carrying.title, subjectKind: carrying.subjectKind, subject: carrying.subject }}
        />
      )}
    </>
  );
}

/** Drafts the plan or edits its draft: the topics by quarter (those already carried out stay as they are). */
function PlanDialog({ unitId, year, plan, onClose, onSaved }: { unitId: number; year: number; plan: Plan | null; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const kept = plan?.topics.filter((x) => x.activityId) ?? [];
  const [rows, setRows] = useState<TopicRow[]>(() => {
    const open = plan?.topics.filter((x) => !x.activityId).map((x) => ({ ...x, quarter: String(x.quarter) })) ?? [];
    return open.length || kept.length ? open : [emptyTopic('supervision'), emptyTopic('criticism')];
  });
  const set = (i: number, patch: Partial<TopicRow>) => setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const submit = async () => {
    const required = t('form.required');
    checkForm({
      topics: rows.length + kept.length === 0 && t('plan.errNoTopics'),
      ...Object.fromEntries(
        rows.flatMap((r, i) => [
          [`t${i}.title`, !r.title.trim() && required],
          [`t${i}.subject`, !r.subject.trim() && required],
        ]),
      ),
    });
    await call('POST /api/oversight/plans', {
      body: {
        unitId,
        year,
        topics: rows.map((r) => ({ ...r, kind: r.kind as ActivityKind, subjectKind: r.subjectKind as SubjectKind, form: r.form as ActivityForm, quarter: Number(r.quarter) })),
      },
    });
    onSaved();
  };
  return (
    <FormDialog open noValidate onClose={onClose} onSubmit={submit} title={t(plan ? 'plan.edit' : 'plan.createYear', { year })} submitLabel={t('oversight.save')}>
      {(errs) => (
        <>
          <p className="hint">{t('plan.dialogHint')}</p>
          {errs.topics && (
            <p className="field-error" role="alert">
              {errs.topics}
            </p>
          )}
          {kept.length > 0 && <p className="small muted">{t('plan.kept', { n: kept.length })}</p>}
          {rows.map((r, i) => (
            <fieldset key={i} className="subform">
              <legend>{t('plan.topicN', { n: i + 1 })}</legend>
              <SelectField label={t('oversight.kind')} value={r.kind} onChange={(e) => set(i, { kind: e.target.value })} options={labelOptions(ACTIVITY_KIND_LABELS, pick)} />
              <TextField label={t('plan.topicTitle')} required value={r.title} error={errs[`t${i}.title`]} onChange={(e) => set(i, { title: e.target.value })} />
              <SelectField
                label={t('oversight.subjectKind')}
                value={r.subjectKind}
                onChange={(e) => set(i, { subjectKind: e.target.value })}
                options={labelOptions(SUBJECT_KIND_LABELS, pick)}
              />
              <TextField label={t('oversight.subject')} required value={r.subject} error={errs[`t${i}.subject`]} onChange={(e) => set(i, { subject: e.target.value })} />
              <div className="form-row">
                <SelectField label={t('oversight.form')} value={r.form} onChange={(e) => set(i, { form: e.target.value })} options={labelOptions(ACTIVITY_FORM_LABELS, pick)} />
                <SelectField
                  label={t('plan.quarter')}
                  value={r.quarter}
                  onChange={(e) => set(i, { quarter: e.target.value })}
                  options={['1', '2', '3', '4'].map((n) => ({ value: n, label: t('plan.quarterN', { n }) }))}
                />
              </div>
              <button type="button" className="btn btn-small" onClick={() => setRows((rs) => rs.filter((_, k) => k !== i))}>
                {t('oversight.remove')}
              </button>
            </fieldset>
          ))}
          <button type="button" className="btn btn-small" onClick={() => setRows((rs) => [...rs, emptyTopic()])}>
            {t('plan.addTopic')}
          </button>
        </>
      )}
    </FormDialog>
  );
}

/** The standing committee approves the plan and records the Party committee's opinion on it. */
function ApproveDialog({ plan, onClose, onSaved }: { plan: Plan; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const today = todayIso();
  const [v, setV] = useState({ approvedOn: today, partyOpinion: '', partyOpinionOn: '' });
  const submit = async () => {
    const future = t('form.notFuture');
    checkForm({
      approvedOn: !v.approvedOn ? t('form.required') : v.approvedOn > today && future,
      partyOpinionOn: v.partyOpinionOn > today ? future : !!v.partyOpinionOn && !v.partyOpinion.trim() && t('plan.errOpinionText'),
    });
    await call('POST /api/oversight/plans/:id/approve', {
      params: { id: plan.id },
      body: {
        approvedOn: v.approvedOn,
        ...(v.partyOpinion.trim() ? { partyOpinion: v.partyOpinion } : {}),
        ...(v.partyOpinionOn ? { partyOpinionOn: v.partyOpinionOn } : {}),
      },
    });
    onSaved();
  };
  return (
    <FormDialog open noValidate onClose={onClose} onSubmit={submit} title={t('plan.approveTitle', { year: plan.year })} submitLabel={t('plan.approve')}>
      {(errs) => (
        <>
          {plan.requirements.some((r) => r.gap > 0) && <Notice kind="warn">{t('plan.approveGap')}</Notice>}
          <DateField label={t('plan.approvedOnField')} value={v.approvedOn} required error={errs.approvedOn} onChange={(d) => setV({ ...v, approvedOn: d })} />
          <TextField
            label={t('plan.partyOpinion')}
            hint={t('plan.partyOpinionHint')}
            value={v.partyOpinion}
            error={errs.partyOpinion}
            onChange={(e) => setV({ ...v, partyOpinion: e.target.value })}
          />
          <DateField label={t('plan.partyOpinionOn')} value={v.partyOpinionOn} allowEmpty error={errs.partyOpinionOn} onChange={(d) => setV({ ...v, partyOpinionOn: d })} />
        </>
      )}
    </FormDialog>
  );
}

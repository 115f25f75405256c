import { useState } from 'react';
import { ACTIVITY_FORM_LABELS, ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, RECOMMENDATION_STATUS_LABELS, SUBJECT_KIND_LABELS } from '@contract/oversight-values';
import type { ActivityForm, ActivityKind, SubjectKind } from '@contract/oversight-values';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { OversightTabs } from './tabs';
import { call } from '../../client';
import { useEndpoint } from '../../query';

export const labelOptions = (labels: Record<string, { vi: string; en: string }>, pick: (l: { vi: string; en: string }) => string) =>
  Object.entries(labels).map(([value, l]) => ({ value, label: pick(l) }));
const options = labelOptions;

/** A unit's supervisions and criticisms, newest first, with how many recommendations are still open. */
export function OversightPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const list = useEndpoint('GET /api/oversight/activities', unit ? { query: { unit, ...(q.year ? { year: q.year } : {}) } } : null);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageTitle
        title={t('oversight.title')}
        actions={
          can('oversight.write') &&
          unit && (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              {t('oversight.add')}
            </button>
          )
        }
      />
      <OversightTabs tab="list" query={{ unit: q.unit, year: q.year }} />
      <div className="filters">
        <UnitSelect label={t('oversight.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
        <TextField label={t('oversight.year')} type="number" min={2000} max={2100} value={q.year ?? ''} onChange={(e) => setQ({ year: e.target.value || null })} />
      </div>
      {list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data?.length === 0 && <Empty>{t('oversight.none')}</Empty>}
      <ul className="member-list">
        {list.data?.map((a) => (
          <li key={a.id}>
            <Link to={`/oversight/activities/${a.id}`}>
              <strong>{a.title}</strong>
            </Link>
            <div className="small muted">
              {pick(ACTIVITY_KIND_LABELS[a.kind])} · {pick(ACTIVITY_FORM_LABELS[a.form])} · {formatDate(a.startedOn)} · {a.unitName} · {pick(ACTIVITY_STATUS_LABELS[a.status])}
              {a.recommendations > 0 && <> · {t('oversight.recsN', { n: a.recommendations, open: a.openRecommendations })}</>}
            </div>
          </li>
        ))}
      </ul>
      {adding && unit && <ActivityDialog unitId={unit} onClose={() => setAdding(false)} />}
    </>
  );
}

type ActivityPreset = { topicId: number; kind: string; form: string; title: string; subjectKind: string; subject: string };

/** Records a supervision or criticism; from a plan's topic (`preset`) it is counted against that topic. */
export function ActivityDialog({ unitId, onClose, preset }: { unitId: number; onClose: () => void; preset?: ActivityPreset }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({
    kind: preset?.kind ?? 'supervision',
    form: preset?.form ?? 'direct',
    title: preset?.title ?? '',
    subjectKind: preset?.subjectKind ?? 'agency',
    subject: preset?.subject ?? '',
    team: '',
    documents: '',
    startedOn: todayIso(),
    draftTitle: '',
    participants: '0',
    opinionsGiven: '0',
    opinionsAccepted: '0',
  });
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const criticism = v.kind === 'criticism';
  const submit = async () => {
    const a = await call('POST /api/oversight/activities', {
      body: {
        unitId,
        kind: v.kind as ActivityKind,
        form: v.form as ActivityForm,
        title: v.title,
        subjectKind: v.subjectKind as SubjectKind,
        subject: v.subject,
        team: v.team,
        documents: v.documents,
        startedOn: v.startedOn,
        ...(preset ? { topicId: preset.topicId } : {}),
        ...(criticism
          ? { draftTitle: v.draftTitle, participants: Number(v.participants), opinionsGiven: Number(v.opinionsGiven), opinionsAccepted: Number(v.opinionsAccepted) }
          : {}),
      },
    });
    navigate(`/oversight/activities/${a.id}`);
  };
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} title={t('oversight.add')} submitLabel={t('oversight.save')} canSubmit={!!v.title.trim() && !!v.subject.trim()}>
      {(errs) => (
        <>
          {preset && <p className="hint">{t('plan.fromTopic')}</p>}
          <SelectField
            label={t('oversight.kind')}
            value={v.kind}
            disabled={!!preset}
            onChange={(e) => set({ kind: e.target.value })}
            options={options(ACTIVITY_KIND_LABELS, pick)}
          />
          <SelectField label={t('oversight.form')} value={v.form} onChange={(e) => set({ form: e.target.value })} options={options(ACTIVITY_FORM_LABELS, pick)} />
          <TextField label={t('oversight.titleField')} required value={v.title} error={errs.title} onChange={(e) => set({ title: e.target.value })} />
          <SelectField
            label={t('oversight.subjectKind')}
            value={v.subjectKind}
            onChange={(e) => set({ subjectKind: e.target.value })}
            options={options(SUBJECT_KIND_LABELS, pick)}
          />
          <TextField label={t('oversight.subject')} required value={v.subject} error={errs.subject} onChange={(e) => set({ subject: e.target.value })} />
          <TextField label={t('oversight.team')} value={v.team} onChange={(e) => set({ team: e.target.value })} />
          <DateField label={t('oversight.startedOn')} value={v.startedOn} required error={errs.startedOn} onChange={(d) => set({ startedOn: d })} />
          <TextField label={t('oversight.documents')} hint={t('oversight.documentsHint')} value={v.documents} onChange={(e) => set({ documents: e.target.value })} />
          {criticism && (
            <>
              <TextField label={t('oversight.draftTitle')} required value={v.draftTitle} onChange={(e) => set({ draftTitle: e.target.value })} />
              <TextField label={t('oversight.participants')} type="number" min={0} value={v.participants} onChange={(e) => set({ participants: e.target.value })} />
              <TextField label={t('oversight.opinionsGiven')} type="number" min={0} value={v.opinionsGiven} onChange={(e) => set({ opinionsGiven: e.target.value })} />
              <TextField label={t('oversight.opinionsAccepted')} type="number" min={0} value={v.opinionsAccepted} onChange={(e) => set({ opinionsAccepted: e.target.value })} />
            </>
          )}
        </>
      )}
    </FormDialog>
  );
}

/** Open recommendations past their due date, across the user's units (and those whose history they hold). */
export function OverduePage() {
  const { t, pick } = useI18n();
  const list = useEndpoint('GET /api/oversight/recommendations', { query: { overdue: true, limit: 200 } });
  return (
    <>
      <PageTitle title={t('oversight.title')} />
      <OversightTabs tab="overdue" />
      {list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && <p className="muted">{list.data.total ? t('oversight.overdueTotal', { n: list.data.total }) : t('oversight.overdueNone')}</p>}
      <ul className="member-list">
        {list.data?.items.map((r) => (
          <li key={r.id}>
            <strong>{r.content}</strong> — {r.agency}
            <div className="small muted">
              {t('oversight.dueOn')}: {formatDate(r.dueOn)} · {pick(RECOMMENDATION_STATUS_LABELS[r.status])} · {r.unitName} ·{' '}
              <Link to={`/oversight/activities/${r.activityId}`}>{r.activityTitle}</Link>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

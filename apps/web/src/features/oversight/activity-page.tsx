import { useState } from 'react';
import type { Recommendation } from '@contract/oversight';
import { ACTIVITY_FORM_LABELS, ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, RECOMMENDATION_NEXT, RECOMMENDATION_STATUS_LABELS } from '@contract/oversight-values';
import type { RecommendationStatus } from '@contract/oversight-values';
import { dayAfter, formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { ErrorNote, Loading } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { call } from '../../client';
import { useEndpoint } from '../../query';

type RecRow = { content: string; agency: string; dueOn: string };

/** One supervision or criticism: its conclusion and each recommendation followed to its remedy. */
export function ActivityPage({ id }: { id: number }) {
  const { t, pick } = useI18n();
  const a = useEndpoint('GET /api/oversight/activities/:id', { params: { id } });
  const [completing, setCompleting] = useState(false);
  const [following, setFollowing] = useState<Recommendation | null>(null);
  if (a.error) return <ErrorNote error={a.error} onRetry={a.reload} />;
  if (!a.data) return <Loading />;
  const d = a.data;
  return (
    <>
      <PageTitle
        title={d.title}
        sub={`${pick(ACTIVITY_KIND_LABELS[d.kind])} · ${pick(ACTIVITY_FORM_LABELS[d.form])} · ${d.unitName}`}
        actions={
          d.canWrite &&
          d.status === 'ongoing' && (
            <button type="button" className="btn btn-primary" onClick={() => setCompleting(true)}>
              {t('oversight.complete')}
            </button>
          )
        }
      />
      <dl className="facts">
        <dt>{t('oversight.status')}</dt>
        <dd>{pick(ACTIVITY_STATUS_LABELS[d.status])}</dd>
        <dt>{t('oversight.subject')}</dt>
        <dd>{d.subject}</dd>
        <dt>{t('oversight.startedOn')}</dt>
        <dd>
          {formatDate(d.startedOn)}
          {d.endedOn && ` – ${formatDate(d.endedOn)}`}
        </dd>
        {d.team && (
          <>
            <dt>{t('oversight.team')}</dt>
            <dd>{d.team}</dd>
          </>
        )}
        {d.documents && (
          <>
            <dt>{t('oversight.documents')}</dt>
            <dd>{d.documents}</dd>
          </>
        )}
        {d.draftTitle && (
          <>
            <dt>{t('oversight.draftTitle')}</dt>
            <dd>
              {d.draftTitle} · {d.opinionsAccepted}/{d.opinionsGiven}
            </dd>
          </>
        )}
        {d.findings && (
          <>
            <dt>{t('oversight.findings')}</dt>
            <dd>{d.findings}</dd>
          </>
        )}
        {d.conclusion && (
          <>
            <dt>{t('oversight.conclusion')}</dt>
            <dd>{d.conclusion}</dd>
          </>
        )}
      </dl>
      <Section title={t('oversight.recommendations')}>
        <ul className="member-list" data-testid="recommendations">
          {d.items.map((r) => (
            <li key={r.id}>
              <strong>{r.content}</strong> — {r.agency}
              <div className="small muted">
                {t('oversight.dueOn')}: {formatDate(r.dueOn)} ·{' '}
                <span className={r.overdue ? 'warn' : undefined}>{pick(RECOMMENDATION_STATUS_LABELS[r.overdue ? 'overdue' : r.status])}</span>
                {r.answer && <> · {r.answer}</>}
              </div>
              {d.canWrite && RECOMMENDATION_NEXT[r.status].length > 0 && (
                <button type="button" className="btn btn-small" onClick={() => setFollowing(r)}>
                  {t('oversight.follow')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </Section>
      {completing && <CompleteDialog id={id} startedOn={d.startedOn} onClose={() => setCompleting(false)} onSaved={a.reload} />}
      {following && <FollowDialog rec={following} onClose={() => setFollowing(null)} onSaved={a.reload} />}
    </>
  );
}

function CompleteDialog({ id, startedOn, onClose, onSaved }: { id: number; startedOn: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const today = todayIso();
  const [v, setV] = useState({ endedOn: today < startedOn ? startedOn : today, findings: '', conclusion: '' });
  const [recs, setRecs] = useState<RecRow[]>([]);
  const setRec = (i: number, patch: Partial<RecRow>) => setRecs((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const submit = async () => {
    await call('POST /api/oversight/activities/:id/complete', { params: { id: id }, body: { ...v, recommendations: recs } });
    onSaved();
  };
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} title={t('oversight.complete')} submitLabel={t('oversight.save')} canSubmit={!!v.conclusion.trim()}>
      {(errs) => (
        <>
          <DateField label={t('oversight.endedOn')} value={v.endedOn} required error={errs.endedOn} onChange={(x) => setV({ ...v, endedOn: x })} />
          <TextField label={t('oversight.findings')} value={v.findings} onChange={(e) => setV({ ...v, findings: e.target.value })} />
          <TextField label={t('oversight.conclusion')} required value={v.conclusion} error={errs.conclusion} onChange={(e) => setV({ ...v, conclusion: e.target.value })} />
          {recs.map((r, i) => (
            <fieldset key={i} className="fieldset">
              <legend>
                {t('oversight.recommendation')} {i + 1}
              </legend>
              <TextField label={t('oversight.recommendation')} required value={r.content} onChange={(e) => setRec(i, { content: e.target.value })} />
              <TextField label={t('oversight.agency')} required value={r.agency} onChange={(e) => setRec(i, { agency: e.target.value })} />
              <DateField label={t('oversight.dueOn')} value={r.dueOn} required onChange={(x) => setRec(i, { dueOn: x })} />
              <button type="button" className="btn btn-small" onClick={() => setRecs((rs) => rs.filter((_, k) => k !== i))}>
                {t('oversight.remove')}
              </button>
            </fieldset>
          ))}
          <button type="button" className="btn btn-small" onClick={() => setRecs((rs) => [...rs, { content: '', agency: '', dueOn: dayAfter(v.endedOn) }])}>
            {t('oversight.addRecommendation')}
          </button>
        </>
      )}
    </FormDialog>
  );
}

function FollowDialog({ rec, onClose, onSaved }: { rec: Recommendation; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const next = RECOMMENDATION_NEXT[rec.status];
  const [v, setV] = useState({ status: next[0] as string, answer: '', date: todayIso() });
  const submit = async () => {
    await call('POST /api/oversight/recommendations/:id/follow', {
      params: { id: rec.id },
      body: { status: v.status as RecommendationStatus, date: v.date, ...(v.answer.trim() ? { answer: v.answer } : {}) },
    });
    onSaved();
  };
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} title={t('oversight.follow')} submitLabel={t('oversight.save')}>
      {(errs) => (
        <>
          <p>{rec.content}</p>
          <SelectField
            label={t('oversight.status')}
            value={v.status}
            onChange={(e) => setV({ ...v, status: e.target.value })}
            options={next.map((s) => ({ value: s, label: pick(RECOMMENDATION_STATUS_LABELS[s]) }))}
          />
          <TextField label={t('oversight.answer')} value={v.answer} onChange={(e) => setV({ ...v, answer: e.target.value })} />
          <DateField label={t('oversight.endedOn')} value={v.date} required error={errs.date} onChange={(x) => setV({ ...v, date: x })} />
        </>
      )}
    </FormDialog>
  );
}

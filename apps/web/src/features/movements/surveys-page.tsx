import { useState } from 'react';
import type { Survey } from '@contract/movements';
import { SURVEY_RATING_LABELS, SURVEY_RATINGS } from '@contract/movements-values';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { call } from '../../client';
import { useEndpoint } from '../../query';

const pct = (x: number | null) => (x === null ? '—' : `${String(x).replace('.', ',')}%`);

/** Satisfaction surveys of a unit: results with sample size and margin of error; paper forms typed in as tallies (phone-first). */
export function SurveysPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const year = Number(todayIso().slice(0, 4));
  const list = useEndpoint('GET /api/movements/surveys', unit ? { query: { unit, year } } : null);
  const [paper, setPaper] = useState<Survey | null>(null);
  return (
    <>
      <PageTitle title={t('movements.surveysTitle')} sub={t('movements.surveysHint')} />
      <div className="filters">
        <UnitSelect label={t('movements.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
      </div>
      {list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data?.length === 0 && <Empty>{t('movements.none')}</Empty>}
      {list.data?.map((s) => (
        <article key={s.id} className="card" data-testid="survey">
          <h2>{s.title}</h2>
          <p className="small muted">
            {s.unitName} · {formatDate(s.opensOn)} – {formatDate(s.closesOn)}
            {s.publicCode && (
              <>
                {' '}
                · {t('movements.publicCode')}: <a href={`/public/surveys/${s.publicCode}`}>{s.publicCode}</a>
              </>
            )}
          </p>
          <Results id={s.id} />
          {can('movement.write') && (
            <button type="button" className="btn btn-small" onClick={() => setPaper(s)}>
              {t('movements.paperEntry')}
            </button>
          )}
        </article>
      ))}
      {paper && <PaperDialog survey={paper} onClose={() => setPaper(null)} onSaved={() => setPaper(null)} />}
    </>
  );
}

function Results({ id }: { id: number }) {
  const { t, pick } = useI18n();
  const r = useEndpoint('GET /api/movements/surveys/:id/results', { params: { id } });
  if (!r.data) return r.error ? <ErrorNote error={r.error} onRetry={r.reload} /> : <Loading inline />;
  return (
    <div data-testid="results">
      <p>
        <strong>{t('movements.rate', { rate: pct(r.data.ratePct), margin: pct(r.data.marginPct), n: r.data.respondents })}</strong>
      </p>
      <p className="small">{r.data.byRating.map((x) => `${pick(SURVEY_RATING_LABELS[x.rating])}: ${x.count}`).join(' · ')}</p>
    </div>
  );
}

function PaperDialog({ survey, onClose, onSaved }: { survey: Survey; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [day, setDay] = useState([todayIso(), survey.closesOn].sort()[0]);
  const [counts, setCounts] = useState<Record<string, string>>({});
  const total = SURVEY_RATINGS.reduce((n, k) => n + Number(counts[k] || 0), 0);
  const submit = async () => {
    const answers = SURVEY_RATINGS.flatMap((rating) => Array.from({ length: Number(counts[rating] || 0) }, () => ({ rating })));
    await call('POST /api/movements/surveys/:id/paper', { params: { id: survey.id }, body: { answeredOn: day, answers } });
    onSaved();
  };
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} title={t('movements.paperEntry')} submitLabel={t('movements.save')} canSubmit={total > 0 && total <= 500}>
      {(errs) => (
        <>
          <p className="small muted">{t('movements.paperHint')}</p>
          <DateField label={t('movements.answeredOn')} value={day} required error={errs.answeredOn} onChange={setDay} />
          {SURVEY_RATINGS.map((k) => (
            <TextField
              key={k}
              label={pick(SURVEY_RATING_LABELS[k])}
              inputMode="numeric"
              pattern="[0-9]*"
              value={counts[k] ?? ''}
              onChange={(e) => setCounts({ ...counts, [k]: e.target.value.replace(/\D/g, '') })}
            />
          ))}
        </>
      )}
    </FormDialog>
  );
}

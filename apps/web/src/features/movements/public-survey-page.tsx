import { useState, type FormEvent } from 'react';
import { SURVEY_RATING_LABELS, SURVEY_RATINGS, type SurveyRating } from '@contract/movements-values';
import type { ApiError } from '../../api';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/page';
import { call } from '../../client';
import { useEndpoint, asApiError } from '../../query';

/** A citizen answers a satisfaction survey without an account: the household code printed on the invitation, one answer per household. */
export function PublicSurveyPage({ code }: { code: string }) {
  const { t, pick } = useI18n();
  const survey = useEndpoint('GET /api/public/surveys/:code', { params: { code } });
  const [household, setHousehold] = useState('');
  const [rating, setRating] = useState<SurveyRating | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rating || busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('POST /api/public/surveys/:code/answers', { params: { code: code }, body: { householdCode: household, rating } });
      setDone(true);
    } catch (err) {
      setError(asApiError(err));
    }
    setBusy(false);
  };
  if (survey.error)
    return (
      <>
        <PageTitle title={t('movements.publicSurveyTitle')} />
        <ErrorNote error={survey.error} onRetry={survey.reload} />
      </>
    );
  if (!survey.data) return <Loading />;
  const s = survey.data;
  return (
    <>
      <PageTitle title={s.title} sub={`${s.unitName} · ${formatDate(s.opensOn)} – ${formatDate(s.closesOn)}`} />
      {done ? (
        <Notice kind="ok">{t('movements.thanks')}</Notice>
      ) : !s.open ? (
        <Notice kind="warn">{t('movements.surveyClosed')}</Notice>
      ) : (
        <form className="card" onSubmit={(e) => void submit(e)}>
          <p className="small muted">{t('movements.privacy')}</p>
          <TextField
            label={t('movements.householdCode')}
            hint={t('movements.householdCodeHint')}
            required
            autoComplete="off"
            value={household}
            onChange={(e) => setHousehold(e.target.value)}
          />
          <fieldset className="field">
            <legend>{s.question}</legend>
            {SURVEY_RATINGS.map((k) => (
              <label key={k} className="field-check">
                <input type="radio" name="rating" value={k} checked={rating === k} onChange={() => setRating(k)} /> {pick(SURVEY_RATING_LABELS[k])}
              </label>
            ))}
          </fieldset>
          {error && <ErrorNote error={error} />}
          <button type="submit" className="btn btn-primary" disabled={busy || !rating || household.trim().length < 4}>
            {t('movements.send')}
          </button>
        </form>
      )}
    </>
  );
}

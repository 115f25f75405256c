import { useState, type FormEvent } from 'react';
import { PETITION_KIND_LABELS, PETITION_STATE_LABELS, TRACKING_CODE_RE } from '@contract/petitions-values';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate } from '../../router';
import { ErrorNote, Loading } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import './petitions.css';
import { useEndpoint } from '../../query';

/** Enter a tracking code. */
export function PublicTrackFormPage() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const valid = TRACKING_CODE_RE.test(code.trim().toUpperCase());
  const go = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/public/petitions/${code.trim().toUpperCase()}`);
  };
  return (
    <>
      <PageTitle title={t('publicPetition.trackTitle')} />
      <Section title={t('publicPetition.enterCode')}>
        <form onSubmit={go}>
          <TextField
            label={t('publicPetition.code')}
            value={code}
            placeholder="ABCD-EFGH-JK"
            onChange={(e) => setCode(e.target.value)}
            error={code.trim() && !valid ? t('publicPetition.codeFormat') : undefined}
          />
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={!valid}>
              {t('publicPetition.look')}
            </button>
            <Link to="/public/petitions/new" className="btn">
              {t('publicPetition.title')}
            </Link>
          </div>
        </form>
        <p>
          <Link to="/public/petitions/mine">{t('publicPetition.lostCode')}</Link>
        </p>
      </Section>
    </>
  );
}

/** The status of one petition: states and dates, the agency and the published answer; nothing personal. */
export function PublicTrackPage({ code }: { code: string }) {
  const { t, pick } = useI18n();
  const res = useEndpoint('GET /api/public/petitions/:trackingCode', { params: { trackingCode: code } });
  return (
    <>
      <PageTitle title={t('publicPetition.trackTitle')} sub={<span className="tracking-code">{code}</span>} />
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading />}
      {res.data && (
        <>
          <Section title={t('publicPetition.status')}>
            <p data-testid="petition-state">
              <strong>{pick(PETITION_STATE_LABELS[res.data.state])}</strong>
            </p>
            <dl className="kv">
              <dt>{t('petitions.kind')}</dt>
              <dd>{pick(PETITION_KIND_LABELS[res.data.kind])}</dd>
              <dt>{t('petitions.unit')}</dt>
              <dd>{res.data.unitName}</dd>
              <dt>{t('petitions.received')}</dt>
              <dd>{formatDate(res.data.receivedOn)}</dd>
              {res.data.dueOn && (
                <>
                  <dt>{t('petitions.due')}</dt>
                  <dd>{formatDate(res.data.dueOn)}</dd>
                </>
              )}
            </dl>
          </Section>
          {res.data.answer && (
            <Section title={t('petitions.answer')}>
              <p>
                {res.data.answer.inWriting ? t('publicPetition.answeredInWriting') : t('petitions.notInWriting')} · {formatDate(res.data.answer.date)}
              </p>
              <p className="prewrap" data-testid="petition-answer">
                {res.data.answer.summary}
              </p>
            </Section>
          )}
          <Section title={t('petitions.timeline')}>
            <ol className="timeline">
              {res.data.timeline.map((e, i) => (
                <li key={i}>
                  <strong>{formatDate(e.date)}</strong> — {pick(PETITION_STATE_LABELS[e.state])}
                  {e.agencyName && <div className="small muted">{e.agencyName}</div>}
                </li>
              ))}
            </ol>
          </Section>
        </>
      )}
    </>
  );
}

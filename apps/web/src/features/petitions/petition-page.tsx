import { Fragment, useState, type ReactNode } from 'react';
import './petitions.css';
import type { PetitionDetail, PetitionIdentity } from '@contract/petitions';
import {
  PETITION_ACTION_LABELS,
  PETITION_CHANNEL_LABELS,
  PETITION_FIELD_LABELS,
  PETITION_KIND_LABELS,
  PETITION_STATE_LABELS,
  type PetitionAction,
} from '@contract/petitions-values';
import type { ApiError } from '../../api';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { PageTitle, Section } from '../../ui/page';
import { ActionDialog } from './action-dialog';
import { StateBadge } from './petitions-page';
import { call } from '../../client';
import { useEndpoint, asApiError } from '../../query';

/** One petition: what it asks, where it stands, its timeline and the next steps the user may take. */
export function PetitionPage({ id }: { id: number }) {
  const { t, pick } = useI18n();
  const res = useEndpoint('GET /api/petitions/:id', { params: { id } });
  const [action, setAction] = useState<PetitionAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (res.error) return <ErrorNote error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const p = res.data;
  const row = (label: string, value: ReactNode) =>
    value ? (
      <Fragment key={label}>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </Fragment>
    ) : null;
  return (
    <>
      <PageTitle
        title={p.title}
        sub={
          <>
            {p.trackingCode} · <StateBadge state={p.state} overdue={p.overdue} />
          </>
        }
        before={
          <Link to="/petitions" className="small">
            ← {t('petitions.title')}
          </Link>
        }
      />
      {done && <Notice kind="ok">{done}</Notice>}
      {p.allowedActions.length > 0 && (
        <div className="actions" role="group" aria-label={t('petitions.actions')}>
          {p.allowedActions.map((a) => (
            <button key={a} type="button" className={a === 'decline' || a === 'reopen' ? 'btn' : 'btn btn-primary'} onClick={() => setAction(a)}>
              {pick(PETITION_ACTION_LABELS[a])}
            </button>
          ))}
        </div>
      )}
      <Section title={t('petitions.details')}>
        <dl className="kv">
          {row(t('petitions.kind'), pick(PETITION_KIND_LABELS[p.kind]))}
          {row(t('petitions.channel'), pick(PETITION_CHANNEL_LABELS[p.channel]))}
          {row(t('petitions.field'), pick(PETITION_FIELD_LABELS[p.field]))}
          {row(t('petitions.unit'), p.unitName)}
          {row(t('petitions.received'), formatDate(p.receivedOn))}
          {row(t('petitions.due'), p.dueOn && formatDate(p.dueOn))}
          {row(t('petitions.handlerLabel'), p.handlerName ?? t('petitions.noHandler'))}
          {row(t('petitions.agency'), p.agencyName)}
          {row(t('petitions.letter'), p.forwardLetterNo && t('petitions.letterOf', { no: p.forwardLetterNo, date: formatDate(p.forwardLetterDate) }))}
          {row(t('petitions.answerDue'), p.answerDueOn && formatDate(p.answerDueOn) + (p.extensions ? ` (${t('petitions.extended', { n: p.extensions })})` : ''))}
          {row(t('petitions.declineReason'), p.declineReason)}
        </dl>
        <p className="prewrap">{p.content}</p>
        {p.canWrite && <AttachAnswer id={p.id} onDone={res.reload} />}
        {p.attachments.length > 0 && (
          <ul className="plain-list">
            {p.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/petitions/${p.id}/attachments/${a.id}`} download>
                  {a.filename}
                </a>{' '}
                <span className="small muted">
                  ({a.purpose === 'answer' ? t('petitions.answerDocument') + ', ' : ''}
                  {Math.ceil(a.size / 1024)} KB)
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {p.answeredOn && (
        <Section title={t('petitions.answer')}>
          <p>
            {p.answerInWriting ? t('petitions.inWriting', { no: p.answerDocNo ?? '—' }) : t('petitions.notInWriting')} · {formatDate(p.answeredOn)}
          </p>
          <p className="prewrap">{p.answerSummary}</p>
          <p className="small muted">{p.answerPublic ? t('petitions.answerPublished') : t('petitions.answerNotPublished')}</p>
        </Section>
      )}
      <Identity p={p} />
      <Section title={t('petitions.timeline')}>
        <ol className="timeline">
          {p.events.map((e) => (
            <li key={e.id}>
              <strong>{formatDate(e.onDate)}</strong> — {pick(PETITION_STATE_LABELS[e.toState])}
              <div className="small muted">{[e.actorName, e.actorUnitName, e.note].filter(Boolean).join(' · ')}</div>
            </li>
          ))}
        </ol>
      </Section>
      {action && (
        <ActionDialog
          petition={p}
          action={action}
          defaultDate={todayIso()}
          onClose={() => setAction(null)}
          onDone={(next: PetitionDetail) => {
            setDone(t('petitions.actionDone', { state: pick(PETITION_STATE_LABELS[next.state]) }));
            res.reload();
          }}
        />
      )}
    </>
  );
}

/** The petitioner's identity: only on request, only with the right, and every look is recorded. */
function Identity({ p }: { p: PetitionDetail }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<PetitionIdentity | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  if (!p.hasIdentity) return null;
  return (
    <Section title={p.identityProtected ? t('petitions.identityProtected') : t('petitions.identity')}>
      {!p.canReadIdentity && <p className="small muted">{t('petitions.identityNoRight')}</p>}
      {p.canReadIdentity && !shown && (
        <>
          <p className="small muted">{t('petitions.identityAudited')}</p>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => call('GET /api/petitions/:id/identity', { params: { id: p.id } }).then(setShown, (e) => setError(asApiError(e)))}
          >
            {t('petitions.showIdentity')}
          </button>
        </>
      )}
      {error && <ErrorNote error={error} />}
      {shown && (
        <dl className="kv">
          {(['name', 'phone', 'email', 'address'] as const).map(
            (k) =>
              shown[k] && (
                <Fragment key={k}>
                  <dt>{t(`petitions.id.${k}` as const)}</dt>
                  <dd>{shown[k]}</dd>
                </Fragment>
              ),
          )}
        </dl>
      )}
    </Section>
  );
}

/** Attaches the agency's written answer (PDF or image) to the petition. */
function AttachAnswer({ id, onDone }: { id: number; onDone: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await call('POST /api/petitions/:id/attachments', { params: { id }, body: { purpose: 'answer' }, files: [file] });
      setFile(null);
      onDone();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="actions">
      <label className="small">
        {t('petitions.attachAnswer')}{' '}
        <input type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="button" className="btn btn-small" disabled={!file || busy} onClick={send}>
        {t('petitions.attach')}
      </button>
      {error && <ErrorNote error={error} />}
    </div>
  );
}

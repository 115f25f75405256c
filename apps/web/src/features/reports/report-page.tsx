import { useEffect, useState, type FormEvent } from 'react';
import { FINDING_KIND_LABELS, REPORT_STATUS_LABELS, REPORT_STEP_LABELS, REPORT_TEMPLATE_LABELS } from '@contract/reports-values';
import { formatDate, formatDateTime } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { buildUrl } from '../../route-match';
import type { ApiError } from '../../api';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { Field } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import type { IssuePreview, ReportJob } from '@contract/reports';
import { call, endpointUrl } from '../../client';
import { asApiError, useEndpoint } from '../../query';

/** One report: progress while it is made; the draft's findings, preview and figures; review, issue under a confirmed number, publish. */
export function ReportPage({ id }: { id: number }) {
  const { t, pick, locale } = useI18n();
  const res = useEndpoint('GET /api/reports/:id', { params: { id } });
  const [dialog, setDialog] = useState<null | 'submit' | 'issue' | 'unpublish'>(null);
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<IssuePreview | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const job = res.data;
  const working = job?.status === 'queued' || job?.status === 'running';
  const { reload } = res;
  useEffect(() => {
    if (!working) return;
    const timer = setTimeout(reload, 800);
    return () => clearTimeout(timer);
  }, [working, job?.progress, job?.step, reload]);

  if (res.error && !job)
    return (
      <>
        <PageTitle title={t('reports.report')} />
        <ErrorNote error={res.error} onRetry={res.reload} />
      </>
    );
  if (!job) return <Loading />;

  const act = async (f: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await f();
      reload();
    } catch (err) {
      setActionError(asApiError(err));
    }
  };
  // The number is shown before anything is taken; issuing confirms exactly that number.
  const openIssue = () =>
    act(async () => {
      setPreview(await call('GET /api/reports/:id/issue', { params: { id: job.id } }));
      setDialog('issue');
    });
  const close = () => {
    setDialog(null);
    setReason('');
  };

  return (
    <>
      <PageTitle
        before={
          <p className="small">
            <Link to="/reports">← {t('reports.title')}</Link>
          </p>
        }
        title={job.issued ? `${t('reports.no')} ${job.issued.symbol}` : `${pick(REPORT_TEMPLATE_LABELS[job.template])} — ${t('reports.draftVersion', { n: job.version })}`}
        sub={`${pick(REPORT_TEMPLATE_LABELS[job.template])} · ${job.unitName} · ${formatDate(job.from)} – ${formatDate(job.to)}`}
      />
      <Section title={t('reports.status')}>
        <p>
          <strong>{pick(REPORT_STATUS_LABELS[job.status])}</strong> · {t('reports.version', { n: job.version })}
        </p>
        {working && (
          <>
            <div className="bar" role="progressbar" aria-label={t('reports.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={job.progress}>
              <span style={{ width: `${job.progress}%` }} />
            </div>
            <p className="hint">
              {job.progress}%{REPORT_STEP_LABELS[job.step] ? ` · ${pick(REPORT_STEP_LABELS[job.step])}` : ''}
            </p>
          </>
        )}
        {job.status === 'failed' && <Notice kind="warn">{t('reports.failed')}</Notice>}
        {job.status === 'draft' && <p className="hint">{t('reports.draftHelp')}</p>}
        {job.status === 'submitted' && <p className="hint">{job.canIssue ? t('reports.submittedHelp') : t('reports.submittedOther')}</p>}
        {job.overrideReason && (
          <p className="small">
            {t('reports.overrideReason')}: {job.overrideReason}
          </p>
        )}
        {actionError && <ErrorNote error={actionError} />}
        <div className="actions">
          {job.canSubmit && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => (job.findings.length ? setDialog('submit') : act(() => call('POST /api/reports/:id/submit', { params: { id: job.id }, body: {} })))}
            >
              {t('reports.submit')}
            </button>
          )}
          {job.canIssue && (
            <button type="button" className="btn btn-primary" onClick={openIssue}>
              {t('reports.issue')}
            </button>
          )}
        </div>
      </Section>

      {job.findings.length > 0 && (
        <Section title={t('reports.findings', { n: job.findings.length })}>
          <p className="hint">{job.status === 'draft' ? t('reports.findingsDraft') : t('reports.findingsKept')}</p>
          <ul className="findings">
            {job.findings.map((f, i) => (
              <li key={i}>
                <strong>{pick(FINDING_KIND_LABELS[f.kind])}:</strong> {locale === 'vi' ? f.message : f.messageEn}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {job.preview && job.findings.length === 0 && <Notice kind="ok">{t('reports.consistent')}</Notice>}

      {job.issued && (
        <Section title={t('reports.files')}>
          <p>{t('reports.issuedOn', { date: formatDate(job.issued.issuedOn) })}</p>
          <div className="actions">
            <a className="btn btn-primary" href={endpointUrl('GET /api/reports/:id/:kind', { params: { id: job.id, kind: 'docx' } })} download>
              {t('reports.downloadDocx')}
            </a>
            <a className="btn" href={endpointUrl('GET /api/reports/:id/:kind', { params: { id: job.id, kind: 'xlsx' } })} download>
              {t('reports.downloadXlsx')}
            </a>
          </div>
          <p className="small">
            SHA-256 (.docx): <code style={{ overflowWrap: 'anywhere' }}>{job.issued.docxSha256}</code>
          </p>
          {job.issued.published && (
            <Notice kind="ok">
              {t('reports.isPublished')} <Link to="/public/reports">{t('reports.publicLink')}</Link>
            </Notice>
          )}
          <div className="actions">
            {job.canPublish && (
              <button type="button" className="btn" onClick={() => act(() => call('POST /api/reports/:id/publish', { params: { id: job.id } }))}>
                {t('reports.publish')}
              </button>
            )}
            {job.canUnpublish && (
              <button type="button" className="btn" onClick={() => setDialog('unpublish')}>
                {t('reports.unpublish')}
              </button>
            )}
          </div>
        </Section>
      )}

      {job.preview && <PreviewSection job={job} />}
      {job.figures && <FiguresSection job={job} />}
      {!working && <CommentsSection id={job.id} />}

      <FormDialog
        open={dialog === 'submit' || dialog === 'unpublish'}
        onClose={close}
        title={dialog === 'submit' ? t('reports.submitAnyway') : t('reports.unpublish')}
        submitLabel={dialog === 'submit' ? t('reports.submit') : t('reports.unpublish')}
        canSubmit={reason.trim().length >= 10}
        onSubmit={async () => {
          if (dialog === 'submit') await call('POST /api/reports/:id/submit', { params: { id: job.id }, body: { overrideReason: reason.trim() } });
          else await call('POST /api/reports/:id/unpublish', { params: { id: job.id }, body: { reason: reason.trim() } });
          close();
          reload();
        }}
      >
        {(errors) => (
          <Field
            label={dialog === 'submit' ? t('reports.overrideReason') : t('reports.unpublishReason')}
            hint={t('reports.overrideHint')}
            error={errors.overrideReason ?? errors.reason}
          >
            {(a) => <textarea {...a} rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        )}
      </FormDialog>

      <FormDialog
        open={dialog === 'issue' && !!preview}
        onClose={close}
        title={t('reports.issueConfirm')}
        submitLabel={preview ? t('reports.issueAs', { symbol: preview.symbol }) : t('reports.issue')}
        canSubmit
        onSubmit={async () => {
          await call('POST /api/reports/:id/issue', { params: { id: job.id }, body: { number: preview!.number } });
          close();
          reload();
        }}
      >
        {() => preview && <p>{t('reports.issueText', { symbol: preview.symbol, date: formatDate(preview.issuedOn), unit: preview.unitName })}</p>}
      </FormDialog>
    </>
  );
}

/** The document as it will print (the same blocks the .docx is made of). */
function PreviewSection({ job }: { job: ReportJob }) {
  const { t } = useI18n();
  return (
    <Section title={job.issued ? t('reports.document') : t('reports.preview')}>
      <article className="doc-preview" aria-label={t('reports.preview')}>
        <p className="small">
          {job.unitName.toLocaleUpperCase('vi')} · {t('reports.no')}: {job.issued?.symbol ?? '…/BC-MTTQ'}
        </p>
        {job.preview!.map((b, i) => {
          if (b.kind === 'title')
            return (
              <p key={i} style={{ textAlign: 'center', fontWeight: 700 }}>
                {b.text}
              </p>
            );
          if (b.kind === 'heading') return <h3 key={i}>{b.text}</h3>;
          if (b.kind === 'line')
            return (
              <p key={i}>
                - {b.text}: <strong>{b.value}</strong>.
              </p>
            );
          return <p key={i}>{b.text}</p>;
        })}
      </article>
    </Section>
  );
}

/** Comments on the report: any level that may draft it may comment; the unit signs. */
function CommentsSection({ id }: { id: number }) {
  const { t } = useI18n();
  const list = useEndpoint('GET /api/reports/:id/comments', { params: { id } });
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await call('POST /api/reports/:id/comments', { params: { id }, body: { body: body.trim() } });
      setBody('');
      list.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  return (
    <Section title={t('reports.comments')}>
      {list.data?.length === 0 && <p className="hint">{t('reports.noComments')}</p>}
      <ul className="plain-list">
        {list.data?.map((c) => (
          <li key={c.id}>
            <strong>{c.author}</strong>
            {c.unitName ? ` (${c.unitName})` : ''} · {formatDateTime(c.createdAt)}: {c.body}
          </li>
        ))}
      </ul>
      <form onSubmit={send}>
        <Field label={t('reports.addComment')}>{(a) => <textarea {...a} rows={2} value={body} onChange={(e) => setBody(e.target.value)} />}</Field>
        {error && <ErrorNote error={error} />}
        <button type="submit" className="btn" disabled={!body.trim()}>
          {t('reports.sendComment')}
        </button>
      </form>
    </Section>
  );
}

/** The figures as the report states them, by section; each measured one links to the records behind it. */
function FiguresSection({ job }: { job: ReportJob }) {
  const { t } = useI18n();
  const sections = [...new Set(job.figures!.map((f) => f.section))];
  return (
    <Section title={t('reports.figures')}>
      <p className="hint">{t('reports.figuresHelp')}</p>
      {sections.map((title) => (
        <details key={title}>
          <summary>{title}</summary>
          <ul className="plain-list">
            {job
              .figures!.filter((f) => f.section === title)
              .map((f) => (
                <li key={f.id}>
                  {f.wording}:{' '}
                  {f.metricKey && f.value !== null ? (
                    <Link to={buildUrl(`/metrics/${encodeURIComponent(f.metricKey)}`, { unit: job.unitId, from: f.from, to: f.to })}>
                      <strong>{f.text}</strong>
                    </Link>
                  ) : (
                    <strong>{f.value === null ? t('reports.noData') : f.text}</strong>
                  )}
                </li>
              ))}
          </ul>
        </details>
      ))}
    </Section>
  );
}

import { useEffect, useState } from 'react';
import { FINDING_KIND_LABELS, REPORT_STATUS_LABELS, REPORT_STEP_LABELS, REPORT_TEMPLATE_LABELS } from '@contract/reports-values';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { buildUrl } from '../../route-match';
import { asApiError, useFetch } from '../../use-fetch';
import type { ApiError } from '../../api';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { Field } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import type { ReportJob } from '@contract/reports';
import { reportsApi } from './api';

/** One report: progress while it is made, the contradictions found, the files once issued, publishing. */
export function ReportPage({ id }: { id: number }) {
  const { t, pick, locale } = useI18n();
  const res = useFetch(`report:${id}`, () => reportsApi.get(id));
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const [publishError, setPublishError] = useState<ApiError | null>(null);
  const job = res.data;
  const working = job?.status === 'queued' || job?.status === 'running';
  const { reload } = res;
  useEffect(() => {
    if (!working) return;
    const timer = setTimeout(reload, 800);
    return () => clearTimeout(timer);
  }, [working, job?.progress, job?.step, reload]);

  if (res.error && !job) return <><PageTitle title={t('reports.report')} /><ErrorNote error={res.error} onRetry={res.reload} /></>;
  if (!job) return <Loading />;

  const publish = async () => {
    setPublishError(null);
    try {
      await reportsApi.publish(job.id);
      reload();
    } catch (err) {
      setPublishError(asApiError(err));
    }
  };

  return (
    <>
      <PageTitle
        before={<p className="small"><Link to="/reports">← {t('reports.title')}</Link></p>}
        title={job.issued ? `${t('reports.no')} ${job.issued.symbol}` : pick(REPORT_TEMPLATE_LABELS[job.template])}
        sub={`${pick(REPORT_TEMPLATE_LABELS[job.template])} · ${job.unitName} · ${formatDate(job.from)} – ${formatDate(job.to)}`}
      />
      <Section title={t('reports.status')}>
        <p><strong>{pick(REPORT_STATUS_LABELS[job.status])}</strong></p>
        <div className="bar" role="progressbar" aria-label={t('reports.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={job.progress}>
          <span style={{ width: `${job.progress}%` }} />
        </div>
        <p className="hint">{job.progress}%{working && REPORT_STEP_LABELS[job.step] ? ` · ${pick(REPORT_STEP_LABELS[job.step])}` : ''}</p>
        {job.status === 'failed' && <Notice kind="warn">{t('reports.failed')}</Notice>}
        {job.overrideReason && <p className="small">{t('reports.overrideReason')}: {job.overrideReason}</p>}
      </Section>

      {job.findings.length > 0 && (
        <Section title={t('reports.findings', { n: job.findings.length })}>
          <p className="hint">{job.status === 'blocked' ? t('reports.blockedHelp') : t('reports.findingsKept')}</p>
          <ul className="findings">
            {job.findings.map((f, i) => (
              <li key={i}><strong>{pick(FINDING_KIND_LABELS[f.kind])}:</strong> {locale === 'vi' ? f.message : f.messageEn}</li>
            ))}
          </ul>
          {job.canOverride && <button type="button" className="btn" onClick={() => setOverriding(true)}>{t('reports.override')}</button>}
        </Section>
      )}
      {job.status === 'issued' && job.findings.length === 0 && <Notice kind="ok">{t('reports.consistent')}</Notice>}

      {job.issued && (
        <Section title={t('reports.files')}>
          <p>{t('reports.issuedOn', { date: formatDate(job.issued.issuedOn) })}</p>
          <div className="actions">
            <a className="btn btn-primary" href={job.issued.docxUrl} download>{t('reports.downloadDocx')}</a>
            <a className="btn" href={job.issued.xlsxUrl} download>{t('reports.downloadXlsx')}</a>
          </div>
          <p className="small">SHA-256 (.docx): <code style={{ overflowWrap: 'anywhere' }}>{job.issued.docxSha256}</code></p>
          {publishError && <ErrorNote error={publishError} />}
          {job.issued.published
            ? <Notice kind="ok">{t('reports.isPublished')} <Link to="/public/reports">{t('reports.publicLink')}</Link></Notice>
            : job.canPublish && <button type="button" className="btn" onClick={publish}>{t('reports.publish')}</button>}
        </Section>
      )}

      {job.figures && <FiguresSection job={job} />}

      <FormDialog open={overriding} onClose={() => setOverriding(false)} title={t('reports.override')} submitLabel={t('reports.overrideSubmit')}
        canSubmit={reason.trim().length >= 10}
        onSubmit={async () => { await reportsApi.override(job.id, reason.trim()); setReason(''); reload(); }}>
        {(errors) => (
          <Field label={t('reports.overrideReason')} hint={t('reports.overrideHint')} error={errors.reason}>
            {(a) => <textarea {...a} rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        )}
      </FormDialog>
    </>
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
            {job.figures!.filter((f) => f.section === title).map((f) => (
              <li key={f.id}>
                {f.wording}:{' '}
                {f.metricKey && f.value !== null
                  ? <Link to={buildUrl(`/metrics/${encodeURIComponent(f.metricKey)}`, { unit: job.unitId, from: f.from, to: f.to })}><strong>{f.text}</strong></Link>
                  : <strong>{f.value === null ? t('reports.noData') : f.text}</strong>}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </Section>
  );
}

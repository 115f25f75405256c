import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ImportJob, StatementMapping, StatementPreview } from '@contract/fund-public';
import type { ApiError } from '../../api';
import { formatNumber, formatVnd } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { ErrorNote, Notice } from '../../ui/feedback';
import { Field, SelectField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { call, type Input } from '../../client';
import { asApiError, invalidateAfter, useEndpoint } from '../../query';
import './fund-public.css';

type Problem = { file: string; row: number; line: number; reason: string };

const COLS = ['date', 'credit', 'debit', 'amount', 'balance', 'memo', 'name', 'reference'] as const;
type Col = (typeof COLS)[number];
const EMPTY_COLS: Record<Col, string> = { date: '', credit: '', debit: '', amount: '', balance: '', memo: '', name: '', reference: '' };

const colsOf = (m: StatementMapping | null): Record<Col, string> =>
  Object.fromEntries(COLS.map((c) => [c, m?.[c] === null || m?.[c] === undefined ? '' : String(m[c])])) as Record<Col, string>;

/** Importing bank statements into a campaign, with a progress bar while the lines are written. */
export function StatementImportPage({ campaignId }: { campaignId: number }) {
  const { t } = useI18n();
  const campaign = useEndpoint('GET /api/fund/campaigns/:id', { params: { id: campaignId } });
  const accounts = useEndpoint('GET /api/fund/accounts', campaign.data ? { query: { unit: campaign.data.unitId } } : null);
  const [format, setFormat] = useState<'bank' | 'generic'>('bank');
  const [files, setFiles] = useState<File[]>([]);
  const [accountId, setAccountId] = useState('');
  const [preview, setPreview] = useState<StatementPreview['files'] | null>(null);
  const [cols, setCols] = useState<Record<Col, string>>(EMPTY_COLS);
  const [skipRows, setSkipRows] = useState(0);
  const [edited, setEdited] = useState(false);
  const [debits, setDebits] = useState<'skip' | 'propose'>('skip');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const follow = (id: string) => {
    timer.current = window.setTimeout(async () => {
      try {
        const j = await call('GET /api/fund/statements/imports/:id', { params: { id } });
        setJob(j);
        if (j.status === 'running') follow(id);
        // The lines are written by the job, after the upload's answer: what shows them is refreshed now.
        else void invalidateAfter('POST /api/fund/statements/import');
      } catch (e) {
        setError(asApiError(e));
      }
    }, 400);
  };

  const doPreview = async () => {
    setError(null);
    try {
      const p = await call('POST /api/fund/statements/preview', { body: { accountId: accountId || undefined }, files });
      setPreview(p.files);
      setCols(colsOf(p.files[0]?.mapping ?? null));
      setSkipRows(p.files[0]?.mapping?.skipRows ?? 0);
      setEdited(false);
    } catch (e) {
      setError(asApiError(e));
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setJob(null);
    const fields: Input<'POST /api/fund/statements/import'>['body'] = { campaignId, format, debits };
    if (format === 'generic') {
      if (accountId) fields.accountId = accountId;
      // Untouched, each file keeps its own suggested (or remembered) mapping; changed, the choice applies to all.
      if (edited) {
        const mapping = Object.fromEntries(COLS.filter((c) => cols[c] !== '').map((c) => [c, Number(cols[c])]));
        fields.mapping = JSON.stringify({ ...mapping, skipRows });
      }
    }
    try {
      const j = await call('POST /api/fund/statements/import', { body: fields, files });
      setJob(j);
      if (j.status === 'running') follow(j.id);
    } catch (err) {
      setError(asApiError(err));
    }
  };

  const problems = (error?.details as { problems?: Problem[] } | undefined)?.problems ?? (job?.error?.details as { problems?: Problem[] } | undefined)?.problems ?? [];
  const header = preview?.[0]?.rows[0] ?? [];
  const colOptions = [{ value: '', label: t('fundImport.none') }, ...header.map((h, i) => ({ value: String(i), label: `${i + 1}. ${h}` }))];
  const running = job?.status === 'running';

  return (
    <>
      <PageTitle title={t('fundImport.title')} sub={campaign.data?.name} />
      {campaign.error && <ErrorNote error={campaign.error} />}
      <Section title={t('fundImport.title')}>
        <p className="small">{t('fundImport.intro')}</p>
        <form onSubmit={submit} className="form">
          <SelectField
            label={t('fundImport.format')}
            value={format}
            onChange={(e) => setFormat(e.target.value as 'bank' | 'generic')}
            options={[
              { value: 'bank', label: t('fundImport.format.bank') },
              { value: 'generic', label: t('fundImport.format.generic') },
            ]}
          />
          <Field label={t('fundImport.files')}>
            {(a) => (
              <input
                {...a}
                type="file"
                multiple
                accept=".csv,.xlsx,.zip,text/csv"
                onChange={(e) => {
                  setFiles([...(e.target.files ?? [])]);
                  setPreview(null);
                }}
              />
            )}
          </Field>
          {format === 'generic' && (
            <>
              <SelectField
                label={t('fundImport.account')}
                value={accountId}
                onChange={(e) => setAccountId(e.target.value)}
                options={[
                  { value: '', label: t('fundImport.none') },
                  ...(accounts.data ?? [])
                    .filter((a) => a.kind === 'bank' || a.kind === 'cash')
                    .map((a) => ({ value: String(a.id), label: a.accountNo ? `${a.name} (${a.accountNo})` : a.name })),
                ]}
              />
              <button type="button" className="btn" disabled={!files.length} onClick={doPreview}>
                {t('fundImport.preview')}
              </button>
              {preview && (
                <>
                  <ul className="small" aria-label={t('fundImport.previewFiles')}>
                    {preview.map((f) => (
                      <li key={f.name}>
                        {t('fundImport.previewFile', { file: f.name, rows: formatNumber(f.rowCount) })}
                        {' — '}
                        {t(
                          f.mappingSource === 'remembered'
                            ? 'fundImport.mappingRemembered'
                            : f.mappingSource === 'suggested'
                              ? 'fundImport.mappingSuggested'
                              : 'fundImport.mappingNone',
                        )}
                      </li>
                    ))}
                  </ul>
                  <div className="table-wrap">
                    <table className="small">
                      <tbody>
                        {preview[0].rows.slice(0, 6).map((r, i) => (
                          <tr key={i}>
                            {r.map((c, j) => (
                              <td key={j}>{c}</td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {COLS.map((c) => (
                    <SelectField
                      key={c}
                      label={t(`fundImport.col${c[0].toUpperCase()}${c.slice(1)}` as 'fundImport.colDate')}
                      value={cols[c]}
                      onChange={(e) => {
                        setCols({ ...cols, [c]: e.target.value });
                        setEdited(true);
                      }}
                      options={colOptions}
                    />
                  ))}
                  <SelectField
                    label={t('fundImport.debits')}
                    value={debits}
                    onChange={(e) => setDebits(e.target.value as 'skip' | 'propose')}
                    options={[
                      { value: 'skip', label: t('fundImport.debits.skip') },
                      { value: 'propose', label: t('fundImport.debits.propose') },
                    ]}
                  />
                </>
              )}
            </>
          )}
          <button type="submit" className="btn btn-primary" disabled={!files.length || running}>
            {t('fundImport.start')}
          </button>
        </form>
        {job && (
          <div className="fp-progress" aria-live="polite">
            <progress max={Math.max(1, job.progress.total)} value={job.progress.done} aria-label={t('fundImport.title')} />
            <p className="small">{t('fundImport.progress', { done: formatNumber(job.progress.done), total: formatNumber(job.progress.total) })}</p>
            {job.progress.files && job.progress.files.length > 1 && (
              <ul className="small fp-file-progress" aria-label={t('fundImport.perFile')}>
                {job.progress.files.map((f) => (
                  <li key={f.file}>
                    <progress max={Math.max(1, f.total)} value={f.done} aria-label={f.file} />{' '}
                    {t('fundImport.fileProgress', { file: f.file, done: formatNumber(f.done), total: formatNumber(f.total) })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {job?.result && (
          <Notice kind="ok">
            <p>
              {t('fundImport.done', {
                inserted: formatNumber(job.result.inserted),
                amount: formatVnd(job.result.amount),
                skipped: formatNumber(job.result.skipped),
                matched: formatNumber(job.result.matchedByReference),
              })}
            </p>
            <p>{t('fundImport.named', { share: `${Math.round(job.result.namedShare * 1000) / 10}%`, named: formatNumber(job.result.named) })}</p>
            {job.result.debits.count > 0 && (
              <p>
                {t(job.result.debits.proposed ? 'fundImport.debitsProposed' : 'fundImport.debitsListed', {
                  count: formatNumber(job.result.debits.count),
                  amount: formatVnd(job.result.debits.amount),
                })}
              </p>
            )}
            {job.result.debits.lines.length > 0 && (
              <ul className="small">
                {job.result.debits.lines.slice(0, 20).map((d) => (
                  <li key={`${d.file}:${d.row}`}>
                    {d.date} · {formatVnd(d.amount)} · {d.memo}
                  </li>
                ))}
              </ul>
            )}
            {job.result.recovered.map((r) => (
              <p key={`${r.file}:${r.row}`} className="small">
                {t('fundImport.recovered', { file: r.file, row: r.row, amount: formatVnd(r.amount) })}
              </p>
            ))}
          </Notice>
        )}
        {(error || job?.error) && problems.length === 0 && error && <ErrorNote error={error} />}
        {job?.error && problems.length === 0 && <Notice kind="warn">{job.error.message}</Notice>}
        {problems.length > 0 && (
          <div className="note note-error" role="alert">
            <p>{t('fundImport.problems')}</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{t('fundImport.problem', { file: p.file, row: p.row, line: p.line, reason: p.reason })}</li>
              ))}
            </ul>
          </div>
        )}
      </Section>
    </>
  );
}

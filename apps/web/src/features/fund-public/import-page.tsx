import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ImportJob } from '@contract/fund-public';
import { api, ApiError, readCookie, toApiError } from '../../api';
import { formatNumber, formatVnd } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { ErrorNote, Notice } from '../../ui/feedback';
import { Field, SelectField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { useFetch } from '../../use-fetch';
import { fundApi } from '../fund/api';
import './fund-public.css';

type Problem = { file: string; row: number; line: number; reason: string };

/** multipart/form-data with the session's CSRF token (api.ts speaks JSON only). */
async function upload<T>(url: string, form: FormData): Promise<T> {
  const res = await fetch(url, {
    method: 'POST', body: form, credentials: 'include',
    headers: { accept: 'application/json', 'x-csrf-token': readCookie(document.cookie, 'dk_csrf') ?? '' },
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res.status, data);
  return data as T;
}

const COLS = ['date', 'amount', 'memo', 'name', 'reference'] as const;
type Col = (typeof COLS)[number];

/** Importing bank statements into a campaign, with a progress bar while the lines are written. */
export function StatementImportPage({ campaignId }: { campaignId: number }) {
  const { t } = useI18n();
  const campaign = useFetch(`campaign:${campaignId}`, () => fundApi.campaign(campaignId));
  const accounts = useFetch(campaign.data ? `accounts:${campaign.data.unitId}` : null, () => fundApi.accounts(campaign.data!.unitId));
  const [format, setFormat] = useState<'bank' | 'generic'>('bank');
  const [files, setFiles] = useState<File[]>([]);
  const [accountId, setAccountId] = useState('');
  const [preview, setPreview] = useState<string[][] | null>(null);
  const [cols, setCols] = useState<Record<Col, string>>({ date: '', amount: '', memo: '', name: '', reference: '' });
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const follow = (id: string) => {
    timer.current = window.setTimeout(async () => {
      try {
        const j = await api.get<ImportJob>(`/api/fund/statements/imports/${id}`);
        setJob(j);
        if (j.status === 'running') follow(id);
      } catch (e) {
        setError(e as ApiError);
      }
    }, 400);
  };

  const form = (extra: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(extra)) f.append(k, v);
    for (const file of files) f.append('file', file, file.name);
    return f;
  };

  const doPreview = async () => {
    setError(null);
    try {
      setPreview((await upload<{ rows: string[][] }>('/api/fund/statements/preview', form({}))).rows);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setJob(null);
    const fields: Record<string, string> = { campaignId: String(campaignId), format };
    if (format === 'generic') {
      if (accountId) fields.accountId = accountId;
      const mapping = Object.fromEntries(COLS.filter((c) => cols[c] !== '').map((c) => [c, Number(cols[c])]));
      fields.mapping = JSON.stringify(mapping);
    }
    try {
      const j = await upload<ImportJob>('/api/fund/statements/import', form(fields));
      setJob(j);
      if (j.status === 'running') follow(j.id);
    } catch (err) {
      setError(err as ApiError);
    }
  };

  const problems = ((error?.details as { problems?: Problem[] } | undefined)?.problems ?? (job?.error?.details as { problems?: Problem[] } | undefined)?.problems) ?? [];
  const header = preview?.[0] ?? [];
  const colOptions = [{ value: '', label: t('fundImport.none') }, ...header.map((h, i) => ({ value: String(i), label: `${i + 1}. ${h}` }))];
  const running = job?.status === 'running';

  return (
    <>
      <PageTitle title={t('fundImport.title')} sub={campaign.data?.name} />
      {campaign.error && <ErrorNote error={campaign.error} />}
      <Section title={t('fundImport.title')}>
        <p className="small">{t('fundImport.intro')}</p>
        <form onSubmit={submit} className="form">
          <SelectField label={t('fundImport.format')} value={format} onChange={(e) => setFormat(e.target.value as 'bank' | 'generic')}
            options={[{ value: 'bank', label: t('fundImport.format.bank') }, { value: 'generic', label: t('fundImport.format.generic') }]} />
          <Field label={t('fundImport.files')}>
            {(a) => <input {...a} type="file" multiple accept=".csv,.xlsx,text/csv" onChange={(e) => { setFiles([...(e.target.files ?? [])]); setPreview(null); }} />}
          </Field>
          {format === 'generic' && (
            <>
              <SelectField label={t('fundImport.account')} value={accountId} onChange={(e) => setAccountId(e.target.value)}
                options={[{ value: '', label: t('fundImport.none') }, ...(accounts.data ?? []).filter((a) => a.kind === 'bank' || a.kind === 'cash')
                  .map((a) => ({ value: String(a.id), label: a.accountNo ? `${a.name} (${a.accountNo})` : a.name }))]} />
              <button type="button" className="btn" disabled={!files.length} onClick={doPreview}>{t('fundImport.preview')}</button>
              {preview && (
                <>
                  <div className="table-wrap">
                    <table className="small"><tbody>{preview.slice(0, 6).map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody></table>
                  </div>
                  {COLS.map((c) => (
                    <SelectField key={c} label={t(`fundImport.col${c[0].toUpperCase()}${c.slice(1)}` as 'fundImport.colDate')} value={cols[c]}
                      onChange={(e) => setCols({ ...cols, [c]: e.target.value })} options={colOptions} />
                  ))}
                </>
              )}
            </>
          )}
          <button type="submit" className="btn btn-primary" disabled={!files.length || running}>{t('fundImport.start')}</button>
        </form>
        {job && (
          <div className="fp-progress" aria-live="polite">
            <progress max={Math.max(1, job.progress.total)} value={job.progress.done} aria-label={t('fundImport.title')} />
            <p className="small">{t('fundImport.progress', { done: formatNumber(job.progress.done), total: formatNumber(job.progress.total) })}</p>
          </div>
        )}
        {job?.result && (
          <Notice kind="ok">
            <p>{t('fundImport.done', { inserted: formatNumber(job.result.inserted), amount: formatVnd(job.result.amount), skipped: formatNumber(job.result.skipped), matched: formatNumber(job.result.matchedByReference) })}</p>
            {job.result.recovered.map((r) => <p key={`${r.file}:${r.row}`} className="small">{t('fundImport.recovered', { file: r.file, row: r.row, amount: formatVnd(r.amount) })}</p>)}
          </Notice>
        )}
        {(error || job?.error) && problems.length === 0 && error && <ErrorNote error={error} />}
        {job?.error && problems.length === 0 && <Notice kind="warn">{job.error.message}</Notice>}
        {problems.length > 0 && (
          <div className="note note-error" role="alert">
            <p>{t('fundImport.problems')}</p>
            <ul>{problems.map((p, i) => <li key={i}>{t('fundImport.problem', { file: p.file, row: p.row, line: p.line, reason: p.reason })}</li>)}</ul>
          </div>
        )}
      </Section>
    </>
  );
}

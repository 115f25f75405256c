import { useState, type FormEvent } from 'react';
import type { ImportError } from '@contract/households';
import { IMPORT_COLUMNS } from '@contract/households-values';
import type { UnitDetail } from '@contract/units';
import type { ApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { ErrorNote, Notice } from '../../ui/feedback';
import { Field } from '../../ui/fields';
import { Section } from '../../ui/page';
import { call } from '../../client';
import { asApiError } from '../../query';
import { toBase64 } from './files';
import { HouseholdsFrame } from './frame';

/** Imports a commune's list for the year; any wrong row refuses the whole file, with every row to fix listed. */
export function ImportPage() {
  return <HouseholdsFrame tab="import">{(unit, year) => <ImportForm unit={unit} year={year} />}</HouseholdsFrame>;
}

function ImportForm({ unit, year }: { unit: UnitDetail; year: number }) {
  const { t, locale } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const r = await call('POST /api/households/import', { body: { unitId: unit.id, year, fileName: file.name, contentBase64: await toBase64(file) } });
      setDone(t('hh.imported', { n: r.created, year: r.year }));
    } catch (err) {
      setError(asApiError(err));
    }
    setBusy(false);
  };
  const rows = (error?.details as { errors?: ImportError[] } | undefined)?.errors ?? [];
  return (
    <Section title={`${t('hh.import')} — ${unit.name}, ${year}`}>
      <p className="hint">{t('hh.importHint', { columns: IMPORT_COLUMNS.join(', ') })}</p>
      <form className="form" onSubmit={submit}>
        <Field label={t('hh.file')}>{(a) => <input {...a} type="file" accept=".xlsx,.csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}</Field>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={!file || busy}>
            {busy ? t('common.saving') : t('hh.importDo')}
          </button>
        </div>
      </form>
      {done && <Notice kind="ok">{done}</Notice>}
      {error && <ErrorNote error={error} />}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t('hh.importErrors')}</caption>
            <thead>
              <tr>
                <th>{t('hh.row')}</th>
                <th>{t('hh.column')}</th>
                <th>{t('hh.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>{r.row}</td>
                  <td>{r.column ?? '—'}</td>
                  <td>{locale === 'en' ? r.messageEn : r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

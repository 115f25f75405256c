import { useState, type FormEvent } from 'react';
import { REPORT_STATUS_LABELS, REPORT_TEMPLATES, REPORT_TEMPLATE_LABELS, type ReportTemplate } from '@contract/reports-values';
import { formatDate, formatDateTime, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate } from '../../router';
import type { ApiError } from '../../api';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { Field, SelectField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { useMe, useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { call } from '../../client';
import { asApiError, useEndpoint } from '../../query';
import { defaultPeriod, partsOf, reportPeriod } from './period';
import { StackTable } from '../../ui/table';

const FIRST_YEAR = 2019;

/** Choose a template, a unit and a period; start; and the reports already made in my scope. */
export function ReportsPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const { can } = useSession();
  const thisYear = Number(todayIso().slice(0, 4));
  const [template, setTemplate] = useState<ReportTemplate>('annual');
  const [unit, setUnit] = useState<number | null>(me.unitId);
  const [year, setYear] = useState(() => defaultPeriod('annual', todayIso()).year);
  const [startYear, setStartYear] = useState(FIRST_YEAR);
  const [part, setPart] = useState(1);
  const chooseTemplate = (next: ReportTemplate) => {
    const d = defaultPeriod(next, todayIso());
    setTemplate(next);
    setYear(d.year);
    setPart(d.part);
  };
  const [tasks, setTasks] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const list = useEndpoint('GET /api/reports', { query: { limit: 50 } });
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const parts = partsOf(template);
  const period = reportPeriod(template, year, Math.min(part, parts || 1), startYear);
  const partLabel = template === 'monthly' ? 'reports.month' : template === 'quarterly' ? 'reports.quarter' : 'reports.half';

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (!unit || busy) return;
    setBusy(true);
    setError(null);
    try {
      const nextTasks = tasks
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean);
      const job = await call('POST /api/reports', { body: { template, unit, ...period, ...(nextTasks.length ? { nextTasks } : {}) } });
      navigate(`/reports/${job.id}`);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title={t('reports.title')} sub={t('reports.sub')} />
      {can('report.generate') && (
        <Section title={t('reports.new')}>
          <form className="form" onSubmit={start}>
            {error && <ErrorNote error={error} />}
            <div className="filters">
              <SelectField
                label={t('reports.template')}
                value={template}
                onChange={(e) => chooseTemplate(e.target.value as ReportTemplate)}
                options={REPORT_TEMPLATES.map((k) => ({ value: k, label: pick(REPORT_TEMPLATE_LABELS[k]) }))}
              />
              <UnitSelect label={t('reports.unit')} value={unit} allowClear={false} onChange={(id) => setUnit(id)} />
              {template === 'term' && (
                <SelectField
                  label={t('reports.startYear')}
                  value={String(startYear)}
                  onChange={(e) => setStartYear(Number(e.target.value))}
                  options={years.map((y) => ({ value: String(y), label: String(y) }))}
                />
              )}
              <SelectField
                label={template === 'term' ? t('reports.endYear') : t('reports.year')}
                value={String(year)}
                onChange={(e) => setYear(Number(e.target.value))}
                options={years.map((y) => ({ value: String(y), label: String(y) }))}
              />
              {parts > 0 && (
                <SelectField
                  label={t(partLabel)}
                  value={String(Math.min(part, parts))}
                  onChange={(e) => setPart(Number(e.target.value))}
                  options={Array.from({ length: parts }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
                />
              )}
            </div>
            <p className="hint">{t('reports.period', { from: formatDate(period.from), to: formatDate(period.to) })}</p>
            <Field label={t('reports.nextTasks')} hint={t('reports.nextTasksHint')}>
              {(a) => <textarea {...a} rows={3} value={tasks} onChange={(e) => setTasks(e.target.value)} />}
            </Field>
            <div className="actions">
              <button type="submit" className="btn btn-primary" disabled={busy || !unit}>
                {busy ? t('reports.starting') : t('reports.start')}
              </button>
            </div>
          </form>
        </Section>
      )}
      <Section title={t('reports.list')}>
        {list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
        {!list.data && !list.error && <Loading inline />}
        {list.data && list.data.length === 0 && <Empty>{t('reports.none')}</Empty>}
        {list.data && list.data.length > 0 && (
          <StackTable>
            <thead>
              <tr>
                <th>{t('reports.report')}</th>
                <th>{t('reports.unit')}</th>
                <th>{t('reports.periodCol')}</th>
                <th>{t('reports.status')}</th>
                <th>{t('reports.created')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((j) => (
                <tr key={j.id}>
                  <td>
                    <Link to={`/reports/${j.id}`}>
                      {j.issued ? `${t('reports.no')} ${j.issued.symbol}` : `${pick(REPORT_TEMPLATE_LABELS[j.template])} — ${t('reports.draftVersion', { n: j.version })}`}
                    </Link>
                    {j.issued && <div className="small">{pick(REPORT_TEMPLATE_LABELS[j.template])}</div>}
                  </td>
                  <td>{j.unitName}</td>
                  <td>
                    {formatDate(j.from)} – {formatDate(j.to)}
                  </td>
                  <td>
                    {pick(REPORT_STATUS_LABELS[j.status])}
                    {j.issued?.published ? ` · ${t('reports.published')}` : ''}
                  </td>
                  <td>{formatDateTime(j.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </StackTable>
        )}
      </Section>
    </>
  );
}

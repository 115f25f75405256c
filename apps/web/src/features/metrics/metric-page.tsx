import type { MetricView } from '@contract/metrics';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { buildUrl } from '../../route-match';
import { Link, useQueryState } from '../../router';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { SelectField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { useMe } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { barPercent, formatMetric, yearRange } from './present';
import { useEndpoint } from '../../query';

const FIRST_YEAR = 2019;

/** One metric for a unit and each of its children, over a period, in either view of unit history. */
export function MetricPage({ metricKey }: { metricKey: string }) {
  const { t, pick, locale } = useI18n();
  const me = useMe();
  const [query, setQuery] = useQueryState();
  const thisYear = Number(todayIso().slice(0, 4));
  const unit = query.unit ? Number(query.unit) : me.unitId;
  const from = query.from || yearRange(thisYear).from;
  const to = query.to || todayIso();
  const view: MetricView = query.view === 'then' ? 'then' : 'now';
  const ready = !!unit && from <= to;
  const res = useEndpoint('GET /api/metrics/:key', ready ? { params: { key: metricKey }, query: { unit, from, to, view } } : null);
  const r = res.data;
  // Dimensions with nothing in them (no province inside a ward) only widen the table.
  const dims = r?.metric.dims ? Object.entries(r.metric.dims).filter(([k]) => (r.total.byDim[k] ?? 0) !== 0 || r.children.some((c) => (c.byDim[k] ?? 0) !== 0)) : [];
  const max = Math.max(0, ...(r?.children ?? []).map((c) => c.value));
  const year = from.endsWith('-01-01') && to === `${from.slice(0, 4)}-12-31` ? from.slice(0, 4) : '';
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const fmt = (v: number) => formatMetric(v, r!.metric.unitOfMeasure, locale);

  return (
    <>
      <PageTitle
        before={
          <p className="small">
            <Link to={buildUrl('/metrics', { unit: query.unit })}>← {t('metrics.title')}</Link>
          </p>
        }
        title={r ? pick(r.metric.label) : t('metrics.metric')}
      />
      <Section title={t('metrics.params')}>
        <div className="filters">
          <UnitSelect label={t('metrics.unit')} value={unit} allowClear={false} onChange={(id) => setQuery({ unit: id })} />
          <SelectField
            label={t('metrics.year')}
            value={year}
            onChange={(e) => setQuery(e.target.value ? yearRange(Number(e.target.value)) : { from: null, to: null })}
            options={[{ value: '', label: t('metrics.customPeriod') }, ...years.map((y) => ({ value: y, label: y }))]}
          />
          <DateField label={t('metrics.from')} value={from} onChange={(d) => setQuery({ from: d })} />
          <DateField label={t('metrics.to')} value={to} onChange={(d) => setQuery({ to: d })} />
        </div>
        <fieldset className="view-switch">
          <legend className="label">{t('metrics.view')}</legend>
          <label>
            <input type="radio" name="view" value="now" checked={view === 'now'} onChange={() => setQuery({ view: null })} />
            <span>
              <strong>{t('metrics.viewNow')}</strong>
              <span>{t('metrics.viewNowHelp')}</span>
            </span>
          </label>
          <label>
            <input type="radio" name="view" value="then" checked={view === 'then'} onChange={() => setQuery({ view: 'then' })} />
            <span>
              <strong>{t('metrics.viewThen')}</strong>
              <span>{t('metrics.viewThenHelp')}</span>
            </span>
          </label>
        </fieldset>
      </Section>

      {!unit && <Notice>{t('metrics.pickUnit')}</Notice>}
      {from > to && <Notice kind="warn">{t('common.badRange')}</Notice>}
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {ready && !r && !res.error && <Loading />}
      {r && (
        <Section title={t('metrics.result', { unit: r.total.unitName, from: formatDate(r.from), to: formatDate(r.to) })}>
          <p className="hint">
            {t('metrics.asOfTree', { date: formatDate(r.asOf) })} · {r.view === 'now' ? t('metrics.viewNow') : t('metrics.viewThen')}
          </p>
          <div className="table-wrap" aria-busy={res.loading}>
            <table className="metric-table">
              <thead>
                <tr>
                  <th>{t('metrics.unitCol')}</th>
                  {dims.map(([k, label]) => (
                    <th key={k} className="num">
                      {pick(label)}
                    </th>
                  ))}
                  <th className="num">{dims.length ? t('metrics.total') : t('metrics.value')}</th>
                  <th className="bar-col">
                    <span className="sr-only">{t('metrics.bar')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.children.map((c) => (
                  <tr key={c.unitId}>
                    <td>
                      <Link to={buildUrl(`/metrics/${encodeURIComponent(metricKey)}`, { ...query, unit: c.unitId })}>{c.unitName}</Link>
                      <div className="bar bar-inline" aria-hidden="true">
                        <span style={{ width: `${barPercent(c.value, max)}%` }} />
                      </div>
                    </td>
                    {dims.map(([k]) => (
                      <td key={k} className="num">
                        {fmt(c.byDim[k] ?? 0)}
                      </td>
                    ))}
                    <td className="num">{fmt(c.value)}</td>
                    <td className="bar-col">
                      <div className="bar" aria-hidden="true">
                        <span style={{ width: `${barPercent(c.value, max)}%` }} />
                      </div>
                    </td>
                  </tr>
                ))}
                <tr className="total">
                  <td>{t('metrics.totalOf', { unit: r.total.unitName })}</td>
                  {dims.map(([k]) => (
                    <td key={k} className="num">
                      {fmt(r.total.byDim[k] ?? 0)}
                    </td>
                  ))}
                  <td className="num">{fmt(r.total.value)}</td>
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
          {r.children.length === 0 && <p className="hint">{t('metrics.noChildren')}</p>}
        </Section>
      )}
    </>
  );
}

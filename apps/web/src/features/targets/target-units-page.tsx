import type { MetricView } from '@contract/metrics';
import { useI18n } from '../../i18n/i18n';
import { Link, useQueryState } from '../../router';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { SelectField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { useMe } from '../auth/session';
import { dashboardUrl, formatRule, formatValue, recordsUrl } from './present';
import { RecordsLink, StatusBadge } from './target-list';
import { defaultYear } from './targets-page';
import './targets.css';
import { useEndpoint } from '../../query';

/** One target across the units below: those that miss it first, every figure linked to its records. */
export function TargetUnitsPage({ number }: { number: number }) {
  const { t, pick, locale } = useI18n();
  const me = useMe();
  const [query, setQuery] = useQueryState();
  const unit = query.unit ? Number(query.unit) : me.unitId;
  const year = Number(query.year) || defaultYear(me.unitValidTo);
  const view: MetricView = query.view === 'then' ? 'then' : 'now';
  const scope = query.scope === 'all' ? 'all' : 'children';
  const res = useEndpoint('GET /api/targets/:number/units', unit ? { params: { number }, query: { unit, year, view, scope } } : null);
  const r = res.data;
  return (
    <>
      <PageTitle
        before={
          <p className="small">
            <Link to={dashboardUrl(unit ?? 0, year)}>← {t('targets.back')}</Link>
          </p>
        }
        title={t('targets.unitsTitle', { n: number })}
        sub={
          r ? (
            <span>
              {pick(r.title)} · {r.year}
            </span>
          ) : undefined
        }
      />
      <div className="filters">
        <SelectField
          label={t('targets.scope')}
          value={scope}
          onChange={(e) => setQuery({ scope: e.target.value === 'all' ? 'all' : null })}
          options={[
            { value: 'children', label: t('targets.scopeChildren') },
            { value: 'all', label: t('targets.scopeAll') },
          ]}
        />
      </div>
      {!unit && <Notice>{t('targets.pickUnit')}</Notice>}
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {unit && !r && !res.error && <Loading />}
      {r && (
        <Section title={t('targets.unitsTitle', { n: number })}>
          {r.units.length === 0 ? (
            <p className="hint">{t('targets.noUnits')}</p>
          ) : (
            <ul className="unit-cards" aria-busy={res.loading}>
              {r.units.map((u) => (
                <li key={u.unit.id} data-testid={`unit-row-${u.unit.code}`}>
                  <div className="unit-card-head">
                    <Link to={dashboardUrl(u.unit.id, r.year)}>{u.unit.name}</Link>
                    <StatusBadge status={u.status} />
                  </div>
                  {u.measures.map((m) => (
                    <div key={m.code} className="unit-card-measure">
                      <span className="measure-code">{m.code}</span>{' '}
                      {m.reason === 'metric_missing' ? (
                        <span>—</span>
                      ) : (
                        <Link to={recordsUrl(m.metricKeys[0], u.unit.id, r.year)} aria-label={`${u.unit.name}, ${m.code}: ${formatValue(m.value, m.unitOfMeasure, locale)}`}>
                          {formatValue(m.value, m.unitOfMeasure, locale)}
                        </Link>
                      )}
                      {m.numerator !== null && m.denominator !== null && !m.each && (
                        <span className="muted small">
                          {' '}
                          ({m.numerator}/{m.denominator})
                        </span>
                      )}
                      <span className="muted small"> · {formatRule(m.rule, m.unitOfMeasure, locale)}</span>
                      <RecordsLink metricKey={m.metricKeys[0]} unitId={u.unit.id} year={r.year} />
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
    </>
  );
}

import type { MetricView } from '@contract/metrics';
import { dayBefore, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, useQueryState } from '../../router';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { SelectField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { useMe } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { ChildrenMatrix } from './children-matrix';
import { UnitChart, YearChart } from './charts';
import { CommuneMap } from './commune-map';
import { TargetList } from './target-list';
import { FIRST_YEAR } from './present';
import './targets.css';
import { useEndpoint } from '../../query';

/** The year a user sees first: this year, or the last year of a unit that has ended. */
export function defaultYear(unitValidTo: string | null): number {
  const thisYear = Number(todayIso().slice(0, 4));
  return unitValidTo && unitValidTo <= todayIso() ? Number(dayBefore(unitValidTo).slice(0, 4)) : thisYear;
}

/** The standing committee's dashboard: this year's targets at a glance, by unit, by year, on the map. */
export function TargetsPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const [query, setQuery] = useQueryState();
  const thisYear = Number(todayIso().slice(0, 4));
  const unit = query.unit ? Number(query.unit) : me.unitId;
  const year = Number(query.year) || defaultYear(me.unitValidTo);
  const view: MetricView = query.view === 'then' ? 'then' : 'now';
  const res = useEndpoint('GET /api/targets', unit ? { query: { unit, year, view } } : null);
  const r = res.data;
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const count = (pred: (s: string) => boolean) => r?.targets.filter((x) => pred(x.status)).length ?? 0;

  return (
    <>
      <PageTitle
        title={t('targets.title')}
        sub={
          r?.congress ? (
            <span>{r.congress.name.includes(r.congress.termLabel) ? r.congress.name : t('targets.congress', { name: r.congress.name, term: r.congress.termLabel })}</span>
          ) : undefined
        }
        actions={
          r?.canManage ? (
            <>
              {r.congress && (
                <Link className="btn" to={`/targets/congresses/${r.congress.id}`}>
                  {t('targets.manage')}
                </Link>
              )}
              <Link className="btn" to={`/targets/congresses/new?unit=${r.unit.id}`}>
                {t('targets.newCongress')}
              </Link>
            </>
          ) : undefined
        }
      />
      <Section title={t('metrics.params')}>
        <div className="filters">
          <UnitSelect label={t('targets.unit')} value={unit} allowClear={false} onChange={(id) => setQuery({ unit: id }, { push: true })} />
          <SelectField
            label={t('targets.year')}
            value={String(year)}
            onChange={(e) => setQuery({ year: e.target.value }, { push: true })}
            options={years.map((y) => ({ value: y, label: y }))}
          />
        </div>
      </Section>
      {!unit && <Notice>{t('targets.pickUnit')}</Notice>}
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {unit && !r && !res.error && <Loading />}
      {r && (
        <div aria-busy={res.loading} className="targets-dash">
          {!r.congress && r.targets.length > 0 && <Notice>{t('targets.noCongress', { year: r.year })}</Notice>}
          <Section title={`${t('targets.glance', { year: r.year })} — ${r.unit.name}`}>
            {r.targets.length === 0 ? (
              <p className="hint">{t(r.unitExisted ? 'targets.noTargets' : 'targets.notExisting', { year: r.year })}</p>
            ) : (
              <>
                {r.congress && (
                  <p className="target-summary" data-testid="targets-summary">
                    {t('targets.summary', { met: count((s) => s === 'met' || s === 'exceeded'), notMet: count((s) => s === 'not_met'), none: count((s) => s === 'not_measured') })}
                  </p>
                )}
                <TargetList result={r} />
              </>
            )}
          </Section>
          {r.children.some((c) => c.cells.length > 0) && (
            <Section title={t('targets.byUnit')}>
              <ChildrenMatrix result={r} />
            </Section>
          )}
          {r.congress && r.targets.length > 0 && <YearChart unit={r.unit.id} year={r.year} view={view} count={r.targets.length} />}
          {r.children.some((c) => c.cells.length > 0) && <UnitChart result={r} />}
          <div className="targets-map">
            <CommuneMap
              unit={r.unit.id}
              year={r.year}
              view={view}
              targets={r.targets.map((x) => ({
                number: x.number,
                title: pick(x.title),
                measured: ['met', 'exceeded', 'not_met'].includes(x.status) || x.children.met + x.children.exceeded + x.children.notMet > 0,
              }))}
            />
          </div>
        </div>
      )}
    </>
  );
}

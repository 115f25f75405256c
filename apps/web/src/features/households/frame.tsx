import type { ReactNode } from 'react';
import type { UnitDetail } from '@contract/units';
import { todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { Link, useQueryState } from '../../router';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { SelectField } from '../../ui/fields';
import { PageTitle } from '../../ui/page';
import { useMe } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { useEndpoint } from '../../query';

export type Tab = 'registry' | 'coverage' | 'duplicates' | 'import';
const TABS: { tab: Tab; path: string; label: MessageKey }[] = [
  { tab: 'registry', path: '/households', label: 'hh.registry' },
  { tab: 'coverage', path: '/households/coverage', label: 'hh.coverage' },
  { tab: 'duplicates', path: '/households/duplicates', label: 'hh.duplicates' },
  { tab: 'import', path: '/households/import', label: 'hh.import' },
];

export const thisYear = () => Number(todayIso().slice(0, 4));
export const YEAR_OPTIONS = Array.from({ length: thisYear() - 2018 }, (_, i) => String(thisYear() - i)).map((y) => ({ value: y, label: y }));

/** Tabs, the unit (mine by default, ?unit= another in scope) and the year (?year=) of the household pages. */
export function HouseholdsFrame({ tab, children, withYear = true }: { tab: Tab; withYear?: boolean; children: (unit: UnitDetail, year: number) => ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const [query, setQuery] = useQueryState();
  const unitId = query.unit ? Number(query.unit) : me.unitId;
  const year = query.year ? Number(query.year) : thisYear();
  const unit = useEndpoint('GET /api/units/:id', unitId ? { params: { id: unitId } } : null);
  const keep = (path: string) => {
    const p = new URLSearchParams();
    if (query.unit) p.set('unit', query.unit);
    if (query.year) p.set('year', query.year);
    return p.size ? `${path}?${p}` : path;
  };
  return (
    <>
      <PageTitle title={t('hh.title')} sub={unit.data && <Link to={`/units/${unit.data.id}`}>{unit.data.name}</Link>} />
      <nav className="tabs" aria-label={t('hh.sections')}>
        {TABS.map((x) => (
          <Link key={x.tab} to={keep(x.path)} aria-current={x.tab === tab ? 'page' : undefined}>
            {t(x.label)}
          </Link>
        ))}
      </nav>
      <div className="card filters">
        <UnitSelect label={t('hh.unit')} value={unitId} name={unit.data?.name} allowClear={false} onChange={(id) => setQuery({ unit: id }, { push: true })} />
        {withYear && <SelectField label={t('hh.year')} value={String(year)} options={YEAR_OPTIONS} onChange={(e) => setQuery({ year: e.target.value })} />}
      </div>
      {!unitId && <Notice>{t('hh.pickUnit')}</Notice>}
      {unit.error && <ErrorNote error={unit.error} onRetry={unit.reload} />}
      {unitId && !unit.data && !unit.error && <Loading />}
      {unit.data && unit.data.id === unitId && children(unit.data, year)}
    </>
  );
}

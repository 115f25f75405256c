import type { ReactNode } from 'react';
import type { UnitDetail } from '@contract/units';
import { UNIT_LEVEL_LABELS } from '@contract/units-values';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { Link, useQueryState } from '../../router';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { PageTitle } from '../../ui/page';
import { useMe } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { orgPaths } from './paths';
import { useEndpoint } from '../../query';

type Tab = 'committees' | 'memberOrgs' | 'workBoards' | 'people';

const TABS: { tab: Tab; label: MessageKey }[] = [
  { tab: 'committees', label: 'org.committees' },
  { tab: 'memberOrgs', label: 'org.memberOrgs' },
  { tab: 'workBoards', label: 'org.workBoards' },
  { tab: 'people', label: 'org.people' },
];

/**
 * The frame of the organisation lists: the section tabs and the unit they are about (my unit by
 * default; ?unit= for another one in my scope). Children get the unit as it stands.
 */
export function OrgFrame({ tab, children }: { tab: Tab; children: (unit: UnitDetail) => ReactNode }) {
  const { t, pick } = useI18n();
  const me = useMe();
  const [query, setQuery] = useQueryState();
  const unitId = query.unit ? Number(query.unit) : me.unitId;
  const unit = useEndpoint('GET /api/units/:id', unitId ? { params: { id: unitId } } : null);
  const label = TABS.find((x) => x.tab === tab)!.label;
  return (
    <>
      <PageTitle
        title={t(label)}
        sub={
          unit.data && (
            <>
              <Link to={`/units/${unit.data.id}`}>{unit.data.name}</Link>
              <span className="badge">{pick(UNIT_LEVEL_LABELS[unit.data.level])}</span>
            </>
          )
        }
      />
      <nav className="tabs" aria-label={t('org.sections')}>
        {TABS.map((x) => (
          <Link key={x.tab} to={orgPaths[x.tab](query.unit ? unitId : null)} aria-current={x.tab === tab ? 'page' : undefined}>
            {t(x.label)}
          </Link>
        ))}
      </nav>
      <div className="card">
        <UnitSelect label={t('org.unit')} value={unitId} name={unit.data?.name} allowClear={false} onChange={(id) => setQuery({ unit: id }, { push: true })} />
      </div>
      {!unitId && <Notice>{t('org.pickUnit')}</Notice>}
      {unit.error && <ErrorNote error={unit.error} onRetry={unit.reload} />}
      {unitId && !unit.data && !unit.error && <Loading />}
      {unit.data && unit.data.id === unitId && children(unit.data)}
    </>
  );
}

import { RELATION_LABELS } from '@contract/households-values';
import type { UnitDetail } from '@contract/units';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { Section } from '../../ui/page';
import { useEndpoint } from '../../query';
import { HouseholdsFrame } from './frame';

/** People registered in more than one household of the unit (same name without diacritics, same year of birth). */
export function DuplicatesPage() {
  return (
    <HouseholdsFrame tab="duplicates" withYear={false}>
      {(unit) => <Report unit={unit} />}
    </HouseholdsFrame>
  );
}

function Report({ unit }: { unit: UnitDetail }) {
  const { t, pick } = useI18n();
  const res = useEndpoint('GET /api/households/duplicates/report', { query: { unit: unit.id } });
  if (res.error) return <ErrorNote error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  return (
    <Section title={t('hh.dupReport')}>
      {res.data.length === 0 && <Empty>{t('hh.noDuplicates')}</Empty>}
      <ul className="member-list">
        {res.data.map((g) => (
          <li key={g.key}>
            <strong>{g.name}</strong> {g.birthYear && <span className="muted">({g.birthYear})</span>}
            <ul>
              {g.households.map((x) => (
                <li key={x.memberId}>
                  <Link to={`/households/${x.householdId}`}>{x.villageName}</Link>
                  {x.address ? `, ${x.address}` : ''} · {pick(RELATION_LABELS[x.relation])}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Section>
  );
}

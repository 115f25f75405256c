import { useI18n } from '../../i18n/i18n';
import { buildUrl } from '../../route-match';
import { useQueryState } from '../../router';
import { PageTitle } from '../../ui/page';
import { AsOfField } from './as-of';
import { useSession } from '../auth/session';
import { UnitImport } from './unit-import';
import { UnitPicker } from './unit-picker';
import { useDefaultAsOf } from './use-as-of';

/** Browse the units I may see, as they were on a chosen date. */
export function UnitsPage() {
  const { t } = useI18n();
  const [query, setQuery] = useQueryState();
  const fallback = useDefaultAsOf();
  const asOf = query.asOf || fallback;
  const isDefault = asOf === fallback;
  const { can } = useSession();
  return (
    <>
      <PageTitle title={t('units.title')} sub={t('units.intro')} />
      <div className="card">
        <div className="filters">
          <AsOfField value={asOf} onChange={(d) => setQuery({ asOf: d === fallback ? null : d })} />
        </div>
      </div>
      <div className="card">
        <UnitPicker asOf={asOf} linkTo={(u) => buildUrl(`/units/${u.id}`, { asOf: isDefault ? null : asOf })} />
      </div>
      {can('unit.manage') && <UnitImport />}
    </>
  );
}

import { useState } from 'react';
import { HOUSEHOLD_CLASSES, HOUSEHOLD_CLASS_LABELS, HOUSING_NEED_LABELS, type HouseholdClass } from '@contract/households-values';
import type { UnitDetail } from '@contract/units';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { Section } from '../../ui/page';
import { useDebounced } from '../../ui/use-debounced';
import { useSession } from '../auth/session';
import { endpointUrl } from '../../client';
import { useEndpoint } from '../../query';
import { HouseholdsFrame } from './frame';
import { HouseholdFormDialog } from './household-form';
import { classList } from './labels';

/** The registry of a unit for a year, filtered by class or name, exportable to XLSX. */
export function RegistryPage() {
  return <HouseholdsFrame tab="registry">{(unit, year) => <Registry unit={unit} year={year} />}</HouseholdsFrame>;
}

function Registry({ unit, year }: { unit: UnitDetail; year: number }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [query, setQuery] = useQueryState();
  const [adding, setAdding] = useState(false);
  const q = useDebounced(query.q ?? '', 300);
  const cls = (HOUSEHOLD_CLASSES as readonly string[]).includes(query.class ?? '') ? (query.class as HouseholdClass) : undefined;
  const res = useEndpoint('GET /api/households', { query: { unit: unit.id, year, class: cls, q: q || undefined } });
  const rows = res.data ?? [];
  return (
    <>
      <div className="card filters">
        <SelectField
          label={t('hh.class')}
          value={cls ?? ''}
          onChange={(e) => setQuery({ class: e.target.value || null })}
          options={[{ value: '', label: t('common.all') }, ...HOUSEHOLD_CLASSES.map((c) => ({ value: c, label: pick(HOUSEHOLD_CLASS_LABELS[c]) }))]}
        />
        <TextField label={t('hh.search')} type="search" value={query.q ?? ''} onChange={(e) => setQuery({ q: e.target.value || null })} />
      </div>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading />}
      {res.data && (
        <Section
          title={t('hh.count', { n: rows.length })}
          actions={
            <>
              {can('household.export') && (
                <a className="btn btn-small" href={endpointUrl('GET /api/households/export.xlsx', { query: { list: 'registry', unit: unit.id, year, class: cls } })} download>
                  {t('hh.export')}
                </a>
              )}
              {can('household.write') && (
                <button type="button" className="btn btn-small btn-primary" onClick={() => setAdding(true)}>
                  {t('hh.add')}
                </button>
              )}
            </>
          }
        >
          {rows.length === 0 && <Empty>{t('hh.none')}</Empty>}
          <ul className="member-list">
            {rows.map((h) => (
              <li key={h.id}>
                <div className="member-main">
                  <Link to={`/households/${h.id}?year=${year}`}>
                    <strong>{h.headName}</strong>
                  </Link>
                  {h.headBirthYear && <span className="muted"> ({h.headBirthYear})</span>}
                </div>
                <div className="small muted">
                  {[
                    h.villageName,
                    h.classes ? classList(pick, h.classes) || '—' : t('hh.notReviewed'),
                    h.housingNeed && h.housingNeed !== 'none' && pick(HOUSING_NEED_LABELS[h.housingNeed]),
                    t('hh.memberCount', { n: h.memberCount }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {adding && <HouseholdFormDialog open onClose={() => setAdding(false)} parentUnitId={unit.id} year={year} onSaved={(id) => navigate(`/households/${id}?year=${year}`)} />}
    </>
  );
}

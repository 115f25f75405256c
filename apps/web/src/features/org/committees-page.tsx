import { useState } from 'react';
import { COMMITTEE_KIND_LABELS, COMMITTEE_KINDS, type CommitteeKind } from '@contract/org-values';
import type { UnitDetail } from '@contract/units';
import { formatPeriod } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { CheckboxField, SelectField } from '../../ui/fields';
import { Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { dateWithin } from '../units/dates';
import { useDefaultAsOf } from '../units/use-as-of';
import { OrgFrame } from './org-frame';
import { CommitteeFormDialog, TERMS } from './org-forms';
import { orgPaths } from './paths';
import { useEndpoint } from '../../query';

/** The committees of a unit (both terms, every kind), optionally with those of its subtree. */
export function CommitteesPage() {
  return <OrgFrame tab="committees">{(unit) => <Committees unit={unit} />}</OrgFrame>;
}

function Committees({ unit }: { unit: UnitDetail }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [query, setQuery] = useQueryState();
  const [creating, setCreating] = useState(false);
  const fallback = useDefaultAsOf();
  const kind = (COMMITTEE_KINDS as readonly string[]).includes(query.kind) ? (query.kind as CommitteeKind) : undefined;
  const term = TERMS.includes(query.term) ? query.term : undefined;
  const scope = query.scope === 'subtree' ? 'subtree' : 'unit';
  const res = useEndpoint('GET /api/org/committees', { query: { unit: unit.id, kind, term, scope } });

  return (
    <>
      <Section
        title={t('org.committeesOf', { unit: unit.name })}
        actions={
          can('org.write') && (
            <button type="button" className="btn btn-primary btn-small" onClick={() => setCreating(true)}>
              {unit.level === 'village' ? t('org.createWorkBoard') : t('org.createCommittee')}
            </button>
          )
        }
      >
        <div className="filters">
          <SelectField
            label={t('org.kind')}
            value={kind ?? ''}
            onChange={(e) => setQuery({ kind: e.target.value || null })}
            options={[{ value: '', label: t('common.all') }, ...COMMITTEE_KINDS.map((k) => ({ value: k, label: pick(COMMITTEE_KIND_LABELS[k]) }))]}
          />
          <SelectField
            label={t('org.term')}
            value={term ?? ''}
            onChange={(e) => setQuery({ term: e.target.value || null })}
            options={[{ value: '', label: t('common.all') }, ...TERMS.map((x) => ({ value: x, label: x }))]}
          />
          {unit.level !== 'village' && (
            <CheckboxField label={t('org.includeSubtree')} checked={scope === 'subtree'} onChange={(e) => setQuery({ scope: e.target.checked ? 'subtree' : null })} />
          )}
        </div>
        {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
        {!res.data && !res.error && <Loading inline />}
        {res.data?.length === 0 && <Empty>{t('org.noCommittees')}</Empty>}
        {res.data && res.data.length > 0 && (
          <ul className="member-list" aria-busy={res.loading}>
            {res.data.map((c) => (
              <li key={c.id}>
                <div className="member-main">
                  <Link to={orgPaths.committee(c.id)}>
                    <strong>{c.name || pick(COMMITTEE_KIND_LABELS[c.kind])}</strong>
                  </Link>
                  {scope === 'subtree' && <span className="muted">{c.unitName}</span>}
                  <span className="badge">{t('org.termN', { term: c.termLabel })}</span>
                </div>
                <div className="small muted">
                  {[
                    formatPeriod(c.validFrom, c.validTo, t('units.present')),
                    c.headName ? t('org.headOf', { name: c.headName }) : t('org.noHead'),
                    t('org.memberCount', { n: c.memberCount }),
                  ].join(' · ')}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {creating && (
        <CommitteeFormDialog
          open
          onClose={() => setCreating(false)}
          unitId={unit.id}
          level={unit.level}
          defaultDate={dateWithin(fallback, unit.validFrom, unit.validTo)}
          onSaved={(c) => navigate(orgPaths.committee(c.id))}
        />
      )}
    </>
  );
}

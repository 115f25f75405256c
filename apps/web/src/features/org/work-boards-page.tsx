import { useState } from 'react';
import type { UnitDetail } from '@contract/units';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { CheckboxField } from '../../ui/fields';
import { Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { dateWithin } from '../units/dates';
import { useDefaultAsOf } from '../units/use-as-of';
import { OrgFrame } from './org-frame';
import { CommitteeFormDialog } from './org-forms';
import { orgPaths } from './paths';
import { useEndpoint } from '../../query';

/** Villages under a unit and their Front work boards — those lacking one first. */
export function WorkBoardsPage() {
  return <OrgFrame tab="workBoards">{(unit) => <WorkBoards unit={unit} />}</OrgFrame>;
}

function WorkBoards({ unit }: { unit: UnitDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [query, setQuery] = useQueryState();
  const fallback = useDefaultAsOf();
  const asOf = dateWithin(fallback, unit.validFrom, unit.validTo);
  const [creatingFor, setCreatingFor] = useState<{ id: number; name: string } | null>(null);
  const missingOnly = query.missing === '1';
  const res = useEndpoint('GET /api/org/work-boards', { query: { unit: unit.id, asOf } });
  const o = res.data;
  const villages = o ? (missingOnly ? o.villages.filter((v) => v.committeeId === null) : o.villages) : [];

  return (
    <>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!o && !res.error && <Loading />}
      {o && (
        <Section title={t('org.workBoardsOf', { unit: o.unitName, date: formatDate(o.asOf) })}>
          <dl className="stats">
            <div>
              <dt>{t('org.villages')}</dt>
              <dd>{o.total}</dd>
            </div>
            <div>
              <dt>{t('org.withBoard')}</dt>
              <dd>{o.withBoard}</dd>
            </div>
            <div className={o.withoutBoard > 0 ? 'stat-warn' : ''}>
              <dt>{t('org.withoutBoard')}</dt>
              <dd>{o.withoutBoard}</dd>
            </div>
          </dl>
          <CheckboxField label={t('org.missingOnly')} checked={missingOnly} onChange={(e) => setQuery({ missing: e.target.checked ? '1' : null })} />
          {villages.length === 0 && <Empty>{o.total === 0 ? t('org.noVillages') : t('org.allHaveBoards')}</Empty>}
          <ul className="member-list">
            {villages.map((v) => (
              <li key={v.villageId} className={v.committeeId === null ? 'missing' : undefined}>
                <div className="member-main">
                  <Link to={`/units/${v.villageId}`}>
                    <strong>{v.villageName}</strong>
                  </Link>
                  {v.committeeId === null ? <span className="badge badge-warn">{t('org.noBoard')}</span> : <span className="badge badge-ok">{t('org.hasBoard')}</span>}
                </div>
                <div className="small muted">
                  {[
                    v.parentId !== o.unitId && v.parentName,
                    v.committeeId !== null && t('org.termN', { term: v.termLabel ?? '' }),
                    v.committeeId !== null && (v.headName ? t('org.headN', { name: v.headName }) : t('org.noHead')),
                    v.committeeId !== null && t('org.memberCount', { n: v.memberCount }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
                <div className="member-actions">
                  {v.committeeId !== null && (
                    <Link className="btn btn-small" to={orgPaths.committee(v.committeeId)}>
                      {t('org.openBoard')}
                    </Link>
                  )}
                  {v.committeeId === null && can('org.write') && (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setCreatingFor({ id: v.villageId, name: v.villageName })}
                      aria-label={t('org.createWorkBoardFor', { name: v.villageName })}
                    >
                      {t('org.createWorkBoard')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {creatingFor && (
        <CommitteeFormDialog
          open
          onClose={() => setCreatingFor(null)}
          unitId={creatingFor.id}
          level="village"
          defaultDate={asOf}
          onSaved={(c) => navigate(orgPaths.committee(c.id))}
        />
      )}
    </>
  );
}

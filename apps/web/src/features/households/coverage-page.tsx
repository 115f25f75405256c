import { useState } from 'react';
import { COVERAGE_KINDS, COVERAGE_KIND_LABELS, HOUSING_NEED_LABELS, type CoverageKind } from '@contract/households-values';
import type { CoverageRow } from '@contract/households';
import type { UnitDetail } from '@contract/units';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { Link, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { endpointUrl } from '../../client';
import { useEndpoint } from '../../query';
import { HouseholdsFrame } from './frame';
import { classList } from './labels';
import { SupportFormDialog } from './support-form';

const KIND_TABS: Record<CoverageKind, MessageKey> = { tet: 'hh.coverageTet', hardship: 'hh.coverageHardship', house: 'hh.coverageHouse' };

/** Who has not been reached yet (targets 4 and 5): the list an official acts on, one tap to record. */
export function CoveragePage() {
  return <HouseholdsFrame tab="coverage">{(unit, year) => <CoverageList unit={unit} year={year} />}</HouseholdsFrame>;
}

function CoverageList({ unit, year }: { unit: UnitDetail; year: number }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [query, setQuery] = useQueryState();
  const kind = (COVERAGE_KINDS as readonly string[]).includes(query.kind) ? (query.kind as CoverageKind) : 'tet';
  const res = useEndpoint('GET /api/households/coverage', { query: { unit: unit.id, year, kind } });
  const [recording, setRecording] = useState<CoverageRow | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const c = res.data;
  return (
    <>
      <nav className="tabs" aria-label={t('hh.coverage')}>
        {COVERAGE_KINDS.map((k) => (
          <a
            key={k}
            href={`?${new URLSearchParams({ ...query, kind: k })}`}
            aria-current={k === kind ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              setQuery({ kind: k });
            }}
          >
            {t(KIND_TABS[k])}
          </a>
        ))}
      </nav>
      {saved && <Notice kind="ok">{saved}</Notice>}
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!c && !res.error && <Loading />}
      {c && (
        <Section
          title={pick(COVERAGE_KIND_LABELS[kind]) + (c.quarter ? ` — Q${c.quarter}/${c.year}` : ` — ${c.year}`)}
          actions={
            can('household.export') && (
              <a className="btn btn-small" href={endpointUrl('GET /api/households/export.xlsx', { query: { list: 'coverage', unit: unit.id, year, kind } })} download>
                {t('hh.export')}
              </a>
            )
          }
        >
          <dl className="stats">
            <div>
              <dt>{t('hh.due')}</dt>
              <dd>{c.total}</dd>
            </div>
            <div>
              <dt>{t('hh.reached')}</dt>
              <dd>{c.reached}</dd>
            </div>
            <div className={c.missing.length ? 'stat-warn' : ''}>
              <dt>{t('hh.missing')}</dt>
              <dd data-testid="missing-count">{c.missing.length}</dd>
            </div>
          </dl>
          {c.missing.length === 0 && <Empty>{t('hh.allReached')}</Empty>}
          <ul className="member-list">
            {c.missing.map((m) => (
              <li key={m.householdId} className="missing">
                <div className="member-main">
                  <Link to={`/households/${m.householdId}?year=${year}`}>
                    <strong>{m.headName}</strong>
                  </Link>
                  {m.headBirthYear && <span className="muted"> ({m.headBirthYear})</span>}
                </div>
                <div className="small muted">
                  {[m.villageName, m.address, classList(pick, m.classes), m.housingNeed !== 'none' && pick(HOUSING_NEED_LABELS[m.housingNeed])].filter(Boolean).join(' · ')}
                </div>
                {kind === 'tet' && can('household.write') && (
                  <div className="member-actions">
                    <button
                      type="button"
                      className="btn btn-small btn-primary"
                      aria-label={t('hh.recordTetFor', { name: m.headName })}
                      onClick={() => {
                        setSaved(null);
                        setRecording(m);
                      }}
                    >
                      {t('hh.recordTet')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {recording && (
        <SupportFormDialog
          open
          onClose={() => setRecording(null)}
          householdId={recording.householdId}
          headName={recording.headName}
          year={year}
          kind="tet"
          onSaved={(x) => {
            setSaved(x ? t('hh.tetSaved', { name: recording.headName }) : t('offline.saved'));
            if (x) res.reload();
          }}
        />
      )}
    </>
  );
}

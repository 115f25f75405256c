import { useState } from 'react';
import type { UnitDetail } from '@contract/units';
import { UNIT_LEVEL_LABELS } from '@contract/units-values';
import { dayBefore, foldVn, formatDate, formatPeriod, naturalCompare, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { buildUrl } from '../../route-match';
import { Link, useQueryState } from '../../router';
import { useEndpoint } from '../../query';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { RecordHistory } from '../audit/record-history';
import { useSession } from '../auth/session';
import { orgPaths } from '../org/paths';
import { AsOfField } from './as-of';
import { dateWithin, validOn } from './dates';
import { UnitHistory } from './unit-history';
import { UnitAdmin } from './unit-admin';
import { useDefaultAsOf } from './use-as-of';

/** One unit: what it is on the chosen date, what it contains, and how it came to be. */
export function UnitPage({ id }: { id: number }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [query, setQuery] = useQueryState();
  const fallback = useDefaultAsOf();
  const asOf = query.asOf || fallback;
  // Bumped after an administrator's change, so the children and the history mount again (the unit's reads
  // are refreshed by the change itself).
  const [version, setVersion] = useState(0);
  const res = useEndpoint('GET /api/units/:id', { params: { id }, query: { asOf } });
  // Outside the unit's life (an ended ward viewed today) its parents are read on its nearest day.
  const near = res.data && dateWithin(asOf, res.data.validFrom, res.data.validTo);
  const inner = useEndpoint('GET /api/units/:id', res.data && near && near !== asOf ? { params: { id }, query: { asOf: near } } : null);
  const u = res.data && near !== asOf ? inner.data : res.data;

  if (res.error)
    return (
      <>
        <PageTitle title={t('units.unit')} />
        <ErrorNote error={res.error} onRetry={res.reload} />
      </>
    );
  if (inner.error)
    return (
      <>
        <PageTitle title={t('units.unit')} />
        <ErrorNote error={inner.error} onRetry={inner.reload} />
      </>
    );
  if (!u) return <Loading />;

  const ended = !!u.validTo && u.validTo <= fallback;
  const at = dateWithin(asOf, u.validFrom, u.validTo);
  const keepAsOf = (to: string) => buildUrl(to, { asOf: query.asOf || null });

  return (
    <>
      <PageTitle
        before={
          u.ancestors.length > 0 && (
            <nav className="breadcrumb" aria-label={t('units.breadcrumb')}>
              <ol>
                {u.ancestors.map((a) => (
                  <li key={a.id}>
                    <Link to={keepAsOf(`/units/${a.id}`)}>{a.name}</Link>
                  </li>
                ))}
                <li aria-current="page">{u.name}</li>
              </ol>
            </nav>
          )
        }
        title={u.name}
        sub={
          <>
            <span className="badge badge-red">{pick(UNIT_LEVEL_LABELS[u.level])}</span>
            <span>
              {t('units.code')}: {u.code}
            </span>
            <span>{validity(u, t)}</span>
          </>
        }
      />

      {ended && (
        <Notice kind="warn">
          <p>{t('units.endedOn', { date: formatDate(dayBefore(u.validTo!)) })}</p>
          {u.successors.length > 0 && (
            <p>
              {t('units.rolledInto')}{' '}
              {u.successors.map((s, i) => (
                <span key={s.id}>
                  {i > 0 && ', '}
                  <Link to={`/units/${s.id}`}>{s.name}</Link>
                </span>
              ))}
            </p>
          )}
        </Notice>
      )}
      {!validOn(asOf, u.validFrom, u.validTo) && !ended && <Notice kind="info">{t('units.notValidAt', { date: formatDate(asOf) })}</Notice>}

      <div className="card">
        <div className="filters">
          <AsOfField value={asOf} onChange={(d) => setQuery({ asOf: d === fallback ? null : d })} />
        </div>
      </div>

      <div className="grid-2">
        <Section title={t('units.info')}>
          <dl className="kv">
            <dt>{t('units.code')}</dt>
            <dd>{u.code}</dd>
            <dt>{t('units.level')}</dt>
            <dd>{pick(UNIT_LEVEL_LABELS[u.level])}</dd>
            <dt>{t('units.kind')}</dt>
            <dd>{u.kind}</dd>
            <dt>{t('units.parent')}</dt>
            <dd>{u.parentId ? <Link to={keepAsOf(`/units/${u.parentId}`)}>{u.parentName}</Link> : t('common.none')}</dd>
            <dt>{t('units.validity')}</dt>
            <dd>{formatPeriod(u.validFrom, u.validTo, t('units.present'))}</dd>
          </dl>
        </Section>
        <Section title={t('units.work')}>
          <ul className="link-list">
            {can('org.read') && (
              <li>
                <Link to={orgPaths.committees(u.id)}>{t('org.committees')}</Link>
              </li>
            )}
            {can('org.read') && (
              <li>
                <Link to={orgPaths.memberOrgs(u.id)}>{t('org.memberOrgs')}</Link>
              </li>
            )}
            {can('org.read') && u.level !== 'village' && (
              <li>
                <Link to={orgPaths.workBoards(u.id)}>{t('org.workBoards')}</Link>
              </li>
            )}
            {can('org.read') && u.level === 'village' && (
              <li>
                <Link to={orgPaths.workBoards(u.id)}>{t('org.workBoard')}</Link>
              </li>
            )}
            {can('org.read') && (
              <li>
                <Link to={orgPaths.people(u.id)}>{t('org.people')}</Link>
              </li>
            )}
            {can('metric.read') && (
              <li>
                <Link to={buildUrl('/metrics', { unit: u.id })}>{t('nav.metrics')}</Link>
              </li>
            )}
            {can('audit.read') && (
              <li>
                <Link to={buildUrl('/audit', { unit: u.id })}>{t('units.auditOfUnit')}</Link>
              </li>
            )}
          </ul>
        </Section>
      </div>

      {/* Sibling keys must differ: two siblings keyed alike made React keep stale copies of the list (three shown at once). */}
      <Children key={`children-${version}`} unit={u} at={at} asOf={asOf} keepAsOf={keepAsOf} />
      <UnitHistory unit={u} />
      {can('unit.manage') && <UnitAdmin unit={u} today={todayIso()} onChanged={() => setVersion((v) => v + 1)} />}
      {can('audit.read') && <RecordHistory key={`history-${version}`} entity="unit" id={String(u.id)} />}
    </>
  );
}

function validity(u: UnitDetail, t: ReturnType<typeof useI18n>['t']): string {
  return t('units.validFromTo', {
    from: formatDate(u.validFrom),
    to: u.validTo ? formatDate(dayBefore(u.validTo)) : t('units.present'),
  });
}

const FIRST = 30;

function Children({ unit, at, asOf, keepAsOf }: { unit: UnitDetail; at: string; asOf: string; keepAsOf: (to: string) => string }) {
  const { t, pick } = useI18n();
  const res = useEndpoint('GET /api/units', { query: { parent: unit.id, asOf: at, limit: 500 } });
  const [filter, setFilter] = useState('');
  const [all, setAll] = useState(false);
  const title = at === asOf ? t('units.children') : t('units.childrenAt', { date: formatDate(at) });
  // A new ward can hold a hundred villages with repeated names: find one by name or code.
  const needle = foldVn(filter.trim());
  const shown = (res.data ?? []).filter((c) => !needle || foldVn(`${c.name} ${c.code}`).includes(needle)).sort((a, b) => naturalCompare(a.name, b.name));
  const visible = all || needle ? shown : shown.slice(0, FIRST);
  return (
    <Section title={title}>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading inline />}
      {res.data && res.data.length === 0 && <Empty>{t('units.noChildren')}</Empty>}
      {res.data && res.data.length > 0 && (
        <>
          {res.data.length > FIRST && <TextField label={t('units.filterChildren')} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />}
          <p className="hint">{needle ? t('units.childMatches', { n: shown.length, total: res.data.length }) : t('units.childTotal', { n: res.data.length })}</p>
          <ul className="link-list">
            {visible.map((c) => (
              <li key={c.id}>
                <Link to={at === asOf ? keepAsOf(`/units/${c.id}`) : buildUrl(`/units/${c.id}`, { asOf: at })}>
                  <span>{c.name}</span>
                  <span className="small muted">
                    {[
                      c.code,
                      c.name.toLowerCase().startsWith(c.kind.toLowerCase()) ? '' : c.kind || pick(UNIT_LEVEL_LABELS[c.level]),
                      (c.childCount ?? 0) > 0 ? t('units.childCount', { n: c.childCount ?? 0 }) : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {visible.length < shown.length && (
            <button type="button" className="btn btn-small" onClick={() => setAll(true)}>
              {t('units.showAll', { n: shown.length })}
            </button>
          )}
        </>
      )}
    </Section>
  );
}

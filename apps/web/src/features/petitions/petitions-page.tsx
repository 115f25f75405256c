import type { PetitionItem } from '@contract/petitions';
import { PETITION_KIND_LABELS, PETITION_KINDS, PETITION_STATE_LABELS, PETITION_STATES } from '@contract/petitions-values';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { CheckboxField, SelectField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { endpointUrl } from '../../client';
import { PetitionTabs } from './tabs';
import { useEndpoint } from '../../query';
import type { PetitionKind, PetitionState } from '@contract/petitions-values';

/** Petitions of a unit's subtree: filters by state and kind, the overdue list, the officer on each. */
export function PetitionsPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const page = Number(q.page ?? 0);
  const filters = {
    unit: unit ?? undefined,
    state: q.state as PetitionState | undefined,
    kind: q.kind as PetitionKind | undefined,
    overdue: q.overdue === '1' ? true : undefined,
    limit: 50,
    offset: page * 50,
  };
  const res = useEndpoint('GET /api/petitions', { query: filters });
  const rem = useEndpoint('GET /api/petitions/reminders');

  return (
    <>
      <PageTitle
        title={t('petitions.title')}
        sub={t('petitions.sub')}
        actions={
          can('petition.write') && (
            <Link className="btn btn-primary" to="/petitions/new">
              {t('petitions.new')}
            </Link>
          )
        }
      />
      <PetitionTabs tab="list" />
      {rem.data && (rem.data.overdue > 0 || rem.data.dueSoon > 0) && (
        <Notice kind="warn">
          {t('petitions.reminder', { overdue: rem.data.overdue, soon: rem.data.dueSoon })}{' '}
          {rem.data.overdue > 0 && (
            <button type="button" className="link" onClick={() => setQ({ overdue: '1', page: null })}>
              {t('petitions.showOverdue')}
            </button>
          )}
        </Notice>
      )}
      <Section
        title={t('petitions.list')}
        actions={
          <a className="btn btn-small" href={endpointUrl('GET /api/petitions/export.csv', { query: filters })} download>
            {t('petitions.export')}
          </a>
        }
      >
        <div className="filters">
          <UnitSelect label={t('petitions.unit')} value={unit} onChange={(id) => setQ({ unit: id, page: null })} allowClear={false} />
          <SelectField
            label={t('petitions.state')}
            value={q.state ?? ''}
            onChange={(e) => setQ({ state: e.target.value || null, page: null })}
            options={[{ value: '', label: t('petitions.all') }, ...PETITION_STATES.map((s) => ({ value: s, label: pick(PETITION_STATE_LABELS[s]) }))]}
          />
          <SelectField
            label={t('petitions.kind')}
            value={q.kind ?? ''}
            onChange={(e) => setQ({ kind: e.target.value || null, page: null })}
            options={[{ value: '', label: t('petitions.all') }, ...PETITION_KINDS.map((k) => ({ value: k, label: pick(PETITION_KIND_LABELS[k]) }))]}
          />
          <CheckboxField label={t('petitions.overdueOnly')} checked={q.overdue === '1'} onChange={(e) => setQ({ overdue: e.target.checked ? '1' : null, page: null })} />
        </div>
        {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
        {!res.data && !res.error && <Loading inline />}
        {res.data?.items.length === 0 && <Empty>{t('petitions.none')}</Empty>}
        {res.data && res.data.items.length > 0 && (
          <>
            <p className="small muted">{t('petitions.count', { n: res.data.total })}</p>
            <ul className="member-list" aria-busy={res.loading}>
              {res.data.items.map((p) => (
                <PetitionRow key={p.id} p={p} />
              ))}
            </ul>
            <div className="actions">
              {page > 0 && (
                <button type="button" className="btn btn-small" onClick={() => setQ({ page: page - 1 })}>
                  {t('petitions.prev')}
                </button>
              )}
              {(page + 1) * 50 < res.data.total && (
                <button type="button" className="btn btn-small" onClick={() => setQ({ page: page + 1 })}>
                  {t('petitions.next')}
                </button>
              )}
            </div>
          </>
        )}
      </Section>
    </>
  );
}

export function StateBadge({ state, overdue }: { state: PetitionItem['state']; overdue?: boolean }) {
  const { t, pick } = useI18n();
  const kind = state === 'closed' || state === 'informed' || state === 'answered' ? 'badge-ok' : state === 'declined' ? '' : 'badge-warn';
  return (
    <>
      <span className={`badge ${kind}`}>{pick(PETITION_STATE_LABELS[state])}</span>
      {overdue && (
        <>
          {' '}
          <span className="badge badge-red">{t('petitions.overdue')}</span>
        </>
      )}
    </>
  );
}

function PetitionRow({ p }: { p: PetitionItem }) {
  const { t, pick } = useI18n();
  return (
    <li>
      <div className="member-main">
        <Link to={`/petitions/${p.id}`}>
          <strong>{p.title}</strong>
        </Link>
        <StateBadge state={p.state} overdue={p.overdue} />
      </div>
      <div className="small muted">
        {[
          p.trackingCode,
          pick(PETITION_KIND_LABELS[p.kind]),
          p.unitName,
          t('petitions.receivedOn', { date: formatDate(p.receivedOn) }),
          p.dueOn && t('petitions.dueOn', { date: formatDate(p.dueOn) }),
          t('petitions.handler', { name: p.handlerName ?? t('petitions.noHandler') }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </li>
  );
}

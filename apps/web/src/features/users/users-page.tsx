import { useState } from 'react';
import { ROLE_LABELS } from '@contract/access-values';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { useDebounced } from '../../ui/use-debounced';
import { useEndpoint } from '../../query';

/** Account administration: find an account, open it, or create one. */
export function UsersPage() {
  const { t, pick } = useI18n();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const res = useEndpoint('GET /api/users', { query: { q: query || undefined } });
  return (
    <>
      <PageTitle
        title={t('users.title')}
        actions={
          <Link className="btn btn-primary" to="/users/new">
            {t('users.create')}
          </Link>
        }
      />
      <Section title={t('users.list')}>
        <TextField label={t('users.search')} hint={t('users.searchHint')} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
        {!res.data && !res.error && <Loading inline />}
        {res.data?.length === 0 && <Empty>{t('users.none')}</Empty>}
        {res.data && res.data.length > 0 && (
          <ul className="member-list" aria-busy={res.loading}>
            {res.data.map((u) => (
              <li key={u.id}>
                <div className="member-main">
                  <Link to={`/users/${u.id}`}>
                    <strong>{u.username}</strong>
                  </Link>
                  <span>{u.displayName}</span>
                  {u.active ? <span className="badge badge-ok">{t('users.active')}</span> : <span className="badge badge-warn">{t('users.inactive')}</span>}
                </div>
                <div className="small muted">
                  {pick(ROLE_LABELS[u.role])}
                  {u.unitId && (
                    <>
                      {' '}
                      · <Link to={`/units/${u.unitId}`}>{u.unitName}</Link>
                    </>
                  )}
                  {' · '}
                  {t('users.createdOn', { date: formatDateTime(u.createdAt) })}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

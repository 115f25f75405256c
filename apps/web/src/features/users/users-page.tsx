import { useState } from 'react';
import { ROLE_LABELS } from '@contract/access';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { useFetch } from '../../use-fetch';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { useDebounced } from '../../ui/use-debounced';
import { usersApi } from './api';

/** Account administration: find an account, open it, or create one. */
export function UsersPage() {
  const { t, pick } = useI18n();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const res = useFetch(`users:${query}`, () => usersApi.list(query || undefined));
  return (
    <>
      <PageTitle title={t('users.title')} actions={<Link className="btn btn-primary" to="/users/new">{t('users.create')}</Link>} />
      <Section title={t('users.list')}>
        <TextField label={t('users.search')} hint={t('users.searchHint')} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
        {!res.data && !res.error && <Loading inline />}
        {res.data?.length === 0 && <Empty>{t('users.none')}</Empty>}
        {res.data && res.data.length > 0 && (
          <div className="table-wrap" aria-busy={res.loading}>
            <table>
              <thead>
                <tr>
                  <th>{t('auth.username')}</th>
                  <th>{t('users.displayName')}</th>
                  <th>{t('users.role')}</th>
                  <th>{t('users.unit')}</th>
                  <th>{t('users.status')}</th>
                  <th>{t('users.createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {res.data.map((u) => (
                  <tr key={u.id}>
                    <td><Link to={`/users/${u.id}`}>{u.username}</Link></td>
                    <td>{u.displayName}</td>
                    <td>{pick(ROLE_LABELS[u.role])}</td>
                    <td>{u.unitId ? <Link to={`/units/${u.unitId}`}>{u.unitName}</Link> : '—'}</td>
                    <td>{u.active ? <span className="badge badge-ok">{t('users.active')}</span> : <span className="badge badge-warn">{t('users.inactive')}</span>}</td>
                    <td className="small">{formatDateTime(u.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}

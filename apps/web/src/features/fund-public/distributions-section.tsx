import { useState } from 'react';
import { formatDate, formatNumber, formatVnd } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { Section } from '../../ui/page';
import { useEndpoint } from '../../query';

/** Payments out of the campaign; beneficiaries' names come masked from the server. */
export function DistributionsSection({ campaignId }: { campaignId: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const res = useEndpoint('GET /api/public/campaigns/:id/distributions', { params: { id: campaignId }, query: { page } });
  const pages = res.data ? Math.max(1, Math.ceil(res.data.total / res.data.size)) : 1;
  return (
    <Section title={t('fundPublic.distributions')}>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading inline />}
      {res.data?.items.length === 0 && <Empty>{t('fundPublic.noDistributions')}</Empty>}
      {res.data && res.data.items.length > 0 && (
        <ul className="fp-donations">
          {res.data.items.map((d) => (
            <li key={d.id}>
              <div className="fp-row">
                <strong>{d.recipient}</strong>
                <span className="fp-amount-cell">{formatVnd(d.amount)}</span>
              </div>
              <div className="small muted">
                {formatDate(d.paidOn)} · {d.purpose} · {d.kindLabel}
                {d.packages ? <> · {t('fundPublic.packages', { n: formatNumber(d.packages) })}</> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav className="fp-pager" aria-label={t('fundPublic.distributions')}>
          <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('common.prev')}
          </button>
          <span className="small">
            {t('fundPublic.pageN', { n: page })} / {pages}
          </span>
          <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('common.next')}
          </button>
        </nav>
      )}
    </Section>
  );
}

import { formatDate, formatNumber, formatVnd } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/page';
import { useEndpoint } from '../../query';
import './fund-public.css';

/** Every public campaign with its totals: where a citizen starts checking. */
export function PublicCampaignsPage() {
  const { t } = useI18n();
  const res = useEndpoint('GET /api/public/campaigns');
  return (
    <>
      <PageTitle title={t('fundPublic.campaigns')} sub={t('fundPublic.campaignsIntro')} />
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading />}
      {res.data?.length === 0 && <Empty>{t('fundPublic.noCampaigns')}</Empty>}
      <ul className="fp-campaigns">
        {res.data?.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/public/campaigns/${c.id}`}>{c.name}</Link>
            </h2>
            <p className="small muted">
              {c.unitName} · {t('fundPublic.period', { from: formatDate(c.receiveFrom), to: formatDate(c.receiveTo), by: formatDate(c.distributeBy) })}
            </p>
            <dl className="fp-totals">
              <div>
                <dt>{t('fundPublic.received')}</dt>
                <dd>{formatVnd(c.receivedMoney + c.receivedGoods)}</dd>
              </div>
              <div>
                <dt>{t('fundPublic.distributed')}</dt>
                <dd>{formatVnd(c.distributed)}</dd>
              </div>
              <div>
                <dt>{t('fundPublic.balance')}</dt>
                <dd>{formatVnd(c.balance)}</dd>
              </div>
            </dl>
            <p className="small muted">{t('fundPublic.donationCount', { n: formatNumber(c.donationCount) })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

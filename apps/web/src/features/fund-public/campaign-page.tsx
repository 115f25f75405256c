import { useState } from 'react';
import type { PublicCampaignDetail } from '@contract/fund-public';
import { formatDate, formatDateTime, formatNumber, formatVnd } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { ErrorNote, Loading } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { endpointUrl } from '../../client';
import { useEndpoint } from '../../query';
import { DistributionsSection } from './distributions-section';
import { DonationsSection } from './donations-section';
import './fund-public.css';

/** A campaign's public statement: totals, how to give (VietQR), the searchable donations, the payments. */
export function PublicCampaignPage({ id }: { id: number }) {
  const { t } = useI18n();
  const res = useEndpoint('GET /api/public/campaigns/:id', { params: { id } });
  const c = res.data;
  return (
    <>
      <PageTitle
        title={c?.name ?? t('common.loading')}
        before={
          <Link to="/public/campaigns" className="small">
            {t('fundPublic.allCampaigns')}
          </Link>
        }
        sub={
          c && (
            <>
              {c.unitName} · {t('fundPublic.period', { from: formatDate(c.receiveFrom), to: formatDate(c.receiveTo), by: formatDate(c.distributeBy) })}
            </>
          )
        }
      />
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!c && !res.error && <Loading />}
      {c && (
        <>
          <Totals c={c} />
          <GiveSection c={c} />
          <DonationsSection campaignId={id} />
          <DistributionsSection campaignId={id} />
        </>
      )}
    </>
  );
}

function Totals({ c }: { c: PublicCampaignDetail }) {
  const { t } = useI18n();
  const parts = [
    { title: t('fundPublic.byPurpose'), rows: c.distributedByPurpose },
    { title: t('fundPublic.byUnit'), rows: c.distributedByUnit },
    { title: t('fundPublic.byDonor'), rows: c.donorsByKind },
  ];
  return (
    <section className="card fp-no-print" aria-label={t('fundPublic.received')}>
      <dl className="fp-totals fp-totals-big">
        <div>
          <dt>{t('fundPublic.received')}</dt>
          <dd>{formatVnd(c.receivedMoney + c.receivedGoods)}</dd>
          <dd className="small muted">
            {t('fundPublic.receivedMoney')}: {formatVnd(c.receivedMoney)} · {t('fundPublic.receivedGoods')}: {formatVnd(c.receivedGoods)}
          </dd>
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
      <p className="small muted">
        {t('fundPublic.donationCount', { n: formatNumber(c.donationCount) })}
        {c.lastUpdate && <> · {t('fundPublic.lastUpdate', { at: formatDateTime(c.lastUpdate) })}</>}
      </p>
      {parts
        .filter((p) => p.rows.length > 0)
        .map((p) => (
          <details key={p.title} className="fp-breakdown">
            <summary>{p.title}</summary>
            <ul>
              {p.rows.map((r) => (
                <li key={r.key}>
                  <span>{r.label}</span> <strong>{formatVnd(r.amount)}</strong> <span className="muted small">({formatNumber(r.count)})</span>
                </li>
              ))}
            </ul>
          </details>
        ))}
    </section>
  );
}

function GiveSection({ c }: { c: PublicCampaignDetail }) {
  const { t } = useI18n();
  const [amount, setAmount] = useState('');
  const digits = amount.replace(/[.\s,đ]/g, '');
  const valid = digits === '' || /^[1-9]\d{0,12}$/.test(digits);
  return (
    <Section
      title={t('fundPublic.give')}
      actions={
        !c.closed &&
        c.accounts.length > 0 && (
          <button type="button" className="btn btn-small fp-no-print" onClick={() => window.print()}>
            {t('fundPublic.print')}
          </button>
        )
      }
    >
      {c.closed && (
        <div role="status">
          <p>
            <strong>{t('fundPublic.closed', { to: formatDate(c.receiveTo) })}</strong>
          </p>
          {c.openCampaigns.length > 0 ? (
            <>
              <p className="small">{t('fundPublic.openInstead')}</p>
              <ul>
                {c.openCampaigns.map((o) => (
                  <li key={o.id}>
                    <Link to={`/public/campaigns/${o.id}`}>{o.name}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="small muted">{t('fundPublic.noOpen')}</p>
          )}
        </div>
      )}
      {!c.closed && c.accounts.length === 0 && <p className="muted">{t('fundPublic.noAccounts')}</p>}
      {c.accounts.length > 0 && (
        <>
          <p className="small">{t('fundPublic.giveHint', { ref: c.reference })}</p>
          <div className="fp-no-print fp-amount">
            <TextField
              label={t('fundPublic.amountOptional')}
              inputMode="numeric"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={valid ? undefined : t('fundPublic.invalidAmount')}
            />
          </div>
          <div className="fp-qr-list">
            {c.accounts.map((a) => (
              <figure key={a.accountNo} className="fp-qr">
                {a.qrSvgUrl && (
                  <img
                    src={endpointUrl('GET /api/public/campaigns/:id/vietqr.svg', {
                      params: { id: c.id },
                      query: { account: a.accountNo, amount: valid && digits ? digits : undefined },
                    })}
                    width={220}
                    height={220}
                    alt={t('fundPublic.qrAlt', { account: a.accountNo })}
                  />
                )}
                <figcaption>
                  <div>
                    <span className="muted">{t('fundPublic.bank')}:</span> {a.bankName}
                  </div>
                  <div>
                    <span className="muted">{t('fundPublic.account')}:</span> <strong>{a.accountNo}</strong>
                  </div>
                  {a.accountHolder && (
                    <div>
                      <span className="muted">{t('fundPublic.holder')}:</span> {a.accountHolder}
                    </div>
                  )}
                  <div>
                    <code>UNG HO {a.reference}</code>
                  </div>
                </figcaption>
              </figure>
            ))}
          </div>
        </>
      )}
    </Section>
  );
}

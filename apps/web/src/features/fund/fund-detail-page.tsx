import { useState, type ReactNode } from 'react';
import type { Campaign, Fund } from '@contract/fund';
import { FUND_KIND_LABELS } from '@contract/fund-values';
import { formatDate, formatVnd } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { Decree93Badges, DisbursementsSection, DonationsSection } from './activity';
import { DonationDialog, ProposeDialog } from './fund-forms';
import { useEndpoint } from '../../query';

/** One standing fund: balance, what came in and went out, and the forms to record more. */
export function FundPage({ id }: { id: number }) {
  const { t, pick } = useI18n();
  const res = useEndpoint('GET /api/fund/funds/:id', { params: { id } });
  const f = res.data;
  return (
    <Frame
      title={f?.name ?? t('fund.fund')}
      error={res.error}
      reload={res.reload}
      loaded={!!f}
      sub={
        f && (
          <>
            <Link to={`/fund?unit=${f.unitId}`}>{f.unitName}</Link>
            <span className="badge">{pick(FUND_KIND_LABELS[f.kind])}</span>
          </>
        )
      }
    >
      {f && (
        <>
          <Section title={t('fund.totals')}>
            <dl className="kv">
              <dt>{t('fund.raised')}</dt>
              <dd>{formatVnd(f.raised)}</dd>
              <dt>{t('fund.distributed')}</dt>
              <dd>{formatVnd(f.distributed)}</dd>
              <dt>{t('fund.balance')}</dt>
              <dd>
                <strong>{formatVnd(f.balance)}</strong>
              </dd>
              <dt>{t('fund.openedOn')}</dt>
              <dd>{formatDate(f.openedOn)}</dd>
            </dl>
          </Section>
          <Record unitId={f.unitId} fund={f} preset={`f${f.id}`} />
          <DisbursementsSection title={t('fund.payments')} query={{ fund: f.id }} emptyText={t('fund.noPayments')} />
          <DonationsSection query={{ fund: f.id }} />
        </>
      )}
    </Frame>
  );
}

/** One campaign: totals, quota achievement, Decree 93 standing, donations and payments. */
export function CampaignPage({ id }: { id: number }) {
  const { t } = useI18n();
  const res = useEndpoint('GET /api/fund/campaigns/:id', { params: { id } });
  const c = res.data;
  return (
    <Frame
      title={c?.name ?? t('fund.campaign')}
      error={res.error}
      reload={res.reload}
      loaded={!!c}
      sub={
        c && (
          <>
            <Link to={`/fund?unit=${c.unitId}`}>{c.unitName}</Link> · <Link to={`/fund/funds/${c.fundId}`}>{c.fundName}</Link>
          </>
        )
      }
    >
      {c && (
        <>
          <CampaignTotals c={c} />
          <Record unitId={c.unitId} campaign={c} preset={`c${c.id}`} />
          <DisbursementsSection title={t('fund.payments')} query={{ campaign: c.id }} emptyText={t('fund.noPayments')} />
          <DonationsSection query={{ campaign: c.id }} />
        </>
      )}
    </Frame>
  );
}

function CampaignTotals({ c }: { c: Campaign }) {
  const { t } = useI18n();
  const { can } = useSession();
  const x = c.totals;
  return (
    <Section title={t('fund.totals')}>
      {(c.decree93.flags.length > 0 || c.decree93.warnings.length > 0) && (
        <p>
          <Decree93Badges status={c.decree93} />
        </p>
      )}
      <dl className="kv">
        <dt>{t('fund.purposeLabel')}</dt>
        <dd>{c.purpose}</dd>
        <dt>{t('fund.receivingPeriod')}</dt>
        <dd>{`${formatDate(c.receiveFrom)} – ${formatDate(c.receiveTo)}`}</dd>
        <dt>{t('fund.distributeBy')}</dt>
        <dd>{formatDate(c.distributeBy)}</dd>
        <dt>{t('fund.raisedMoney')}</dt>
        <dd>{formatVnd(x.raisedMoney)}</dd>
        <dt>{t('fund.raisedGoods')}</dt>
        <dd>{formatVnd(x.raisedGoods)}</dd>
        <dt>{t('fund.raised')}</dt>
        <dd>
          <strong>{formatVnd(x.raised)}</strong>
          {` (${t('fund.donationsN', { n: x.donationCount })})`}
        </dd>
        {c.quota !== null && (
          <>
            <dt>{t('fund.quota')}</dt>
            <dd>
              {formatVnd(c.quota)}
              {c.quotaUnitName ? ` — ${c.quotaUnitName}` : ''}
            </dd>
            <dt>{t('fund.achievement')}</dt>
            <dd>
              <strong>{`${String(x.achievementRate).replace('.', ',')}%`}</strong>
              <div className="bar" role="img" aria-label={`${x.achievementRate}%`}>
                <span style={{ width: `${Math.min(100, x.achievementRate ?? 0)}%` }} />
              </div>
            </dd>
          </>
        )}
        <dt>{t('fund.distributed')}</dt>
        <dd>{formatVnd(x.distributed)}</dd>
        <dt>{t('fund.transferredUp')}</dt>
        <dd>{formatVnd(x.transferredUp)}</dd>
        <dt>{t('fund.balance')}</dt>
        <dd>
          <strong>{formatVnd(x.balance)}</strong>
        </dd>
      </dl>
      <p className="small">
        {c.isPublic && <Link to={`/public/campaigns/${c.id}`}>{t('fund.publicPage')}</Link>}
        {c.isPublic && can('fund.write') && ' · '}
        {can('fund.write') && <Link to={`/fund/campaigns/${c.id}/import`}>{t('fundImport.title')}</Link>}
      </p>
    </Section>
  );
}

function Frame({
  title,
  sub,
  error,
  reload,
  loaded,
  children,
}: {
  title: string;
  sub?: ReactNode;
  error: Parameters<typeof ErrorNote>[0]['error'] | null;
  reload: () => void;
  loaded: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle
        title={title}
        sub={sub}
        before={
          <nav className="breadcrumb">
            <Link to="/fund">{t('fund.title')}</Link>
          </nav>
        }
      />
      {error && <ErrorNote error={error} onRetry={reload} />}
      {!loaded && !error && <Loading />}
      {children}
    </>
  );
}

/** The two acts of the fund accountant, preset to this fund or campaign (the page's figures refresh after either: query.ts). */
function Record({ unitId, fund, campaign, preset }: { unitId: number; fund?: Fund; campaign?: Campaign; preset: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [dialog, setDialog] = useState<'donation' | 'propose' | null>(null);
  const [done, setDone] = useState<ReactNode>(null);
  const funds = useEndpoint('GET /api/fund/funds/:id', campaign ? { params: { id: campaign.fundId } } : null);
  if (!can('fund.write')) return null;
  const fundList = fund ? [fund] : funds.data ? [funds.data] : [];
  const campaignList = campaign ? [campaign] : [];
  return (
    <>
      {done && <Notice kind="ok">{done}</Notice>}
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={() => setDialog('donation')}>
          {t('fund.recordDonation')}
        </button>
        <button type="button" className="btn" onClick={() => setDialog('propose')}>
          {t('fund.proposePayment')}
        </button>
      </div>
      {dialog === 'donation' && (
        <DonationDialog
          unitId={unitId}
          funds={fundList}
          campaigns={campaignList}
          preset={preset}
          onClose={() => setDialog(null)}
          onSaved={(d) => {
            setDone(
              <>
                {t('fund.donationRecorded', { receipt: d.receiptNo ?? '' })} <Link to={`/fund/receipts/${d.id}`}>{t('fund.openReceipt')}</Link>
              </>,
            );
          }}
        />
      )}
      {dialog === 'propose' && (
        <ProposeDialog unitId={unitId} funds={fundList} campaigns={campaignList} preset={preset} onClose={() => setDialog(null)} onSaved={() => setDone(t('fund.proposed'))} />
      )}
    </>
  );
}
